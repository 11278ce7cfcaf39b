import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';

// Runs the built API (npm test builds first) the way an operator would start it.
const main = join(__dirname, '..', '..', 'dist', 'main.js');

function start(env: Record<string, string>) {
  const started = Date.now();
  const result = spawnSync(process.execPath, [main], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { ...result, seconds: (Date.now() - started) / 1000 };
}

describe('API start-up failures', () => {
  beforeAll(() => {
    if (!existsSync(main)) throw new Error(`${main} is missing: build the API first (npm test does)`);
  });

  it('exits non-zero with one line naming a bad setting', () => {
    const result = start({ DATABASE_URL: 'postgres://localhost/x', API_PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('attune-api: invalid configuration: API_PORT must be an integer, got "eighty"');
  });

  it('says which PostgreSQL it cannot reach, within 10 s', () => {
    const result = start({ DATABASE_URL: 'postgres://attune@127.0.0.1:1/attune' });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^attune-api: cannot connect to PostgreSQL at 127\.0\.0\.1:1: /);
    expect(result.seconds).toBeLessThan(10);
  });

  describe('when the server accepts TCP but never answers', () => {
    let silent: Server;
    let port = 0;

    beforeAll(async () => {
      silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      port = (silent.address() as { port: number }).port;
    });
    afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

    it('gives up within about 10 s with the same one line', () => {
      const result = start({ DATABASE_URL: `postgres://attune@127.0.0.1:${port}/attune` });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`^attune-api: cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}: `));
      // The 10 s connect timeout plus loading the app's modules, which took up to 2 s under CI load.
      expect(result.seconds).toBeLessThan(13);
    });
  });
});
