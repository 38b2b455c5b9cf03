import { DEMO_SIGN_INS, hasDemoOrganization } from '@rightly/services';
import { startServer } from '@rightly/server';
import { configFrom, type ConfigFlags } from '../flags';
import { formatDuration } from '../output';

export async function serveCommand(flags: ConfigFlags, print: (line: string) => void): Promise<void> {
  const started = Date.now();
  const config = configFrom(process.env, flags);
  print(config.databaseUrl ? 'Opening PostgreSQL…' : `Opening the embedded database in ${config.dataDir}…`);
  const server = await startServer({ config });
  if (server.seeded) {
    const c = server.seeded.counts;
    print(
      `Seeded the demo organization: ${c.users} users, ${c.accounts} accounts, ${c.opportunities} opportunities, ${c.activities} activities.`,
    );
  }
  print('');
  print(`Rightly is running at ${server.url}  (ready in ${formatDuration(Date.now() - started)})`);
  print(
    `  Database: ${server.runtime.database.kind === 'pglite' ? 'embedded' : 'PostgreSQL'} (${server.runtime.database.location})`,
  );
  print(`  API docs: ${server.url}/api/docs`);
  if (await hasDemoOrganization(server.runtime.deps)) {
    print('  Demo sign-ins (password for all: rightly-demo):');
    const width = Math.max(...DEMO_SIGN_INS.map((s) => s.email.length));
    for (const s of DEMO_SIGN_INS) print(`    ${s.email.padEnd(width)}  ${s.role}`);
  }
  print('  Stop with Ctrl+C.');
}
