import { isIP } from 'node:net';

/**
 * The only reader of process.env. Every value is checked at boot; a bad one stops the process
 * with one line that names the variable, so operators never debug a half-configured API.
 */
export interface RateLimit {
  readonly max: number;
  readonly windowSeconds: number;
}

export interface AppConfig {
  readonly nodeEnv: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  /**
   * The owner role's URL, for migrations. When set, migrations run as the owner and the API (on
   * DATABASE_URL) as a runtime role that gets only data privileges: no DDL, audit_event INSERT
   * and SELECT only. When absent, one role does both (development with your own PostgreSQL).
   */
  readonly migrationDatabaseUrl: string | null;
  readonly databasePoolSize: number;
  /** Proxies whose X-Forwarded-For the API believes: a hop count, or addresses / CIDR ranges / loopback. */
  readonly trustProxy: number | string;
  readonly publicUrl: string;
  readonly sessionTtlHours: number;
  readonly bodyLimitBytes: number;
  readonly loginRateLimit: RateLimit;
  /** Final phase submissions per participant: generous, since a phone may retry after each reconnect. */
  readonly submitRateLimit: RateLimit;
  /** Joins per client address: a whole lab may share one address, so the default is generous. */
  readonly joinRateLimit: RateLimit;
  /** Hours a participant's token keeps working after their session ended (a shared lab tablet must not keep showing it). */
  readonly participantTokenHours: number;
  /** Withdrawal attempts per client address: codes are unguessable, and this keeps them so. */
  readonly withdrawalRateLimit: RateLimit;
  /** Days after a study closes before external ids and identifying free text are deleted. */
  readonly retentionDays: number;
  /** How often each API replica looks for studies due for retention (0: never; run it by hand). */
  readonly retentionCheckMinutes: number;
  readonly pseudonymSecret: string;
  /** Who may read /api/docs: anyone, signed-in users only (the production default), or nobody. */
  readonly apiDocs: 'public' | 'login' | 'off';
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    reason: string,
  ) {
    super(`invalid configuration: ${variable} ${reason}`);
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be an integer, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

function url(env: Env, name: string, protocols: readonly string[], fallback?: string): string {
  const raw = env[name] ?? fallback;
  if (raw === undefined || raw === '') throw new ConfigError(name, 'is required');
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return raw;
}

function secret(env: Env, name: string, nodeEnv: AppConfig['nodeEnv']): string {
  const raw = env[name];
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError(name, 'must be at least 32 characters');
    // The template's placeholder copied unchanged would make every install's pseudonyms the same.
    if (nodeEnv === 'production' && /change-me/i.test(raw))
      throw new ConfigError(name, 'is still the placeholder from deploy/attune.env.example; set a random value');
    return raw;
  }
  if (nodeEnv === 'production') throw new ConfigError(name, 'is required in production');
  // Development and tests get a fixed, clearly non-secret value so pseudonyms stay stable locally.
  return 'attune-development-pseudonym-secret-not-for-production';
}

const TRUST_KEYWORDS = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(part: string): boolean {
  const [address, bits, extra] = part.split('/');
  if (extra !== undefined || !address || isIP(address) === 0) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (isIP(address) === 4 ? 32 : 128));
}

/** TRUST_PROXY: default loopback (the web app's /api proxy on this machine). */
function trustProxy(env: Env): number | string {
  const raw = (env['TRUST_PROXY'] ?? '').trim();
  if (raw === '') return 'loopback';
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 0, 10);
  const parts = raw.split(',').map((part) => part.trim());
  const bad = parts.find((part) => !TRUST_KEYWORDS.includes(part) && !isAddressOrRange(part));
  if (bad !== undefined)
    throw new ConfigError(
      'TRUST_PROXY',
      `must be a hop count or a list of addresses, CIDR ranges or ${TRUST_KEYWORDS.join('/')}, got "${bad}"`,
    );
  return parts.join(', ');
}

/** In production a database password copied unchanged from the deploy template stops the boot. */
function noPlaceholderPassword(name: string, value: string | null, nodeEnv: AppConfig['nodeEnv']): void {
  if (value === null || nodeEnv !== 'production') return;
  if (/change-?me/i.test(decodeURIComponent(new URL(value).password)))
    throw new ConfigError(name, 'still has the placeholder password from deploy/attune.env.example; set a random one');
}

/** `<NAME>_RATE_LIMIT_MAX` requests per `<NAME>_RATE_LIMIT_WINDOW_SECONDS`, with their defaults. */
function rateLimit(env: Env, name: string, defaults: RateLimit): RateLimit {
  return {
    max: integer(env, `${name}_RATE_LIMIT_MAX`, defaults.max, 1, 100000),
    windowSeconds: integer(env, `${name}_RATE_LIMIT_WINDOW_SECONDS`, defaults.windowSeconds, 1, 86400),
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const port = integer(env, 'API_PORT', 3001, 0, 65535);
  const databaseUrl = url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const migrationDatabaseUrl = env['MIGRATION_DATABASE_URL'] ? url(env, 'MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']) : null;
  noPlaceholderPassword('DATABASE_URL', databaseUrl, nodeEnv);
  noPlaceholderPassword('MIGRATION_DATABASE_URL', migrationDatabaseUrl, nodeEnv);
  return {
    nodeEnv,
    port,
    host: env['API_HOST'] || '0.0.0.0',
    databaseUrl,
    migrationDatabaseUrl,
    databasePoolSize: integer(env, 'DATABASE_POOL_SIZE', 10, 1, 200),
    trustProxy: trustProxy(env),
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:'], 'http://localhost:3000'),
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1024 * 1024, 1024, 64 * 1024 * 1024),
    loginRateLimit: rateLimit(env, 'LOGIN', { max: 10, windowSeconds: 60 }),
    submitRateLimit: rateLimit(env, 'SUBMIT', { max: 60, windowSeconds: 60 }),
    joinRateLimit: rateLimit(env, 'JOIN', { max: 120, windowSeconds: 60 }),
    participantTokenHours: integer(env, 'PARTICIPANT_TOKEN_HOURS', 24, 1, 24 * 365),
    withdrawalRateLimit: rateLimit(env, 'WITHDRAWAL', { max: 10, windowSeconds: 3600 }),
    retentionDays: integer(env, 'RETENTION_DAYS', 90, 0, 36500),
    retentionCheckMinutes: integer(env, 'RETENTION_CHECK_MINUTES', 60, 0, 10080),
    pseudonymSecret: secret(env, 'PSEUDONYM_SECRET', nodeEnv),
    apiDocs: oneOf(env, 'API_DOCS', ['public', 'login', 'off'] as const, nodeEnv === 'production' ? 'login' : 'public'),
    logLevel: oneOf(env, 'LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const, 'info'),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
