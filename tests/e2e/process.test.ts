import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanEnv, removeDir, startServer } from '../support/server.js';

const root = join(import.meta.dirname, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

describe('the server process', () => {
  it('refuses a bad configuration with one line naming the variable', () => {
    const result = spawnSync(process.execPath, [join(root, 'dist/server/main.js')], {
      env: { ...cleanEnv(), PORT: 'eighty' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('PORT');
  });

  it('finishes a request in flight on SIGTERM, exits 0, and keeps its data across restarts', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'southbridge-restart-'));
    dirs.push(dataDir);
    const first = await startServer({}, dataDir);
    const before = await (await fetch(`${first.url}/api/v1/solutions?limit=1`)).json();
    expect(before.total).toBeGreaterThanOrEqual(40);

    const inFlight = fetch(`${first.url}/api/v1/organisations?limit=100`);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const exitCode = first.stop('SIGTERM');
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect((await response.json()).items.length).toBeGreaterThan(0);
    expect(await exitCode).toBe(0);

    for (let round = 0; round < 2; round++) {
      const again = await startServer({}, dataDir);
      const after = await (await fetch(`${again.url}/api/v1/solutions?limit=1`)).json();
      expect(after.total).toBe(before.total);
      expect(await again.stop(round === 0 ? 'SIGINT' : 'SIGTERM')).toBe(0);
    }
  });

  it('migrates through the CLI on PGlite', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'southbridge-cli-'));
    dirs.push(dataDir);
    const result = spawnSync(process.execPath, [join(root, 'dist/server/cli/main.js'), 'migrate'], {
      env: { ...cleanEnv(), DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Migrated pglite');
  });

  it('invites an account from the CLI, printing its one-time link', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'southbridge-cli-'));
    dirs.push(dataDir);
    const cli = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'dist/server/cli/main.js'), ...args], {
        env: { ...cleanEnv(), DATA_DIR: dataDir, BASE_URL: 'https://southbridge.example' },
        encoding: 'utf8',
      });
    const created = cli('user', 'create', '--email', 'ops@example.org', '--role', 'secretariat');
    expect(created.status).toBe(0);
    expect(created.stdout).toMatch(/https:\/\/southbridge\.example\/en\/invitation\/[\w-]{43}/);
    const noOrg = cli(
      'user',
      'create',
      '--email',
      'fp@example.org',
      '--role',
      'member',
      '--org',
      'no-such-org',
    );
    expect(noOrg.status).toBe(2);
    expect(noOrg.stderr).toContain('No organisation "no-such-org"');
    const orgless = cli('user', 'create', '--email', 'fp@example.org', '--role', 'member');
    expect(orgless.status).toBe(2);
    expect(orgless.stderr).toContain('organisationId');
    const bad = cli('user', 'create', '--email', 'x@example.org', '--role', 'emperor');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Usage');
  });
});
