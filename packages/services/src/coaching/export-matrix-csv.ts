import { toCsv, type Viewer } from '@rightly/core';
import type { ServiceDeps } from '../deps';
import { assessTeam } from '../assessment/assess-team';
import { loadCoachingContext, recordAudit } from './coaching-context';

/**
 * The team matrix (reps × the three rights, with the evidence sentences) as CSV for a
 * spreadsheet. Every text cell is neutralised (a leading = + - @, tab or CR gets an apostrophe),
 * so a rep's name, a team's name or a sentence cannot run as a formula. The export is audited.
 */
export async function exportMatrixCsv(
  deps: ServiceDeps,
  input: { viewer: Viewer; team?: string | null; period?: string | null },
): Promise<{ fileName: string; csv: string }> {
  const [ctx, matrix] = await Promise.all([
    loadCoachingContext(deps, input.viewer),
    assessTeam(deps, { viewer: input.viewer, team: input.team ?? null, period: input.period ?? null }),
  ]);
  const header = [
    'rep',
    'email',
    'team',
    'period',
    'thing',
    'way',
    'time',
    'thing evidence',
    'way evidence',
    'time evidence',
  ];
  const rows = matrix.reps.map((r) => [
    r.rep.name,
    r.rep.email,
    r.team?.name ?? '',
    matrix.period.key,
    r.rights.thing.status,
    r.rights.way.status,
    r.rights.time.status,
    r.rights.thing.sentences.join(' '),
    r.rights.way.sentences.join(' '),
    r.rights.time.sentences.join(' '),
  ]);
  await recordAudit(deps.db, ctx, {
    action: 'export_csv',
    subjectId: null,
    at: deps.now(),
    summary: `Team matrix for ${matrix.period.key} exported as CSV (${rows.length} reps)`,
    details: { team: input.team ?? null, period: matrix.period.key, reps: rows.length },
  });
  return { fileName: `matrix-${matrix.period.key}.csv`, csv: toCsv([header, ...rows]) };
}
