import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc, problems } from '../openapi/api-doc';
import { AccountsService } from './accounts.service';
import { AdminOnly, CurrentPrincipal } from './auth.decorators';
import { AuthError } from './auth.errors';
import { CreateUserRequest, UserResponse } from './auth.dto';
import type { Principal } from './principal';

@ApiTags('users')
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiDoc({
    summary: 'Create a user account',
    who: 'admin',
    changes: true,
    description:
      'The password must follow the password rules (12 to 1024 characters, not the email address, not a placeholder, not one character repeated): otherwise 400 `WEAK_PASSWORD` naming the rule. Audited. The new user sees a study once its owner adds them as a member.',
    problems: [problems(AuthError, 'WEAK_PASSWORD', 'EMAIL_TAKEN')],
  })
  @ApiCreatedResponse({ type: UserResponse, description: 'The new account' })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return UserResponse.of(await this.accounts.createAccount(body, principal));
  }

  @Get()
  @ApiDoc({ summary: 'List user accounts', who: 'admin', description: 'Every account, with whether it is an administrator.' })
  @ApiOkResponse({ type: [UserResponse], description: 'All accounts' })
  async list(): Promise<UserResponse[]> {
    return (await this.accounts.listAccounts()).map(UserResponse.of);
  }
}
