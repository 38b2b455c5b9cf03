import { writeFile } from 'node:fs/promises';
import { exportCoachingPlanPdf, exportMatrixCsv } from '@rightly/services';
import type { ConfigFlags } from '../flags';
import { withOrgRuntime } from './with-runtime';

export interface ExportPlanFlags extends ConfigFlags {
  org?: string;
  rep: string;
  out?: string;
}

/** `rightly export coaching-plan --rep EMAIL`: the rep's latest coaching plan as a PDF for HR (audited). */
export async function exportCoachingPlanCommand(flags: ExportPlanFlags, print: (text: string) => void): Promise<void> {
  const file = await withOrgRuntime(flags, 'rightly export coaching-plan', (runtime, viewer) =>
    exportCoachingPlanPdf(runtime.deps, { viewer, repId: flags.rep }),
  );
  const out = flags.out ?? file.fileName;
  await writeFile(out, file.pdf);
  print(`Wrote the coaching plan of ${file.plan.repName} (started ${file.plan.startedOn}) to ${out}`);
}

export interface ExportMatrixFlags extends ConfigFlags {
  org?: string;
  team?: string;
  period?: string;
  out?: string;
}

/** `rightly export matrix`: the team matrix as CSV with neutralised cells (audited); stdout without --out. */
export async function exportMatrixCommand(flags: ExportMatrixFlags, print: (text: string) => void): Promise<void> {
  const file = await withOrgRuntime(flags, 'rightly export matrix', (runtime, viewer) =>
    exportMatrixCsv(runtime.deps, { viewer, team: flags.team ?? null, period: flags.period ?? null }),
  );
  if (!flags.out) return print(file.csv.trimEnd());
  await writeFile(flags.out, file.csv);
  print(`Wrote the team matrix to ${flags.out}`);
}
