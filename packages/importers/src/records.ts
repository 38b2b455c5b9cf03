import type { ActivityChannel, ActivityOutcome, ActivityType, OpportunityStatus } from '@rightly/core';

/**
 * What an importer yields: CRM rows translated into Rightly's vocabulary, still keyed by the
 * CRM's own ids and owner names. Importers never touch the database; the import use case resolves
 * owners and accounts and writes the records in one transaction.
 */
export interface ImportedActivity {
  kind: 'activity';
  /** 1-based line in the source file, for error reports. */
  line: number;
  source: string;
  externalId: string;
  ownerRef: string;
  accountName: string | null;
  opportunityRef: string | null;
  type: ActivityType;
  channel: ActivityChannel | null;
  outcome: ActivityOutcome | null;
  occurredAt: Date;
  subject: string | null;
  durationSeconds: number | null;
}

export interface ImportedOpportunity {
  kind: 'opportunity';
  line: number;
  source: string;
  externalId: string;
  ownerRef: string;
  accountName: string | null;
  offeringName: string | null;
  name: string;
  amount: string;
  currency: string;
  stage: string;
  status: OpportunityStatus;
  createdAt: Date;
  closeDate: string | null;
}

export type ImportedRecord = ImportedActivity | ImportedOpportunity;

/** A row that could not be read, with what to do about it. */
export interface RowError {
  line: number;
  column: string | null;
  value: string | null;
  reason: string;
  fix: string;
}
