import { Inject, Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { randomBytes } from 'node:crypto';
import { AuditRepository, userActor } from '../audit/audit.repository';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { RateLimiter } from '../common/rate-limit/rate-limiter';
import { hashSecret, newSecret, safeEqual, sha256Hex } from '../common/crypto/tokens';
import { AuthError } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { bearerTokenOf, type CredentialSource, sessionSecretOf } from './cookies';
import { PasswordHasher } from './password-hasher';
import type { Principal } from './principal';
import type { User } from './user.entity';

export const SESSION_SECRET_PREFIX = 'ats_';
export const ACCESS_TOKEN_PREFIX = 'att_';

/**
 * Wait before checking a password from an address that already failed for this account: 250 ms
 * after one failure, doubling to at most 4 s. An address with no failures never waits.
 */
export function failureDelayMs(failures: number): number {
  return failures === 0 ? 0 : Math.min(4000, 250 * 2 ** (failures - 1));
}

export interface LoginResult {
  readonly user: User;
  readonly sessionSecret: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ResolvedSession {
  readonly principal: Principal;
  readonly csrfToken: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly rateLimiter: RateLimiter,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password and opens a new session. A new secret at every login (and revoking the
   * one presented, if any) means a session fixed by an attacker before login is worth nothing.
   *
   * Limits: every attempt counts against the client address; failures count per account AND
   * address, slow that address down progressively and stop it at the limit. Failures elsewhere
   * never lock the account, so nobody can keep its owner out by guessing wrong on purpose.
   */
  async login(email: string, password: string, clientIp: string, previousSecret?: string): Promise<LoginResult> {
    const normalised = email.trim().toLowerCase();
    await this.rateLimiter.consume(`login:ip:${clientIp}`, this.config.loginRateLimit);
    const failureKey = `login:fail:${sha256Hex(normalised)}:${sha256Hex(clientIp).slice(0, 32)}`;
    const failures = await this.rateLimiter.require(failureKey, this.config.loginRateLimit);
    if (failures > 0) await sleep(failureDelayMs(failures));
    const user = await this.repository.findUserByEmail(normalised);
    const ok =
      user && !user.disabledAt ? await this.hasher.verify(user.passwordHash, password) : await this.hasher.verifyAgainstDummy(password);
    if (!user || !ok) {
      await this.rateLimiter.hit(failureKey, this.config.loginRateLimit);
      throw new AuthError('INVALID_CREDENTIALS');
    }
    return this.openSession(user, previousSecret);
  }

  private async openSession(user: User, previousSecret?: string): Promise<LoginResult> {
    const sessionSecret = newSecret(SESSION_SECRET_PREFIX);
    const csrfToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.repository.transaction(async (manager) => {
      if (previousSecret) await this.repository.revokeSessionByTokenHash(hashSecret(previousSecret), manager);
      await this.repository.insertSession({ userId: user.id, tokenHash: hashSecret(sessionSecret), csrfToken, expiresAt }, manager);
      await this.audit.account('auth.login', { by: userActor(user.id), subject: ['user', user.id] }, manager);
    });
    return { user, sessionSecret, csrfToken, expiresAt };
  }

  async logout(sessionSecret: string): Promise<void> {
    await this.repository.revokeSessionByTokenHash(hashSecret(sessionSecret));
  }

  async resolveSession(sessionSecret: string): Promise<ResolvedSession | null> {
    if (!sessionSecret.startsWith(SESSION_SECRET_PREFIX)) return null;
    const session = await this.repository.findLiveSession(hashSecret(sessionSecret));
    if (!session) return null;
    const { user } = session;
    return { principal: { userId: user.id, email: user.email, isAdmin: user.isAdmin, via: 'session' }, csrfToken: session.csrfToken };
  }

  async resolveAccessToken(token: string): Promise<Principal | null> {
    if (!token.startsWith(ACCESS_TOKEN_PREFIX)) return null;
    const tokenHash = hashSecret(token);
    const [row] = await Promise.all([this.repository.findLiveAccessToken(tokenHash), this.repository.touchAccessToken(tokenHash)]);
    if (!row) return null;
    return { userId: row.user.id, email: row.user.email, isAdmin: row.user.isAdmin, via: 'token' };
  }

  /** Who a read-only request comes from (bearer token or session cookie), or null. */
  async principalOf(req: CredentialSource): Promise<Principal | null> {
    const bearer = bearerTokenOf(req);
    if (bearer) return this.resolveAccessToken(bearer);
    const secret = sessionSecretOf(req);
    return secret ? ((await this.resolveSession(secret))?.principal ?? null) : null;
  }

  checkCsrf(expected: string, presented: string | undefined): void {
    if (!presented || !safeEqual(expected, presented)) throw new AuthError('CSRF_TOKEN_INVALID');
  }

  async currentUser(principal: Principal): Promise<User> {
    const user = await this.repository.findUserById(principal.userId);
    if (!user) throw new AuthError('UNAUTHENTICATED');
    return user;
  }
}
