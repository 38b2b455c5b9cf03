import type {
  ActivityChannel,
  ActivityOutcome,
  ActivityType,
  ImportKind,
  OpportunityStatus,
  UserRole,
} from '@rightly/core';

/**
 * What an importer yields: CRM rows translated into Rightly's vocabulary, still keyed by the
 * CRM's own ids and owner names. Importers never touch the database; the import use case resolves
 * owners and accounts and writes the records in one transaction.
 */

/**
 * The idempotency key of a row. `id`: the CRM's own record id. `hash`: a stable hash of the
 * identifying fields, for exports without ids (see docs/imports.md); identical rows in one file are
 * told apart by their order when stored (`#1`, `#2` …).
 */
export interface RecordKey {
  value: string;
  kind: 'id' | 'hash';
}

/** An owner as an export names them: a name, an e-mail, or both ("Jane Doe <jane@acme.com>"). */
export interface OwnerRef {
  /** The cell as written, for reports. */
  raw: string;
  name: string | null;
  email: string | null;
}

export interface ImportedActivity {
  kind: 'activity';
  /** 1-based line in the source file where the row starts, for error reports. */
  line: number;
  key: RecordKey;
  owner: OwnerRef;
  accountName: string | null;
  /** The deal the touch belongs to: its CRM id or its name. */
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
  key: RecordKey;
  owner: OwnerRef;
  accountName: string | null;
  offeringName: string | null;
  name: string;
  /** Exact decimal with two places ("1234.50"): money never passes through a float. */
  amount: string;
  /** ISO 4217 code, or null for the organization's currency. */
  currency: string | null;
  stage: string;
  status: OpportunityStatus;
  createdAt: Date;
  /** Calendar date in the org's time zone: expected close while open, actual once closed. */
  closeDate: string | null;
  closedAt: Date | null;
}

export interface ImportedUser {
  kind: 'user';
  line: number;
  /** Lower-cased; the key of a user in a roster. */
  email: string;
  name: string;
  role: UserRole;
  team: string | null;
  /** The team above `team` (a region), created when missing. */
  parentTeam: string | null;
  /** A team this person leads. */
  leadsTeam: string | null;
  active: boolean;
}

export interface ImportedOffering {
  kind: 'offering';
  line: number;
  name: string;
  /** 0 … 1; null leaves an existing offering's weight alone (new ones get 0). */
  strategicWeight: number | null;
  active: boolean | null;
}

export type ImportedRecord = ImportedActivity | ImportedOpportunity | ImportedUser | ImportedOffering;

export interface RecordsByKind {
  activities: ImportedActivity;
  opportunities: ImportedOpportunity;
  users: ImportedUser;
  offerings: ImportedOffering;
}
export type RecordOf<K extends ImportKind> = RecordsByKind[K];

/** A row that could not be read, with what to do about it. */
export interface RowError {
  line: number;
  /** The column as the file names it; null when the problem is the row as a whole. */
  column: string | null;
  value: string | null;
  reason: string;
  fix: string;
}

/**
 * Something worth telling the importer that did not stop a row: an unknown value stored as
 * `other`, a duplicate column. Counted per distinct message so a million rows make one line.
 */
export interface ImportWarning {
  message: string;
  count: number;
  /** Line of the first row it happened on (0 for file-level notes). */
  firstLine: number;
}
