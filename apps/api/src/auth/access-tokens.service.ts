import { Injectable } from '@nestjs/common';
import { AuditRepository, userActor } from '../audit/audit.repository';
import { hashSecret, newSecret } from '../common/crypto/tokens';
import type { AccessToken } from './access-token.entity';
import { AuthError } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { ACCESS_TOKEN_PREFIX } from './auth.service';
import type { Principal } from './principal';

export interface IssuedToken {
  readonly token: AccessToken;
  /** The secret itself; it exists only in this response. */
  readonly secret: string;
}

@Injectable()
export class AccessTokensService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly audit: AuditRepository,
  ) {}

  async issue(principal: Principal, name: string, expiresInDays: number | undefined): Promise<IssuedToken> {
    const secret = newSecret(ACCESS_TOKEN_PREFIX);
    const expiresAt = expiresInDays === undefined ? null : new Date(Date.now() + expiresInDays * 86400_000);
    const token = await this.repository.insertAccessToken({
      userId: principal.userId,
      name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, ACCESS_TOKEN_PREFIX.length + 6),
      expiresAt,
    });
    await this.audit.account('access_token.issued', { by: userActor(principal.userId), subject: ['access_token', token.id] });
    return { token, secret };
  }

  list(principal: Principal): Promise<AccessToken[]> {
    return this.repository.listAccessTokens(principal.userId);
  }

  async revoke(principal: Principal, id: string): Promise<void> {
    if (!(await this.repository.revokeAccessToken(principal.userId, id))) throw new AuthError('TOKEN_NOT_FOUND');
    await this.audit.account('access_token.revoked', { by: userActor(principal.userId), subject: ['access_token', id] });
  }
}
