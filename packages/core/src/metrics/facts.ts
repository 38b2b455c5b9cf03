import type { ActivityChannel, ActivityOutcome, ActivityType } from '../domain/activity';
import type { OpportunityStatus } from '../domain/opportunity';
import type { IsoDate } from '../time/calendar';

/** Raw records as metrics see them: dated by the local day in the org's time zone. */
export interface ActivityFact {
  repId: string;
  day: IsoDate;
  type: ActivityType;
  channel: ActivityChannel | null;
  outcome: ActivityOutcome | null;
  prospecting: boolean;
  meetingNumber: number | null;
  durationSeconds: number | null;
}

export interface OpportunityFact {
  repId: string;
  createdDay: IsoDate;
  closedDay: IsoDate | null;
  status: OpportunityStatus;
  amount: number;
  strategicWeight: number;
  offeringId: string | null;
  stage: string;
}

export interface StageChangeFact {
  repId: string;
  day: IsoDate;
  stage: string;
  status: OpportunityStatus;
  /** True when the opportunity moved into a later stage (not its first stage, not a close). */
  advance: boolean;
}

export interface Facts {
  activities: readonly ActivityFact[];
  opportunities: readonly OpportunityFact[];
  stageChanges: readonly StageChangeFact[];
}
