import { randomUUID } from 'node:crypto';
import {
  RIGHTS,
  type AssessmentStatus,
  type ExpectationAssessment,
  type IsoDate,
  type Period,
  type Right,
} from '@rightly/core';
import { insertSnapshots, loadSnapshots, type StoredSnapshot } from '@rightly/db';
import type { ServiceDeps } from '../deps';
import type { AssessmentContext } from './assessment-context';

export interface Revision {
  revision: number;
  takenAt: string;
  actual: number | null;
  statuses: Record<Right, AssessmentStatus>;
  sentence: string;
}

/** An assessment as recorded when its period closed, with any later revisions beside it. */
export type RecordedAssessment = ExpectationAssessment & {
  recorded: { revision: number; takenAt: string } | null;
  revisions: Revision[];
};

/**
 * The stored snapshots of a closed period seen today (shown as recorded; null otherwise), started
 * before the live assessment is computed so the database reads them while Node works. A failure
 * is not reported until `applySnapshots` awaits it (and is not an unhandled rejection if the
 * assessment fails first). `repIds` narrows the read to some reps (one rep's page).
 */
export function loadRecordedSnapshots(
  deps: ServiceDeps,
  params: {
    ctx: AssessmentContext;
    period: Period;
    asOf: IsoDate;
    asOfIsToday: boolean;
    repIds?: readonly string[];
  },
): Promise<StoredSnapshot[]> | null {
  const { ctx, period } = params;
  if (params.asOf < period.end || !params.asOfIsToday) return null;
  const loading = loadSnapshots(deps.db, {
    orgId: ctx.org.id,
    periodKey: period.key,
    expectationIds: ctx.expectations.map((e) => e.id),
    repIds: params.repIds,
  });
  loading.catch(() => undefined);
  return loading;
}

/**
 * History does not shift: the first assessment of a closed period is stored and shown from then
 * on. When late data changes the numbers, a revision is appended and shown next to the original,
 * never silently replacing it.
 */
export async function applySnapshots(
  deps: ServiceDeps,
  params: {
    orgId: string;
    periodKey: string;
    live: Map<string, ExpectationAssessment[]>;
    /** From `loadRecordedSnapshots`, covering every expectation and rep in `live`. */
    stored: Promise<StoredSnapshot[]>;
  },
): Promise<Map<string, RecordedAssessment[]>> {
  const stored = await params.stored;
  const byPair = new Map<string, StoredSnapshot[]>();
  for (const s of stored) {
    const key = `${s.expectationId}|${s.repId}`;
    const history = byPair.get(key);
    if (history) history.push(s);
    else byPair.set(key, [s]);
  }
  for (const history of byPair.values()) if (history.length > 1) history.sort((a, b) => a.revision - b.revision);
  const now = deps.now();
  const inserts: Parameters<typeof insertSnapshots>[1][number][] = [];
  const result = new Map<string, RecordedAssessment[]>();
  for (const [repId, list] of params.live) {
    result.set(
      repId,
      list.map((live) => {
        const history = byPair.get(`${live.expectationId}|${repId}`) ?? [];
        const base = { orgId: params.orgId, expectationId: live.expectationId, repId, periodKey: params.periodKey };
        if (history.length === 0) {
          inserts.push({ ...base, id: randomUUID(), revision: 1, assessment: live, takenAt: now });
          return { ...live, recorded: { revision: 1, takenAt: now.toISOString() }, revisions: [] };
        }
        const original = history[0]?.assessment as ExpectationAssessment;
        const latest = history.at(-1);
        const revisions = history
          .slice(1)
          .map((h) => toRevision(h.revision, h.takenAt, h.assessment as ExpectationAssessment));
        if (latest && fingerprint(latest.assessment as ExpectationAssessment) !== fingerprint(live)) {
          inserts.push({ ...base, id: randomUUID(), revision: latest.revision + 1, assessment: live, takenAt: now });
          revisions.push(toRevision(latest.revision + 1, now, live));
        }
        return {
          ...original,
          recorded: { revision: 1, takenAt: (history[0]?.takenAt ?? now).toISOString() },
          revisions,
        };
      }),
    );
  }
  await insertSnapshots(deps.db, inserts);
  return result;
}

function toRevision(revision: number, takenAt: Date, a: ExpectationAssessment): Revision {
  return {
    revision,
    takenAt: takenAt.toISOString(),
    actual: a.actual,
    statuses: Object.fromEntries(RIGHTS.map((r) => [r, a.rights[r].status])) as Record<Right, AssessmentStatus>,
    sentence: a.sentence,
  };
}

/** What a leader would call a change: the numbers or the statuses, not the wording or timestamps. */
function fingerprint(a: ExpectationAssessment): string {
  const round = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);
  return JSON.stringify([
    round(a.actual),
    round(a.target),
    RIGHTS.map((r) => [a.rights[r].status, a.rights[r].evidence.map((e) => [round(e.value), round(e.against)])]),
  ]);
}
