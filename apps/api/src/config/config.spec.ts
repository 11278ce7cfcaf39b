import { ConfigError, loadConfig } from './config';

const base = { DATABASE_URL: 'postgres://u@localhost:5432/attune' };

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({ port: 3001, nodeEnv: 'development', bodyLimitBytes: 1048576, publicUrl: 'http://localhost:3000' });
  });

  it.each([
    [{}, 'DATABASE_URL is required'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must use postgres: or postgresql:'],
    [{ ...base, API_PORT: 'abc' }, 'API_PORT must be an integer'],
    [{ ...base, API_PORT: '70000' }, 'API_PORT must be between 0 and 65535'],
    [{ ...base, NODE_ENV: 'staging' }, 'NODE_ENV must be one of development, production, test'],
    [{ ...base, PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL must use http: or https:'],
    [{ ...base, NODE_ENV: 'production' }, 'PSEUDONYM_SECRET is required in production'],
    [{ ...base, PSEUDONYM_SECRET: 'short' }, 'PSEUDONYM_SECRET must be at least 32 characters'],
    [
      { ...base, NODE_ENV: 'production', PSEUDONYM_SECRET: 'change-me-to-at-least-32-random-characters-please' },
      'PSEUDONYM_SECRET is still the placeholder from deploy/attune.env.example',
    ],
    [
      {
        DATABASE_URL: 'postgres://attune_app:change-me-to-another-long-random-password@db/attune',
        NODE_ENV: 'production',
        PSEUDONYM_SECRET: 'x'.repeat(40),
      },
      'DATABASE_URL still has the placeholder password',
    ],
    [{ ...base, TRUST_PROXY: 'everyone' }, 'TRUST_PROXY must be a hop count or a list of addresses'],
    [{ ...base, TRUST_PROXY: '10.0.0.0/33' }, 'TRUST_PROXY must be a hop count'],
    [{ ...base, TRUST_PROXY: '11' }, 'TRUST_PROXY must be between 0 and 10'],
  ])('rejects %j with one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it.each([
    [undefined, 'loopback'],
    ['1', 1],
    ['0', 0],
    ['loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1', 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.1'],
  ])('TRUST_PROXY %s means %j', (value, trust) => {
    expect(loadConfig({ ...base, ...(value === undefined ? {} : { TRUST_PROXY: value }) }).trustProxy).toEqual(trust);
  });
});
