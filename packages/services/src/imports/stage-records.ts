import type { ImportKind } from '@rightly/core';
import {
  createActivityStaging,
  createOpportunityStaging,
  stageActivities,
  stageOpportunities,
  type Database,
  type OfferingEntry,
  type RosterEntry,
  type StagedActivity,
  type StagedOpportunity,
} from '@rightly/db';
import {
  ImportFileError,
  type ImportedActivity,
  type ImportedOffering,
  type ImportedOpportunity,
  type ImportedRecord,
  type ImportedUser,
} from '@rightly/importers';
import { timeOrderedId } from './time-ordered-id';

/** Rosters and offering lists are held in memory until merged; no real one comes near this. */
const MAX_SMALL_ROWS = 50_000;

/**
 * Where the records of one import wait until they are merged: a staging table for activities and
 * opportunities (any size), memory for rosters and offering lists (small by nature).
 */
export class StagedRecords {
  readonly users: RosterEntry[] = [];
  readonly offerings: OfferingEntry[] = [];
  private pending: Promise<void> = Promise.resolve();
  /** A failed background write, reported by the next call (an unawaited rejection would crash the process). */
  private failure: unknown = null;

  private constructor(
    readonly kind: ImportKind,
    private readonly db: Database,
    readonly table: string,
  ) {}

  static async create(kind: ImportKind, db: Database, table: string): Promise<StagedRecords> {
    if (kind === 'activities') await createActivityStaging(db, table);
    if (kind === 'opportunities') await createOpportunityStaging(db, table);
    return new StagedRecords(kind, db, table);
  }

  /**
   * Queues records (owners resolved) for staging. The write of one batch overlaps the reading of
   * the next: the database works while Node parses. At most one write is in flight.
   */
  async add(records: readonly { record: ImportedRecord; ownerId: string | null }[]): Promise<void> {
    await this.settled();
    if (this.kind === 'activities') {
      const rows = records.map(({ record, ownerId }) => toStagedActivity(record as ImportedActivity, ownerId ?? ''));
      this.background(stageActivities(this.db, this.table, rows));
    } else if (this.kind === 'opportunities') {
      const rows = records.map(({ record, ownerId }) =>
        toStagedOpportunity(record as ImportedOpportunity, ownerId ?? ''),
      );
      this.background(stageOpportunities(this.db, this.table, rows));
    } else if (this.kind === 'users') {
      this.users.push(...records.map(({ record }) => record as ImportedUser));
    } else {
      this.offerings.push(...records.map(({ record }) => record as ImportedOffering));
    }
    if (this.users.length + this.offerings.length > MAX_SMALL_ROWS) {
      throw new ImportFileError({
        reason: `The file holds more than ${MAX_SMALL_ROWS} ${this.kind}; that is not a roster or an offering list.`,
        fix: 'Check the file and the --kind you gave.',
      });
    }
  }

  /** Resolves when every queued batch is staged; throws if one failed. */
  async settled(): Promise<void> {
    await this.pending;
    if (this.failure) throw this.failure;
  }

  private background(write: Promise<void>): void {
    this.pending = write.catch((error: unknown) => {
      this.failure = error;
    });
  }
}

function toStagedActivity(record: ImportedActivity, repId: string): StagedActivity {
  return {
    line: record.line,
    key: record.key.value,
    keyed: record.key.kind === 'id',
    id: timeOrderedId(record.occurredAt.getTime()),
    repId,
    accountName: record.accountName,
    opportunityRef: record.opportunityRef,
    type: record.type,
    channel: record.channel,
    outcome: record.outcome,
    occurredAt: record.occurredAt,
    subject: record.subject,
    durationSeconds: record.durationSeconds,
  };
}

function toStagedOpportunity(record: ImportedOpportunity, repId: string): StagedOpportunity {
  return {
    line: record.line,
    key: record.key.value,
    keyed: record.key.kind === 'id',
    id: timeOrderedId(record.createdAt.getTime()),
    repId,
    accountName: record.accountName,
    offeringName: record.offeringName,
    name: record.name,
    amount: record.amount,
    currency: record.currency,
    stage: record.stage,
    status: record.status,
    createdAt: record.createdAt,
    closeDate: record.closeDate,
    closedAt: record.closedAt,
  };
}
