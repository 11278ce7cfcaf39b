import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditRepository, SYSTEM_ACTOR, userActor } from '../audit/audit.repository';
import { AuthError } from './auth.errors';
import { AuthRepository } from './auth.repository';
import { PasswordHasher } from './password-hasher';
import { passwordProblem } from './password-policy';
import type { Principal } from './principal';
import type { User } from './user.entity';

export interface NewAccount {
  readonly email: string;
  readonly password: string;
  readonly isAdmin?: boolean;
}

export interface BootstrapAdminResult {
  readonly created: boolean;
  readonly email?: string;
  /** Only when the password was generated here; the caller shows it once. */
  readonly generatedPassword?: string;
}

/** 24 random bytes → 32 URL-safe characters: strong, and easy to paste. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

@Injectable()
export class AccountsService {
  constructor(
    private readonly repository: AuthRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
  ) {}

  async createAccount(account: NewAccount, actor: Principal | 'system'): Promise<User> {
    const email = account.email.trim().toLowerCase();
    const problem = passwordProblem(account.password, email);
    if (problem)
      throw new AuthError('WEAK_PASSWORD', {
        detail: `The password ${problem}.`,
        errors: [{ path: 'password', code: 'weak_password', message: problem }],
      });
    const passwordHash = await this.hasher.hash(account.password);
    return this.repository.transaction(async (manager) => {
      const user = await this.repository.insertUser({ email, passwordHash, isAdmin: account.isAdmin ?? false }, manager);
      if (!user) throw new AuthError('EMAIL_TAKEN');
      await this.audit.account(
        'account.created',
        {
          by: actor === 'system' ? SYSTEM_ACTOR : userActor(actor.userId),
          subject: ['user', user.id],
          data: { isAdmin: user.isAdmin },
        },
        manager,
      );
      return user;
    });
  }

  async findUserId(email: string): Promise<string | null> {
    return (await this.repository.findUserByEmail(email.trim().toLowerCase()))?.id ?? null;
  }

  listAccounts(): Promise<User[]> {
    return this.repository.listUsers();
  }

  /**
   * First start: make sure someone can log in. Uses the given credentials, or generates a
   * password that the caller must show exactly once.
   */
  async ensureAdmin(email: string | undefined, password: string | undefined): Promise<BootstrapAdminResult> {
    if ((await this.repository.countAdmins()) > 0) return { created: false };
    const chosenEmail = email ?? 'admin@attune.local';
    const chosenPassword = password ?? generatePassword();
    try {
      await this.createAccount({ email: chosenEmail, password: chosenPassword, isAdmin: true }, 'system');
    } catch (error) {
      // Another replica or CLI won the race; that admin is as good as ours.
      if (error instanceof AuthError && error.code === 'EMAIL_TAKEN') return { created: false };
      throw error;
    }
    return { created: true, email: chosenEmail, ...(password ? {} : { generatedPassword: chosenPassword }) };
  }
}
