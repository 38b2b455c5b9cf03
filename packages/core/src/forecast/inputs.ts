import type { OpportunityStatus } from '../domain/opportunity';
import type { IsoDate } from '../time/calendar';

/** An opportunity with its stage history, as the forecast needs it (local days). */
export interface ForecastOpportunity {
  id: string;
  repId: string;
  amount: number;
  createdDay: IsoDate;
  /** Set once won or lost; a forecast as of an earlier day treats it as still open. */
  closedDay: IsoDate | null;
  status: OpportunityStatus;
  /** Oldest first. */
  stageChanges: readonly { day: IsoDate; stage: string }[];
}

/** A rep's first meeting with an account, and when (if ever) an opportunity with it opened. */
export interface FirstMeetingFact {
  repId: string;
  day: IsoDate;
  /** The first opportunity the rep opened with that account after the meeting, if any. */
  convertedDay: IsoDate | null;
}

export interface ForecastData {
  opportunities: readonly ForecastOpportunity[];
  firstMeetings: readonly FirstMeetingFact[];
}
