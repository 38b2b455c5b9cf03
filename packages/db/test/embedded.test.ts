import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '@rightly/core';
import { acquireDataDirLock, lockFilePath, openDatabase, pingDatabase, shippedMigrationCount } from '@rightly/db';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(join(tmpdir(), 'rightly-embedded-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('the embedded database folder', () => {
  it('is created on first open, migrated, and reopened with its data', async () => {
    const dataDir = join(root, 'first');
    const first = await openDatabase({ dataDir, command: 'test' });
    expect(first.kind).toBe('pglite');
    expect(await first.migrate()).toEqual({ applied: shippedMigrationCount() });
    await first.close();
    expect(existsSync(lockFilePath(dataDir))).toBe(false);

    const again = await openDatabase({ dataDir, command: 'test' });
    expect(await again.migrate()).toEqual({ applied: 0 });
    await pingDatabase(again.db);
    await again.close();
  });

  it('belongs to one opener at a time, and the refusal names the folder and the holder', async () => {
    const dataDir = join(root, 'shared');
    const owner = await openDatabase({ dataDir, command: 'rightly serve' });
    try {
      const refused = await refusal(openDatabase({ dataDir, command: 'rightly demo' }));
      expect(refused.code).toBe('data_dir_locked');
      expect(refused.message).toContain(dataDir);
      expect(refused.message).toContain(`process ${process.pid} (rightly serve)`);
      expect(refused.message).toMatch(/DATABASE_URL/);
    } finally {
      await owner.close();
    }
    const next = await openDatabase({ dataDir, command: 'rightly demo' });
    await next.close();
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dataDir = join(root, 'stale');
    mkdirSync(dataDir, { recursive: true });
    // Pid 2^22+1 is above Linux's pid_max default range: nobody has it.
    writeFileSync(
      lockFilePath(dataDir),
      JSON.stringify({
        pid: 4_194_305,
        hostname: hostname(),
        processStart: null,
        command: 'crashed',
        acquiredAt: '2026-01-01',
      }),
    );
    const lock = acquireDataDirLock({ dataDir, command: 'test' });
    expect(existsSync(lockFilePath(dataDir))).toBe(true);
    lock.release();
    expect(existsSync(lockFilePath(dataDir))).toBe(false);
  });

  it('discards a first start that was interrupted half-way and starts clean', async () => {
    const dataDir = join(root, 'interrupted');
    mkdirSync(join(dataDir, 'pgdata.init-99999', 'base'), { recursive: true });
    writeFileSync(join(dataDir, 'pgdata.init-99999', 'PG_VERSION'), 'garbage');
    const handle = await openDatabase({ dataDir, command: 'test' });
    await handle.migrate();
    await pingDatabase(handle.db);
    await handle.close();
    expect(readdirSync(dataDir).sort()).toEqual(['pgdata']);
  });
});
