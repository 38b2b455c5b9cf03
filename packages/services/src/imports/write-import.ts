import { localDate, type OnErrorPolicy } from '@rightly/core';
import {
  insertImportedOwners,
  mergeOfferings,
  mergeRoster,
  mergeStagedActivities,
  mergeStagedOpportunities,
  refreshActivityFacts,
  refreshRepDayRollups,
  updateImport,
  type Database,
  type MergeScope,
} from '@rightly/db';
import type { RowError } from '@rightly/importers';
import type { StagedRecords } from './stage-records';

export interface WriteOutcome {
  counts: { records: number; inserted: number; updated: number; unchanged: number };
  createdAccounts: number;
  createdOfferings: number;
  createdTeams: number;
  unmatchedOpportunities: number;
  /** Rows only the write could judge, left out under `skip`. */
  problems: RowError[];
}

/** Thrown to undo a write that found bad rows under the `reject` policy. */
export class RejectedWhileWriting extends Error {
  constructor(readonly problems: RowError[]) {
    super(`${problems.length} rows could not be written`);
  }
}

/**
 * The write of an import, inside its transaction: owners it creates, the merge of its records,
 * then the derived facts (prospecting, meeting numbers) and the daily rollups of everything the
 * merge touched — computed now, at import time, so assessments never have to. `finish` records
 * the outcome on the import row in the same transaction: committed data and "succeeded" go
 * together.
 */
export async function writeImport(
  tx: Database,
  params: {
    orgId: string;
    importId: string;
    timeZone: string;
    recordSource: string;
    staged: StagedRecords;
    createdOwners: { id: string; name: string; email: string }[];
    onError: OnErrorPolicy;
    now: Date;
    newId: () => string;
    finish: ((outcome: WriteOutcome) => Parameters<typeof updateImport>[1]['set']) | null;
  },
): Promise<WriteOutcome> {
  const { orgId, staged, now } = params;
  await insertImportedOwners(tx, { orgId, owners: params.createdOwners, now });
  let outcome: WriteOutcome;
  let scope: MergeScope | null = null;
  // Activities carry their prospecting flag from the insert; deals change other rows' flags.
  let facts: 'meetingNumber' | 'prospecting' = 'meetingNumber';
  if (staged.kind === 'activities') {
    const merged = await mergeStagedActivities(tx, { orgId, source: params.recordSource, table: staged.table });
    scope = merged.scope;
    outcome = {
      ...base(merged.counts),
      createdAccounts: merged.counts.createdAccounts,
      unmatchedOpportunities: merged.counts.unmatchedOpportunities,
    };
  } else if (staged.kind === 'opportunities') {
    const merged = await mergeStagedOpportunities(tx, { orgId, source: params.recordSource, table: staged.table, now });
    scope = merged.scope;
    facts = 'prospecting';
    outcome = {
      ...base(merged.counts),
      createdAccounts: merged.counts.createdAccounts,
      createdOfferings: merged.counts.createdOfferings,
    };
  } else if (staged.kind === 'users') {
    const merged = await mergeRoster(tx, { orgId, entries: staged.users, now, newId: params.newId });
    const problems = merged.problems.map((p): RowError => ({
      line: p.line,
      column: p.column,
      value: p.value,
      reason: p.reason,
      fix: p.fix,
    }));
    if (problems.length > 0 && params.onError === 'reject') throw new RejectedWhileWriting(problems);
    outcome = { ...base(merged.counts), createdTeams: merged.counts.createdTeams, problems };
  } else {
    const merged = await mergeOfferings(tx, { orgId, entries: staged.offerings, now, newId: params.newId });
    outcome = base(merged.counts);
  }
  if (scope) await refreshDerived(tx, { orgId, timeZone: params.timeZone, scope, facts });
  if (params.finish) await updateImport(tx, { orgId, importId: params.importId, set: params.finish(outcome) });
  return outcome;
}

function base(counts: WriteOutcome['counts']): WriteOutcome {
  return {
    counts: {
      records: counts.records,
      inserted: counts.inserted,
      updated: counts.updated,
      unchanged: counts.unchanged,
    },
    createdAccounts: 0,
    createdOfferings: 0,
    createdTeams: 0,
    unmatchedOpportunities: 0,
    problems: [],
  };
}

/**
 * Prospecting flags and meeting numbers of the touched accounts (an opportunity or a meeting that
 * arrives out of order changes rows the file never mentioned), then the daily rollups of every
 * rep and day whose rows changed, directly or through those facts.
 */
async function refreshDerived(
  tx: Database,
  params: { orgId: string; timeZone: string; scope: MergeScope; facts: 'meetingNumber' | 'prospecting' },
): Promise<void> {
  const { scope } = params;
  const facts = await refreshActivityFacts(tx, {
    orgId: params.orgId,
    accountIds: scope.accountIds,
    only: params.facts,
  });
  const repIds = [...new Set([...scope.repIds, ...facts.repIds])];
  const times = [scope.from, scope.to, facts.from, facts.to]
    .filter((t): t is Date => t !== null)
    .map((t) => t.getTime());
  if (repIds.length === 0 || times.length === 0) return;
  await refreshRepDayRollups(tx, {
    orgId: params.orgId,
    timeZone: params.timeZone,
    repIds,
    from: localDate(new Date(Math.min(...times)), params.timeZone),
    to: localDate(new Date(Math.max(...times)), params.timeZone),
  });
}
