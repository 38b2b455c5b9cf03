// Fails when the Drizzle schema and the committed migrations disagree: someone changed
// packages/db/src/schema without running `npm run db:generate`. It generates into a scratch copy
// of the migrations folder and checks that nothing new appears; the committed folder is untouched.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const committed = join(root, 'packages/db/migrations');
const scratch = mkdtempSync(join(tmpdir(), 'rightly-drift-'));
const out = join(scratch, 'migrations');
cpSync(committed, out, { recursive: true });

const list = (dir: string): string[] => readdirSync(dir, { recursive: true }).map(String).sort();
const before = list(out);
const result = spawnSync('npx', ['drizzle-kit', 'generate', '--config', 'packages/db/drizzle.config.ts'], {
  cwd: root,
  // drizzle-kit prefixes `./` to the folder it is given, so it must be relative to the repo.
  env: { ...process.env, DRIZZLE_OUT: relative(root, out) },
  encoding: 'utf8',
});
const added = list(out).filter((f) => !before.includes(f));
rmSync(scratch, { recursive: true, force: true });

// drizzle-kit reports some failures on stderr with exit status 0: treat any error text as failure.
if (result.status !== 0 || /error/i.test(result.stderr)) {
  console.error(`drizzle-kit generate failed:\n${result.stdout}\n${result.stderr}`);
  process.exit(1);
}
if (added.length > 0) {
  console.error(
    `The schema in packages/db/src/schema differs from the committed migrations (would add: ${added.join(', ')}).\n` +
      'Run `npm run db:generate`, review the new SQL, and commit it.',
  );
  process.exit(1);
}
console.log('Migrations match the schema.');
