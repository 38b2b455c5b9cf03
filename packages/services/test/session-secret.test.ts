import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveSessionSecret } from '@rightly/services';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the session secret', () => {
  it('is generated once, kept private in the data folder, and reused after a restart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightly-secret-'));
    dirs.push(dir);
    const first = resolveSessionSecret({ configured: undefined, dataDir: dir });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveSessionSecret({ configured: undefined, dataDir: dir })).toBe(first);
    expect(readFileSync(join(dir, 'session-secret'), 'utf8').trim()).toBe(first);
    expect(statSync(join(dir, 'session-secret')).mode & 0o777).toBe(0o600);
  });

  it('uses SESSION_SECRET when it is set and writes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rightly-secret-'));
    dirs.push(dir);
    expect(resolveSessionSecret({ configured: 's'.repeat(32), dataDir: dir })).toBe('s'.repeat(32));
    expect(() => statSync(join(dir, 'session-secret'))).toThrow();
  });
});
