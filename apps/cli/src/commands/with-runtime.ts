import { openRuntime, systemViewer, withOrgScope, type Runtime } from '@rightly/services';
import type { Viewer } from '@rightly/core';
import { configFrom, type ConfigFlags } from '../flags';

/** Opens the configured database for one command, as an admin of the chosen org, and closes it after. */
export async function withOrgRuntime<T>(
  flags: ConfigFlags & { org?: string },
  command: string,
  work: (runtime: Runtime, viewer: Viewer) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime({ config: configFrom(process.env, flags), command });
  try {
    const viewer = await systemViewer(runtime.deps, { org: flags.org ?? null });
    // Everything the command does stays in the chosen org (row-level security on PostgreSQL).
    return await withOrgScope({ orgId: viewer.orgId }, () => work(runtime, viewer));
  } finally {
    await runtime.close();
  }
}
