// Builds the web app when apps/web/dist is missing or older than its sources, so `npm start`
// and `npm test` work on a fresh clone without a separate build step, and stay fast afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const builtIndex = join(root, 'apps/web/dist/index.html');
const sources = [
  'apps/web/src',
  'apps/web/public',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/postcss.config.cjs',
  'apps/web/package.json',
  'packages/core/src',
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs);
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...sources.map((s) => newestMtime(join(root, s))));
if (builtAt >= changedAt) process.exit(0);

console.log(builtAt === 0 ? 'Building the web app (first run)…' : 'Web app sources changed; rebuilding…');
const result = spawnSync('npm', ['run', 'build', '--workspace', '@rightly/web'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
