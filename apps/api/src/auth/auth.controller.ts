import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { CurrentPrincipal, Public } from './auth.decorators';
import { LoginRequest, LoginResponse, UserResponse } from './auth.dto';
import { AuthService } from './auth.service';
import { clearSessionCookies, sessionSecretOf, setSessionCookies } from './cookies';
import type { Principal } from './principal';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService, @Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponse, description: 'Sets the httpOnly session cookie and the CSRF cookie' })
  async login(@Body() body: LoginRequest, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const result = await this.auth.login(body.email, body.password, req.ip ?? 'unknown', sessionSecretOf(req));
    setSessionCookies(req, res, this.config.publicUrl, result);
    return { user: UserResponse.of(result.user), csrfToken: result.csrfToken, expiresAt: result.expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiCookieAuth()
  @ApiNoContentResponse({ description: 'The session is revoked on the server and the cookies cleared' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    const secret = sessionSecretOf(req);
    if (secret) await this.auth.logout(secret);
    clearSessionCookies(req, res, this.config.publicUrl);
  }

  @Get('me')
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentPrincipal() principal: Principal): Promise<UserResponse> {
    return UserResponse.of(await this.auth.currentUser(principal));
  }
}
