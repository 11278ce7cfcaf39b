import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiDoc, problems } from '../openapi/api-doc';
import { AccessTokensService } from './access-tokens.service';
import { CurrentPrincipal } from './auth.decorators';
import { AuthError } from './auth.errors';
import { AccessTokenResponse, CreateAccessTokenRequest, IssuedAccessTokenResponse } from './auth.dto';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('auth/tokens')
export class AccessTokensController {
  constructor(private readonly tokens: AccessTokensService) {}

  @Post()
  @ApiDoc({
    summary: 'Create a personal access token',
    who: 'signed-in',
    changes: true,
    description:
      'For scripts (R, Python, curl): send it as `Authorization: Bearer att_…` instead of the session cookie; no CSRF header is needed. ' +
      'It acts with your account and your study roles. The token is shown only in this response; the API keeps its hash. Omit `expiresInDays` for a token that does not expire.',
  })
  @ApiCreatedResponse({
    type: IssuedAccessTokenResponse,
    description: 'The new token, with its secret shown this once',
    example: {
      id: '5f0d2c8e-3b1a-4e7f-9c2d-8a6b4e1f0c3d',
      name: 'analysis laptop',
      prefix: 'att_Xk3pQ7',
      createdAt: '2025-03-01T09:30:00.000Z',
      expiresAt: '2025-05-30T09:30:00.000Z',
      lastUsedAt: null,
      token: 'att_Xk3pQ7…',
    },
  })
  async issue(@CurrentPrincipal() principal: Principal, @Body() body: CreateAccessTokenRequest): Promise<IssuedAccessTokenResponse> {
    const issued = await this.tokens.issue(principal, body.name, body.expiresInDays);
    return { ...AccessTokenResponse.of(issued.token), token: issued.secret };
  }

  @Get()
  @ApiDoc({
    summary: 'List your access tokens',
    who: 'signed-in',
    description: 'Your own tokens, without their secrets: name, prefix, expiry and when each was last used.',
  })
  @ApiOkResponse({ type: [AccessTokenResponse], description: 'Your tokens' })
  async list(@CurrentPrincipal() principal: Principal): Promise<AccessTokenResponse[]> {
    return (await this.tokens.list(principal)).map(AccessTokenResponse.of);
  }

  @Delete(':tokenId')
  @HttpCode(204)
  @ApiDoc({
    summary: 'Revoke an access token',
    who: 'signed-in',
    changes: true,
    description: "The token stops working at once. Only your own tokens: another user's token id gets 404.",
    problems: [problems(AuthError, 'TOKEN_NOT_FOUND')],
  })
  @ApiNoContentResponse({ description: 'Revoked' })
  revoke(@CurrentPrincipal() principal: Principal, @Param('tokenId', ParseUUIDPipe) tokenId: string): Promise<void> {
    return this.tokens.revoke(principal, tokenId);
  }
}
