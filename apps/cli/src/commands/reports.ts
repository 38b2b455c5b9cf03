import { CADENCE_LABELS, dueAtText, toCsv } from '@rightly/core';
import { reportsDue } from '@rightly/services';
import type { ConfigFlags } from '../flags';
import { toTable } from '../table';
import { withOrgRuntime } from './with-runtime';

export interface ReportsDueFlags extends ConfigFlags {
  org?: string;
  team?: string;
  asOf?: string;
  format: 'table' | 'json' | 'csv';
}

const STATUS = { open: 'due', overdue: 'OVERDUE', submitted: 'in', late: 'late' } as const;

/** `rightly reports due`: who owes which self-report, overdue first, as of a date. */
export async function reportsDueCommand(flags: ReportsDueFlags, print: (text: string) => void): Promise<void> {
  const result = await withOrgRuntime(flags, 'rightly reports due', (runtime, viewer) =>
    reportsDue(runtime.deps, { viewer, asOf: flags.asOf, team: flags.team }),
  );
  const items = [...result.items].sort((a, b) =>
    a.status === b.status ? a.dueAt.localeCompare(b.dueAt) : a.status === 'overdue' ? -1 : 1,
  );
  if (flags.format === 'json') return print(JSON.stringify(result, null, 2));
  const rows = items.map((i) => [
    i.repName,
    i.expectationName,
    `${i.window.start}..${i.window.end}`,
    CADENCE_LABELS[i.window.cadence],
    dueAtText(new Date(i.dueAt), result.timeZone),
    STATUS[i.status],
  ]);
  const header = ['Rep', 'Expectation', 'Window', 'Cadence', 'Due', 'Status'];
  if (flags.format === 'csv') return print(toCsv([header, ...rows]).trimEnd());
  const overdue = items.filter((i) => i.status === 'overdue').length;
  print(
    `Self-reports due as of ${result.asOf} (${result.timeZone}): ${overdue} overdue, ${items.length - overdue} due within a week\n`,
  );
  if (items.length === 0) return print('Nothing is due: every report is in.');
  print(toTable(header, rows, 50));
}
