import { toCsv } from '@rightly/core';
import { getForecast, type ForecastResult } from '@rightly/services';
import type { ConfigFlags } from '../flags';
import { toTable } from '../table';
import { withOrgRuntime } from './with-runtime';

export interface ForecastFlags extends ConfigFlags {
  org?: string;
  rep?: string;
  team?: string;
  months: string;
  asOf?: string;
  format: 'table' | 'json' | 'csv';
}

export async function forecastCommand(flags: ForecastFlags, print: (text: string) => void): Promise<void> {
  const result = await withOrgRuntime(flags, 'rightly forecast', (runtime, viewer) =>
    getForecast(runtime.deps, {
      viewer,
      rep: flags.rep ?? null,
      team: flags.team ?? null,
      months: Number(flags.months),
      asOf: flags.asOf ?? null,
    }),
  );
  if (flags.format === 'json') return print(JSON.stringify(result, null, 2));
  const money = (v: number) => Math.round(v);
  if (flags.format === 'csv') {
    const rows = result.months.map((m) => [
      result.scope.name,
      m.month,
      money(m.fromPipeline),
      money(m.fromRecentMeetings),
      money(m.fromFuturePace),
      money(m.total),
      money(m.reference),
    ]);
    return print(
      toCsv([
        ['scope', 'month', 'from_pipeline', 'from_recent_meetings', 'from_future_pace', 'total', 'reference'],
        ...rows,
      ]).trimEnd(),
    );
  }
  const fmt = (v: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: result.currency, maximumFractionDigits: 0 }).format(
      v,
    );
  print(
    `Forecast for ${result.scope.name}, as of ${result.asOf} (reference: ${result.referenceKind === 'target' ? 'bookings target' : 'a normal month from the last year'})\n`,
  );
  print(
    toTable(
      ['Month', 'Open pipeline', 'Recent first meetings', 'At current pace', 'Total', 'Reference'],
      result.months.map((m) => [
        m.month,
        fmt(m.fromPipeline),
        fmt(m.fromRecentMeetings),
        fmt(m.fromFuturePace),
        fmt(m.total),
        fmt(m.reference),
      ]),
    ),
  );
  print(`\n${result.gap ? result.gap.sentence : 'No hole ahead: every month is forecast at or near its reference.'}`);
  printRepGaps(result, print);
}

function printRepGaps(result: ForecastResult, print: (text: string) => void): void {
  if (result.reps.length <= 1) return;
  const holes = result.reps.filter((r) => r.gap);
  if (holes.length === 0) return;
  print('\nReps with a hole ahead:');
  for (const r of holes) print(`  ${r.rep.name}: ${r.gap?.sentence ?? ''}`);
}
