import { openRuntime, type Runtime } from '@rightly/services';
import { configFrom, type ConfigFlags } from '../flags';

export async function migrateCommand(flags: ConfigFlags, print: (line: string) => void): Promise<void> {
  const config = configFrom(process.env, flags);
  const runtime: Runtime = await openRuntime({ config, command: 'rightly migrate' });
  try {
    const where = `${runtime.database.kind === 'pglite' ? 'embedded database' : 'PostgreSQL'} ${runtime.database.location}`;
    print(
      runtime.migrationsApplied === 0
        ? `The schema of the ${where} is current; nothing to apply.`
        : `Applied ${runtime.migrationsApplied} migration(s) to the ${where}.`,
    );
  } finally {
    await runtime.close();
  }
}
