import { toCsv } from '@rightly/core';
import { assessTeam, type TeamAssessment } from '@rightly/services';
import type { ConfigFlags } from '../flags';
import { toTable } from '../table';
import { withOrgRuntime } from './with-runtime';

export interface AssessFlags extends ConfigFlags {
  org?: string;
  team?: string;
  period?: string;
  asOf?: string;
  format: 'table' | 'json' | 'csv';
}

const LABEL = { on_track: 'on track', at_risk: 'at risk', off_track: 'OFF TRACK', no_data: '–' } as const;

export async function assessCommand(flags: AssessFlags, print: (text: string) => void): Promise<void> {
  const result = await withOrgRuntime(flags, 'rightly assess', (runtime, viewer) =>
    assessTeam(runtime.deps, {
      viewer,
      team: flags.team ?? null,
      period: flags.period ?? null,
      asOf: flags.asOf ?? null,
    }),
  );
  if (flags.format === 'json') return print(JSON.stringify(result, null, 2));
  if (flags.format === 'csv') return print(csvOf(result).trimEnd());
  print(`Assessment ${result.period.key} (${result.period.start} to ${result.period.end}), as of ${result.asOf}\n`);
  print(
    toTable(
      ['Rep', 'Team', 'Thing', 'Way', 'Time', 'Evidence'],
      result.reps.map((r) => [
        r.rep.name,
        r.team?.name ?? '',
        LABEL[r.rights.thing.status],
        LABEL[r.rights.way.status],
        LABEL[r.rights.time.status],
        firstOffSentence(r) ?? '',
      ]),
      70,
    ),
  );
  print('\nWho needs help');
  if (result.needsHelp.length === 0) print('  Nobody: every rep is on track.');
  result.needsHelp.forEach((n, i) => {
    print(
      `  ${i + 1}. ${n.rep.name} — off track: ${n.offTrack.join(', ') || 'none'}; at risk: ${n.atRisk.join(', ') || 'none'}; ${n.periodsOffTrack} period(s) in a row`,
    );
    print(`     Next step: ${n.nextStep.text}`);
  });
}

function firstOffSentence(row: TeamAssessment['reps'][number]): string | undefined {
  for (const status of ['off_track', 'at_risk'] as const) {
    for (const right of ['thing', 'way', 'time'] as const) {
      if (row.rights[right].status === status) return row.rights[right].sentences[0];
    }
  }
  return undefined;
}

function csvOf(result: TeamAssessment): string {
  const header = [
    'period',
    'as_of',
    'rep',
    'email',
    'team',
    'expectation',
    'metric',
    'actual',
    'target',
    'thing',
    'way',
    'time',
    'evidence',
  ];
  const rows = result.reps.flatMap((r) =>
    r.assessments.map((a) => [
      result.period.key,
      result.asOf,
      r.rep.name,
      r.rep.email,
      r.team?.name ?? '',
      a.expectationName,
      a.metric.key,
      a.actual === null ? null : Math.round(a.actual * 100) / 100,
      Math.round(a.target * 100) / 100,
      a.rights.thing.status,
      a.rights.way.status,
      a.rights.time.status,
      a.sentence,
    ]),
  );
  return toCsv([header, ...rows]);
}
