import { describe, expect, it } from 'vitest';
import { PIPELINE, selfReportItem } from '../../test/report-fixtures';
import {
  adviceButtonLabel,
  canResolve,
  dueLine,
  dueNowWindows,
  effectiveFromFor,
  formatDueAt,
  groupByWindow,
  onTimeShare,
  pastReportItems,
  rangeFor,
  reportStatusDisplay,
  shortensCadence,
  suggestedReviewOn,
  validateCadenceDraft,
  validateDraft,
  validateResolution,
  windowLabel,
  windowTitle,
} from './report-model';

const TODAY = '2026-11-27';
const NY = 'America/New_York';
const week47 = { start: '2026-11-16', end: '2026-11-22', cadence: 'weekly' as const };
const week48 = { start: '2026-11-23', end: '2026-11-29', cadence: 'weekly' as const };

describe('report statuses', () => {
  it('names each status in words, and a past overdue report "Missing"', () => {
    expect(reportStatusDisplay('submitted').label).toBe('On time');
    expect(reportStatusDisplay('late').label).toBe('Late');
    expect(reportStatusDisplay('open').label).toBe('Due');
    expect(reportStatusDisplay('overdue').label).toBe('Overdue');
    expect(reportStatusDisplay('overdue', 'past').label).toBe('Missing');
    expect(reportStatusDisplay('late', 'past').label).toBe('Late');
  });
});

