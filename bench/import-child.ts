// Runs one import in a process of its own, so its peak memory is the import's and nothing else's.
// Usage (from bench/import.ts): tsx bench/import-child.ts <file> <dataDirOrEmpty>; DATABASE_URL for PostgreSQL.
import { createReadStream, statSync } from 'node:fs';
import { openDatabase } from '@rightly/db';
import { runImport, startImport, type ServiceDeps } from '@rightly/services';

const [file, dataDir] = process.argv.slice(2);
if (!file) throw new Error('usage: import-child.ts <file> [dataDir]');
const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: dataDir || '/nonexistent',
  command: 'bench import',
});
try {
  const deps: ServiceDeps = { db: handle.db, now: () => new Date() };
  const orgId = process.env.BENCH_ORG_ID ?? '';
  const bytes = statSync(file).size;
  const started = performance.now();
  const view = await runImport(deps, {
    orgId,
    importId: (
      await startImport(deps, {
        actor: { kind: 'operator', orgId },
        fileName: 'bench.csv',
        fileBytes: bytes,
        options: {},
        via: 'cli',
      })
    ).id,
    file: { bytes, open: () => createReadStream(file, { highWaterMark: 1024 * 1024 }) },
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ seconds, summary: view.summary, status: view.status, maxRssKb: process.resourceUsage().maxRSS })}\n`,
  );
} finally {
  await handle.close();
}
