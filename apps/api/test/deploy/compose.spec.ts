import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..', '..');

describe('docker-compose.yml', () => {
  it('is valid for docker-compose (install: apt-get install --no-install-recommends docker-compose)', () => {
    const result = spawnSync('docker-compose', ['-f', join(root, 'docker-compose.yml'), 'config', '-q'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ATTUNE_ENV_FILE: join(root, 'deploy', 'attune.env.example') },
    });
    if (result.error) throw new Error(`docker-compose is not installed: ${result.error.message}`);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