describe('reporting windows', () => {
  const items = [
    selfReportItem({ window: week48, expectationName: 'Weekly prospecting', status: 'open' }),
    selfReportItem({ window: week48, expectationId: PIPELINE, expectationName: 'Services pipeline', status: 'open' }),
    selfReportItem({
      window: week47,
      status: 'overdue',
      dueAt: '2026-11-23T14:00:00.000Z',
    }),
    selfReportItem({ window: week47, expectationId: PIPELINE, status: 'submitted', reported: 2 }),
    selfReportItem({ window: { start: '2026-11-30', end: '2026-12-06', cadence: 'weekly' }, status: 'open' }),
  ];

  it('groups items by window, oldest first, expectations by name, and flags a window with an overdue item', () => {
    const groups = groupByWindow(items);
    expect(groups.map((group) => group.window.start)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(groups[0]?.overdue).toBe(true);
    expect(groups[1]?.overdue).toBe(false);
    expect(groups[1]?.items.map((item) => item.expectationName)).toEqual(['Services pipeline', 'Weekly prospecting']);
  });

  it('shows as due now the open windows that have begun and the overdue ones, never what was sent', () => {
    const due = dueNowWindows(items, TODAY);
    expect(due.map((group) => [group.window.start, group.items.length])).toEqual([
      ['2026-11-16', 1],
      ['2026-11-23', 2],
    ]);
  });

  it('lists past reports newest first, without open ones', () => {
    expect(pastReportItems(items).map((item) => [item.window.start, item.status])).toEqual([
      ['2026-11-16', 'overdue'],
      ['2026-11-16', 'submitted'],
    ]);
  });

  it('labels windows by their days and cadence', () => {
    expect(windowLabel(week48)).toBe('Nov 23 – Nov 29');
    expect(windowLabel({ start: '2026-11-24', end: '2026-11-24' })).toBe('Tue, Nov 24');
    expect(windowLabel({ start: '2026-12-28', end: '2027-01-03' })).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(windowTitle({ start: '2026-11-23', end: '2026-11-25', cadence: 'twice_weekly' })).toBe(
      'Twice-weekly report · Nov 23 – Nov 25',
    );
  });

  it('says when a window is due on the organization’s clock, and that an overdue one still counts', () => {
    const now = new Date('2026-11-27T15:00:00Z');
    expect(formatDueAt('2026-11-30T14:00:00.000Z', NY, now)).toBe('Monday 09:00');
    expect(formatDueAt('2026-11-09T14:00:00.000Z', NY, now)).toBe('Mon, Nov 9, 09:00');
    expect(dueLine({ dueAt: '2026-11-23T14:00:00.000Z', overdue: true }, NY, now)).toBe(
      'Overdue since Monday 09:00 — still accepted, will count as late',
    );
    expect(dueLine({ dueAt: '2026-11-30T14:00:00.000Z', overdue: false }, NY, now)).toBe('Due Monday 09:00');
  });
});

describe('standing and ranges', () => {
  it('computes the on-time share of what fell due', () => {
    expect(onTimeShare({ due: 8, onTime: 6 })).toBe(0.75);
    expect(onTimeShare({ due: 0, onTime: 0 })).toBeNull();
  });

  it('turns a preset into the last N weeks up to today', () => {
    expect(rangeFor(4, TODAY)).toEqual({ from: '2026-10-31', to: TODAY });
    expect(rangeFor(13, TODAY)).toEqual({ from: '2026-08-29', to: TODAY });
  });
});

describe('the rep’s report form', () => {
  it('asks for a value, zero or more, and keeps comments in bounds', () => {
    expect(validateDraft({ value: '', comment: '' }).value).toBe('Enter what you delivered (0 if none)');
    expect(validateDraft({ value: -1, comment: '' }).value).toBe('must be zero or more');
    expect(validateDraft({ value: 0, comment: '' })).toEqual({});
    expect(validateDraft({ value: 4, comment: 'x'.repeat(4001) }).comment).toBe('must be at most 4000 characters');
  });
});

describe('resolving a discrepancy', () => {
  it('needs a choice, and a corrected value when the report was corrected', () => {
    expect(validateResolution({ resolution: null, note: '', correctedValue: '' }).resolution).toBe(
      'Choose how it was resolved',
    );
    expect(validateResolution({ resolution: 'report_corrected', note: '', correctedValue: '' }).correctedValue).toBe(
      'Enter the value that stands',
    );
    expect(validateResolution({ resolution: 'report_corrected', note: '', correctedValue: 3 })).toEqual({});
    expect(validateResolution({ resolution: 'noted', note: '', correctedValue: '' })).toEqual({});
  });

  it('offers to resolve only a stored, flagged, unresolved report', () => {
    const flagged = { id: 'r1', discrepancy: 'reported 5, CRM shows 3', resolution: null };
    expect(canResolve(flagged)).toBe(true);
    expect(canResolve({ ...flagged, id: null })).toBe(false);
    expect(canResolve({ ...flagged, discrepancy: null })).toBe(false);
    expect(
      canResolve({
        ...flagged,
        resolution: { kind: 'noted', note: '', originalValue: null, resolvedAt: '', resolvedBy: null },
      }),
    ).toBe(false);
  });
});

describe('the cadence form', () => {
  const context = { current: 'weekly' as const, usual: 'weekly' as const, today: TODAY };

  it('asks why a rep gets an own cadence, and when to review a shorter one', () => {
    const shorter = validateCadenceDraft({ choice: 'twice_weekly', reason: ' ', reviewOn: '' }, context);
    expect(shorter.reason).toMatch(/^Say why: a shorter cadence needs a reason/);
    expect(shorter.reviewOn).toBe('Set a date to review the shorter cadence');
    expect(
      validateCadenceDraft(
        { choice: 'twice_weekly', reason: 'Two periods off track', reviewOn: '2026-12-25' },
        context,
      ),
    ).toEqual({});
    expect(validateCadenceDraft({ choice: 'monthly', reason: '', reviewOn: '' }, context)).toEqual({
      reason: 'Say why the rep reports on a different rhythm than the team',
    });
    // Back to the usual rhythm needs neither.
    expect(
      validateCadenceDraft({ choice: 'usual', reason: '', reviewOn: '' }, { ...context, current: 'daily' }),
    ).toEqual({});
    expect(validateCadenceDraft({ choice: null, reason: '', reviewOn: '' }, context).choice).toBeDefined();
  });

  it('wants a review date after today', () => {
    expect(validateCadenceDraft({ choice: 'monthly', reason: 'Senior', reviewOn: TODAY }, context).reviewOn).toBe(
      'must be after today',
    );
    expect(validateCadenceDraft({ choice: 'monthly', reason: 'Senior', reviewOn: '2026-12-31' }, context)).toEqual({});
  });

  it('compares with the usual cadence, suggests a review date, and takes effect tomorrow', () => {
    expect(shortensCadence('twice_weekly', 'weekly')).toBe(true);
    expect(shortensCadence('weekly', 'weekly')).toBe(false);
    expect(shortensCadence('usual', 'weekly')).toBe(false);
    expect(suggestedReviewOn(TODAY)).toBe('2026-12-25');
    expect(effectiveFromFor(TODAY)).toBe('2026-11-28');
    expect(adviceButtonLabel({ action: 'shorten', to: 'twice_weekly' })).toBe('Shorten to twice a week');
    expect(adviceButtonLabel({ action: 'relax', to: 'weekly' })).toBe('Return to weekly');
  });
});
