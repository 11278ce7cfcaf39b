import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AccessTokensService } from './access-tokens.service';
import { CurrentPrincipal } from './auth.decorators';
import { AccessTokenResponse, CreateAccessTokenRequest, IssuedAccessTokenResponse } from './auth.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('auth/tokens')
export class AccessTokensController {
  constructor(private readonly tokens: AccessTokensService) {}

  @Post()
  @ApiCreatedResponse({ type: IssuedAccessTokenResponse })
  async issue(@CurrentPrincipal() principal: Principal, @Body() body: CreateAccessTokenRequest): Promise<IssuedAccessTokenResponse> {
    const issued = await this.tokens.issue(principal, body.name, body.expiresInDays);
    return { ...AccessTokenResponse.of(issued.token), token: issued.secret };
  }

  @Get()
  @ApiOkResponse({ type: [AccessTokenResponse] })
  async list(@CurrentPrincipal() principal: Principal): Promise<AccessTokenResponse[]> {
    return (await this.tokens.list(principal)).map(AccessTokenResponse.of);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@CurrentPrincipal() principal: Principal, @Param('tokenId', ParseUUIDPipe) tokenId: string): Promise<void> {
    return this.tokens.revoke(principal, tokenId);
  }
}
