import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccountsService } from './accounts.service';
import { AdminOnly, CurrentPrincipal } from './auth.decorators';
import { CreateUserRequest, UserResponse } from './auth.dto';
import type { Principal } from './principal';

@ApiTags('users')
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Post()
  @ApiCreatedResponse({ type: UserResponse })
  async create(@CurrentPrincipal() principal: Principal, @Body() body: CreateUserRequest): Promise<UserResponse> {
    return UserResponse.of(await this.accounts.createAccount(body, principal));
  }

  @Get()
  @ApiOkResponse({ type: [UserResponse] })
  async list(): Promise<UserResponse[]> {
    return (await this.accounts.listAccounts()).map(UserResponse.of);
  }
}
