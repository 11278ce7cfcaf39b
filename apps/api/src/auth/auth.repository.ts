import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { AccessToken } from './access-token.entity';
import { AuthSession } from './auth-session.entity';
import { User } from './user.entity';

export interface NewUser {
  readonly email: string;
  readonly passwordHash: string;
  readonly isAdmin: boolean;
}

@Injectable()
export class AuthRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findUserByEmail(email: string): Promise<User | null> {
    return this.dataSource.manager.findOneBy(User, { email });
  }

  findUserById(id: string): Promise<User | null> {
    return this.dataSource.manager.findOneBy(User, { id });
  }

  listUsers(): Promise<User[]> {
    return this.dataSource.manager.find(User, { order: { createdAt: 'ASC' } });
  }

  async countAdmins(): Promise<number> {
    return this.dataSource.manager.countBy(User, { isAdmin: true, disabledAt: IsNull() });
  }

  /** Returns null when the email is taken (UNIQUE), so callers need no racy pre-check. */
  async insertUser(user: NewUser, manager: EntityManager = this.dataSource.manager): Promise<User | null> {
    const result = await manager.createQueryBuilder().insert().into(User).values(user).orIgnore().returning('id').execute();
    const id = (result.raw as Array<{ id: string }>)[0]?.id;
    return id ? manager.findOneBy(User, { id }) : null;
  }

  async insertSession(
    session: Pick<AuthSession, 'userId' | 'tokenHash' | 'csrfToken' | 'expiresAt'>,
    manager: EntityManager,
  ): Promise<void> {
    await manager.insert(AuthSession, session);
  }

  async revokeSessionByTokenHash(tokenHash: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.update(AuthSession, { tokenHash, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /** A live session with its user: not revoked, not expired, user not disabled. */
  findLiveSession(tokenHash: string): Promise<(AuthSession & { user: User }) | null> {
    return this.dataSource.manager
      .createQueryBuilder(AuthSession, 's')
      .innerJoinAndSelect('s.user', 'u')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL')
      .getOne() as Promise<(AuthSession & { user: User }) | null>;
  }

  findLiveAccessToken(tokenHash: string): Promise<(AccessToken & { user: User }) | null> {
    return this.dataSource.manager
      .createQueryBuilder(AccessToken, 't')
      .innerJoinAndSelect('t.user', 'u')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .andWhere('t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND u.disabled_at IS NULL')
      .getOne() as Promise<(AccessToken & { user: User }) | null>;
  }

  /**
   * Records that a live token was used, at most once a minute: a script polling the API should not
   * write a row version per request. Keyed by the hash so it can run beside the lookup.
   */
  async touchAccessToken(tokenHash: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE access_token SET last_used_at = now()
        WHERE token_hash = $1 AND revoked_at IS NULL AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [tokenHash],
    );
  }

  async insertAccessToken(token: Pick<AccessToken, 'userId' | 'name' | 'tokenHash' | 'prefix' | 'expiresAt'>): Promise<AccessToken> {
    const result = await this.dataSource.manager.insert(AccessToken, token);
    const id = (result.identifiers[0] as { id: string }).id;
    return this.dataSource.manager.findOneByOrFail(AccessToken, { id });
  }

  listAccessTokens(userId: string): Promise<AccessToken[]> {
    return this.dataSource.manager.find(AccessToken, { where: { userId, revokedAt: IsNull() }, order: { createdAt: 'DESC' } });
  }

  /** Returns whether a live token of this user was revoked. */
  async revokeAccessToken(userId: string, id: string): Promise<boolean> {
    const result = await this.dataSource.manager.update(AccessToken, { id, userId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return (result.affected ?? 0) > 0;
  }
}
