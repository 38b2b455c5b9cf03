import { openRuntime, seedDemoOrg } from '@rightly/services';
import { configFrom, type ConfigFlags } from '../flags';
import { formatDuration } from '../output';

export async function demoCommand(
  flags: ConfigFlags & { reset?: boolean },
  print: (line: string) => void,
): Promise<void> {
  const config = configFrom(process.env, flags);
  const runtime = await openRuntime({ config, command: 'rightly demo' });
  try {
    const started = Date.now();
    const result = await seedDemoOrg(runtime.deps, { reset: flags.reset ?? false });
    const c = result.counts;
    const summary = `${c.users} users, ${c.accounts} accounts, ${c.opportunities} opportunities, ${c.activities} activities`;
    print(
      result.status === 'created'
        ? `Seeded the demo organization in ${formatDuration(Date.now() - started)}: ${summary}.`
        : `The demo organization is already there (${summary}); nothing changed. Use --reset to rebuild it.`,
    );
  } finally {
    await runtime.close();
  }
}
