import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'session-secret';

/**
 * The configured SESSION_SECRET, or one generated on first start and kept in the data folder so
 * sessions survive restarts. Several instances behind a load balancer must share one secret, so
 * they should set SESSION_SECRET (the server warns when PostgreSQL is used without it).
 */
export function resolveSessionSecret(params: { configured: string | undefined; dataDir: string }): string {
  if (params.configured) return params.configured;
  const path = join(params.dataDir, FILE);
  try {
    const existing = readFileSync(path, 'utf8').trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(params.dataDir, { recursive: true });
  const secret = randomBytes(32).toString('hex');
  // `wx`: two processes starting at once must not overwrite each other's secret.
  try {
    writeFileSync(path, `${secret}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(path, 'utf8').trim();
    throw error;
  }
  chmodSync(path, 0o600);
  return secret;
}
