import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seeded demo data folder made by test/demo-folder-setup.ts. */
    demoDataDir: string;
  }
}

/** A private copy of the seeded demo data folder, for a test that runs `rightly` on it. */
export function copyOfDemoDataDir(prefix = 'rightly-demo-'): string {
  const dir = join(mkdtempSync(join(tmpdir(), prefix)), 'data');
  cpSync(inject('demoDataDir'), dir, { recursive: true });
  return dir;
}
