import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

function npmStart(env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'start.mjs')], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ATTUNE_SKIP_BUILD: '1', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe('npm start with a bad DATABASE_URL', () => {
  it('fails at once on a URL that is not PostgreSQL', () => {
    const result = npmStart({ DATABASE_URL: 'mysql://root@localhost/attune' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('attune: invalid configuration: DATABASE_URL must use postgres: or postgresql:, got "mysql:"');
    expect(result.seconds).toBeLessThan(5);
  });

  it('fails within 10 s with one line naming the server it cannot reach', () => {
    const result = npmStart({ DATABASE_URL: 'postgres://attune@127.0.0.1:1/attune' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^attune: cannot connect to PostgreSQL at 127\.0\.0\.1:1: /);
    expect(result.seconds).toBeLessThan(12);
  });
});
