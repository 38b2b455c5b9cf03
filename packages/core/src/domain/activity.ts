/**
 * The vocabulary of an Activity, as DESIGN.md names it. Importers map every CRM's own words
 * onto these, so assessments never have to know which CRM a touch came from.
 */
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'task', 'other'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_CHANNELS = ['phone', 'email', 'in_person', 'video', 'social'] as const;
export type ActivityChannel = (typeof ACTIVITY_CHANNELS)[number];

export const ACTIVITY_OUTCOMES = [
  'connected',
  'no_answer',
  'voicemail',
  'meeting_booked',
  'held',
  'no_show',
  'rescheduled',
  'canceled',
  'sent',
  'replied',
  'bounced',
  'completed',
] as const;
export type ActivityOutcome = (typeof ACTIVITY_OUTCOMES)[number];
