import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import './support/demo-data-dir';
import { cleanEnv, runCli } from './support/rightly-cli';

interface Shared {
  ready: Promise<string>;
  users: number;
}
const KEY = Symbol.for('rightly.test.demoDataDir');
const shared = globalThis as typeof globalThis & { [KEY]?: Shared };

/**
 * One embedded data folder with the demo organization, made once per run by the real
 * `rightly demo`. Suites that need a seeded folder copy it (a second or so) instead of creating a
 * database and seeding it again (about twenty seconds each).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  shared[KEY] ??= { ready: createFolder(), users: 0 };
  const entry = shared[KEY];
  entry.users++;
  project.provide('demoDataDir', await entry.ready);
  return async () => {
    entry.users--;
    if (entry.users > 0) return;
    rmSync(await entry.ready, { recursive: true, force: true });
    shared[KEY] = undefined;
  };
}

async function createFolder(): Promise<string> {
  const dir = join(mkdtempSync(join(tmpdir(), 'rightly-demo-template-')), 'data');
  const result = await runCli(['demo', '--data-dir', dir], cleanEnv());
  if (result.code !== 0) throw new Error(`could not seed the demo template:\n${result.stdout}\n${result.stderr}`);
  return dir;
}
