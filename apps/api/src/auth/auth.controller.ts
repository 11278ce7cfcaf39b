import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ApiDoc, problems, RATE_LIMIT } from '../openapi/api-doc';
import { CurrentPrincipal, Public } from './auth.decorators';
import { LoginRequest, LoginResponse, UserResponse } from './auth.dto';
import { AuthError } from './auth.errors';
import { AuthService } from './auth.service';
import { clearSessionCookies, sessionSecretOf, setSessionCookies } from './cookies';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiDoc({
    summary: 'Sign in with email and password',
    who: 'public',
    changes: true,
    description:
      'Opens a browser session: sets the httpOnly session cookie and the CSRF cookie, and returns the CSRF token that every later POST, PUT or DELETE sends as `X-CSRF-Token`. ' +
      'Scripts should rather use a personal access token (POST /api/auth/tokens) as `Authorization: Bearer att_…`, which needs no CSRF header. ' +
      'An unknown email and a wrong password get the same 401. Failures are counted per account and address, and attempts per address: too many answer 429 with Retry-After.',
    problems: [RATE_LIMIT, problems(AuthError, 'INVALID_CREDENTIALS')],
  })
  @ApiOkResponse({ type: LoginResponse, description: 'Sets the httpOnly session cookie and the CSRF cookie' })
  async login(
    @Body() body: LoginRequest,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password, req.ip ?? 'unknown', sessionSecretOf(req));
    setSessionCookies(req, res, this.config.publicUrl, result);
    return { user: UserResponse.of(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiDoc({
    summary: 'Sign out',
    who: 'signed-in',
    changes: true,
    description:
      'Revokes the browser session on the server and clears its cookies. A personal access token stays valid: revoke it with DELETE /api/auth/tokens/{tokenId}.',
  })
  @ApiNoContentResponse({ description: 'The session is revoked on the server and the cookies cleared' })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    const secret = sessionSecretOf(req);
    if (secret) await this.auth.logout(secret);
    clearSessionCookies(req, res, this.config.publicUrl);
  }

  @Get('me')
  @ApiDoc({
    summary: 'Get the signed-in user',
    who: 'signed-in',
    description:
      'The account behind the session cookie or access token: id, email and whether it is an administrator. Useful to check that a token works.',
  })
  @ApiOkResponse({ type: UserResponse, description: 'The signed-in account' })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserResponse> {
    return UserResponse.of(await this.auth.currentUser(principal));
  }
}
