import type { ExpectationInput } from './expectation';

/**
 * The playbook's expectations, adopted in one click and then edited. The target comes from the
 * reps' own history when adopted (`target: null` here means "suggest one").
 */
export interface ExpectationTemplate {
  key: string;
  name: string;
  why: string;
  defaults: Omit<ExpectationInput, 'scope' | 'startsOn' | 'target'> & { target: number | null };
}

export const EXPECTATION_TEMPLATES: readonly ExpectationTemplate[] = [
  {
    key: 'weekly_prospecting',
    name: 'Weekly prospecting',
    why: 'Prospecting is measured by the first meetings it books, and booked by phone: cold e-mail alone books too few.',
    defaults: {
      name: 'Weekly prospecting: first meetings booked',
      metric: 'prospecting_meetings_booked',
      target: null,
      period: 'week',
      customStart: null,
      customEnd: null,
      way: [{ metric: 'phone_share_of_prospecting', comparator: 'at_least', bound: { kind: 'absolute', value: 60 } }],
      time: {
        pacing: { kind: 'linear' },
        dueInDays: 0,
        leadTime: 'sales_cycle',
        selfReport: true,
        selfReportFrom: null,
      },
      endsOn: null,
      note: 'Every week books first meetings, mostly by phone; what is booked now closes one sales cycle later.',
    },
  },
  {
    key: 'strategic_mix',
    name: 'Strategic mix',
    why: 'New pipeline should follow the strategy: the offerings the company must grow, not only the easiest to sell.',
    defaults: {
      name: 'Strategic share of new pipeline',
      metric: 'strategic_share_of_new_pipeline',
      target: 35,
      period: 'quarter',
      customStart: null,
      customEnd: null,
      way: [],
      time: { pacing: { kind: 'linear' }, dueInDays: 0, leadTime: 'none', selfReport: true, selfReportFrom: null },
      endsOn: null,
      note: 'At least a third of new pipeline in strategic offerings (services).',
    },
  },
  {
    key: 'pipeline_coverage',
    name: 'Next quarter’s pipeline coverage',
    why: 'Pipeline created this quarter is what closes next quarter; build it one sales cycle ahead.',
    defaults: {
      name: 'Pipeline created for next quarter',
      metric: 'pipeline_created',
      target: null,
      period: 'quarter',
      customStart: null,
      customEnd: null,
      way: [{ metric: 'win_rate', comparator: 'at_least', bound: { kind: 'team_median', factor: 0.8 } }],
      time: {
        pacing: { kind: 'linear' },
        dueInDays: 0,
        leadTime: 'sales_cycle',
        selfReport: false,
        selfReportFrom: null,
      },
      endsOn: null,
      note: 'Aim for about three times next quarter’s bookings target.',
    },
  },
  {
    key: 'self_reports_on_time',
    name: 'Self-reports on time',
    why: 'Accountability needs the rep’s own report by its due date, checked against the data.',
    defaults: {
      name: 'Self-reports in by their due date',
      metric: 'self_reports_on_time',
      target: 90,
      period: 'month',
      customStart: null,
      customEnd: null,
      way: [],
      time: { pacing: { kind: 'linear' }, dueInDays: 0, leadTime: 'none', selfReport: false, selfReportFrom: null },
      endsOn: null,
      note: 'Nine reports in ten arrive by their due date.',
    },
  },
];
