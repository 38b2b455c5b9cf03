import {
  addDays,
  CADENCE_LABELS,
  cadenceRank,
  type DiscrepancyResolution,
  type ReportingCadence,
  type ReportStatus,
  type SelfReportItem,
  type SelfReportsResponse,
} from '@rightly/core';

/* ---------- statuses ---------- */

export interface ReportStatusDisplay {
  label: string;
  /** A glyph beside the label, so the badge reads without colour too. */
  icon: string;
  color: 'blue' | 'green' | 'yellow' | 'red';
}

const STATUS_DISPLAY: Record<ReportStatus, ReportStatusDisplay> = {
  open: { label: 'Due', icon: '○', color: 'blue' },
  submitted: { label: 'On time', icon: '✓', color: 'green' },
  late: { label: 'Late', icon: '!', color: 'yellow' },
  overdue: { label: 'Overdue', icon: '✕', color: 'red' },
};

/**
 * How a status reads. Looking back (`past`), a report that never came is "Missing"; while it can
 * still be sent it is "Overdue".
 */
export function reportStatusDisplay(
  status: ReportStatus,
  context: 'current' | 'past' = 'current',
): ReportStatusDisplay {
  const display = STATUS_DISPLAY[status];
  return status === 'overdue' && context === 'past' ? { ...display, label: 'Missing' } : display;
}

/* ---------- windows ---------- */

export interface ReportWindowGroup {
  /** `start|end`: one window of the rep's cadence. */
  key: string;
  window: SelfReportItem['window'];
  dueAt: string;
  /** Overdue when any item of the window is. */
  overdue: boolean;
  items: SelfReportItem[];
}

export function windowKey(window: Pick<SelfReportItem['window'], 'start' | 'end'>): string {
  return `${window.start}|${window.end}`;
}

/**
 * Items grouped into their reporting windows, oldest window first (the most overdue report is the
 * first to send); the expectations of a window by name.
 */
export function groupByWindow(items: readonly SelfReportItem[]): ReportWindowGroup[] {
  const groups = new Map<string, ReportWindowGroup>();
  for (const item of items) {
    const key = windowKey(item.window);
    let group = groups.get(key);
    if (!group) {
      group = { key, window: item.window, dueAt: item.dueAt, overdue: false, items: [] };
      groups.set(key, group);
    }
    group.items.push(item);
    if (item.status === 'overdue') group.overdue = true;
    if (item.dueAt < group.dueAt) group.dueAt = item.dueAt;
  }
  return [...groups.values()]
    .sort((a, b) => a.window.start.localeCompare(b.window.start) || a.window.end.localeCompare(b.window.end))
    .map((group) => ({
      ...group,
      items: [...group.items].sort((a, b) => a.expectationName.localeCompare(b.expectationName)),
    }));
}

/** What the rep still has to send: open windows that have begun, and overdue ones. */
export function dueNowWindows(items: readonly SelfReportItem[], today: string): ReportWindowGroup[] {
  return groupByWindow(
    items.filter((item) => item.status === 'overdue' || (item.status === 'open' && item.window.start <= today)),
  );
}

/** What fell due or was sent: newest window first. */
export function pastReportItems(items: readonly SelfReportItem[]): SelfReportItem[] {
  return items
    .filter((item) => item.status !== 'open')
    .sort(
      (a, b) =>
        b.window.start.localeCompare(a.window.start) ||
        a.repName.localeCompare(b.repName) ||
        a.expectationName.localeCompare(b.expectationName),
    );
}

/** Leader view: by rep, then newest window first. */
export function sortByRepAndWindow(items: readonly SelfReportItem[]): SelfReportItem[] {
  return [...items].sort(
    (a, b) =>
      a.repName.localeCompare(b.repName) ||
      b.window.start.localeCompare(a.window.start) ||
      a.expectationName.localeCompare(b.expectationName),
  );
}

const utc = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const dayFormat = new Intl.DateTimeFormat('en-US', {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const monthDay = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const monthDayYear = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `Tue, Nov 24` for one day, `Nov 23 – Nov 29` for longer windows (the year when they cross one). */
export function windowLabel(window: Pick<SelfReportItem['window'], 'start' | 'end'>): string {
  if (window.start === window.end) return dayFormat.format(utc(window.start));
  const sameYear = window.start.slice(0, 4) === window.end.slice(0, 4);
  return sameYear
    ? `${monthDay.format(utc(window.start))} – ${monthDay.format(utc(window.end))}`
    : `${monthDayYear.format(utc(window.start))} – ${monthDayYear.format(utc(window.end))}`;
}

const CADENCE_REPORT_NOUNS: Record<ReportingCadence, string> = {
  daily: 'Daily report',
  twice_weekly: 'Twice-weekly report',
  weekly: 'Weekly report',
  monthly: 'Monthly report',
};

export function windowTitle(window: SelfReportItem['window']): string {
  return `${CADENCE_REPORT_NOUNS[window.cadence]} · ${windowLabel(window)}`;
}

const formatters = new Map<string, { nearby: Intl.DateTimeFormat; far: Intl.DateTimeFormat }>();
function dueFormatters(timeZone: string) {
  let pair = formatters.get(timeZone);
  if (!pair) {
    const zone = safeTimeZone(timeZone);
    pair = {
      nearby: new Intl.DateTimeFormat('en-US', {
        weekday: 'long',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: zone,
      }),
      far: new Intl.DateTimeFormat('en-US', {
        weekday: 'short',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: zone,
      }),
    };
    formatters.set(timeZone, pair);
  }
  return pair;
}

function safeTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

/**
 * A due time on the organization's clock: `Monday 09:00` within six days of now (a weekday names
 * one day only inside a week), `Mon, Nov 16, 09:00` further away.
 */
export function formatDueAt(dueAt: string, timeZone: string, now: Date = new Date()): string {
  const instant = new Date(dueAt);
  const { nearby, far } = dueFormatters(timeZone);
  const days = Math.abs(instant.getTime() - now.getTime()) / 86_400_000;
  return (days < 6 ? nearby : far).format(instant);
}

/** The line under a window's title. */
export function dueLine(group: Pick<ReportWindowGroup, 'dueAt' | 'overdue'>, timeZone: string, now = new Date()) {
  const when = formatDueAt(group.dueAt, timeZone, now);
  return group.overdue ? `Overdue since ${when} — still accepted, will count as late` : `Due ${when}`;
}

/* ---------- standing ---------- */

export type ReportSummary = SelfReportsResponse['summary'];

/** Share of the reports that fell due which came in on time, 0–1; null when none fell due. */
export function onTimeShare(summary: Pick<ReportSummary, 'due' | 'onTime'>): number | null {
  return summary.due === 0 ? null : summary.onTime / summary.due;
}

export function formatShare(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/* ---------- date range ---------- */

export const RANGE_PRESETS = [4, 8, 13] as const;
export type RangeWeeks = (typeof RANGE_PRESETS)[number];

export function isRangeWeeks(value: unknown): value is RangeWeeks {
  return (RANGE_PRESETS as readonly unknown[]).includes(value);
}

/** The last `weeks` weeks up to today, as the API's `from`/`to`. */
export function rangeFor(weeks: RangeWeeks, today: string): { from: string; to: string } {
  return { from: addDays(today, -7 * weeks + 1), to: today };
}

/* ---------- the rep's form ---------- */

/** One expectation's fields as typed: NumberInput gives '' while empty. */
export interface ReportDraft {
  value: number | string;
  comment: string;
}

export interface ReportDraftErrors {
  value?: string | undefined;
  comment?: string | undefined;
}

export const COMMENT_MAX = 4000;

/** Checks a draft before sending; the server checks again and its messages win. */
export function validateDraft(draft: ReportDraft): ReportDraftErrors {
  const errors: ReportDraftErrors = {};
  const value = typeof draft.value === 'number' ? draft.value : draft.value.trim() === '' ? null : Number(draft.value);
  if (value === null) errors.value = 'Enter what you delivered (0 if none)';
  else if (!Number.isFinite(value)) errors.value = 'Enter a number';
  else if (value < 0) errors.value = 'must be zero or more';
  else if (value > 1e12) errors.value = 'is too large';
  if (draft.comment.trim().length > COMMENT_MAX) errors.comment = `must be at most ${COMMENT_MAX} characters`;
  return errors;
}

export function hasErrors(errors: ReportDraftErrors): boolean {
  return Boolean(errors.value ?? errors.comment);
}

/** The draft a field starts from: what was sent before, if anything. */
export function draftOf(item: Pick<SelfReportItem, 'reported' | 'comment'>): ReportDraft {
  return { value: item.reported ?? '', comment: item.comment };
}

/* ---------- discrepancies ---------- */

export const RESOLUTION_LABELS: Record<DiscrepancyResolution, string> = {
  missing_in_crm: 'Missing in the CRM',
  report_corrected: 'Report corrected',
  noted: 'Noted',
};

export const RESOLUTION_HELP: Record<DiscrepancyResolution, string> = {
  missing_in_crm: 'The rep is right: the work happened but was not logged. The report stands.',
  report_corrected: 'The report was wrong: enter the value that stands.',
  noted: 'Neither is changed; the difference is on record.',
};

export interface ResolutionDraft {
  resolution: DiscrepancyResolution | null;
  note: string;
  correctedValue: number | string;
}

export function validateResolution(draft: ResolutionDraft): { resolution?: string; correctedValue?: string } {
  const errors: { resolution?: string; correctedValue?: string } = {};
  if (!draft.resolution) errors.resolution = 'Choose how it was resolved';
  if (draft.resolution === 'report_corrected') {
    const value =
      typeof draft.correctedValue === 'number'
        ? draft.correctedValue
        : draft.correctedValue.trim() === ''
          ? null
          : Number(draft.correctedValue);
    if (value === null) errors.correctedValue = 'Enter the value that stands';
    else if (!Number.isFinite(value) || value < 0) errors.correctedValue = 'must be zero or more';
  }
  return errors;
}

/** Items a leader can resolve: stored, flagged, not yet resolved. */
export function canResolve(item: Pick<SelfReportItem, 'id' | 'discrepancy' | 'resolution'>): boolean {
  return item.id !== null && item.discrepancy !== null && item.resolution === null;
}

/* ---------- cadence ---------- */

export function cadenceLabel(cadence: ReportingCadence): string {
  return CADENCE_LABELS[cadence];
}

/** `Twice a week` at the start of a line. */
export function cadenceTitle(cadence: ReportingCadence): string {
  const label = CADENCE_LABELS[cadence];
  return label.charAt(0).toUpperCase() + label.slice(1);
}

const SOURCE_TEXT: Record<'org' | 'team' | 'rep' | 'default', string> = {
  org: 'the organization’s default',
  team: 'set for the team',
  rep: 'set for this rep',
  default: 'Rightly’s default',
};

export function cadenceSourceText(source: keyof typeof SOURCE_TEXT): string {
  return SOURCE_TEXT[source];
}

export const LEVEL_LABELS: Record<'org' | 'team' | 'rep', string> = {
  org: 'Organization',
  team: 'Team',
  rep: 'Rep',
};

export function adviceButtonLabel(advice: { action: 'shorten' | 'relax'; to: ReportingCadence }): string {
  return `${advice.action === 'shorten' ? 'Shorten' : 'Return'} to ${CADENCE_LABELS[advice.to]}`;
}

/** A cadence change takes effect the day after it is made. */
export function effectiveFromFor(today: string): string {
  return addDays(today, 1);
}

/** The choice in the cadence form: a cadence, or `usual` to remove the rep's override. */
export type CadenceChoice = ReportingCadence | 'usual';

export interface CadenceDraft {
  choice: CadenceChoice | null;
  reason: string;
  reviewOn: string;
}

export function validateCadenceDraft(
  draft: CadenceDraft,
  context: { current: ReportingCadence; usual: ReportingCadence; today: string },
): { choice?: string; reason?: string; reviewOn?: string } {
  const errors: { choice?: string; reason?: string; reviewOn?: string } = {};
  if (!draft.choice) errors.choice = 'Choose how often the rep reports';
  // A rep's own rhythm (not "back to usual") is explained to them; a shorter one is reviewed.
  const own = draft.choice !== null && draft.choice !== 'usual' ? draft.choice : null;
  const shortens = own !== null && cadenceRank(own) < cadenceRank(context.usual);
  if (own !== null && draft.reason.trim() === '') {
    errors.reason = shortens
      ? 'Say why: a shorter cadence needs a reason, and the rep sees it'
      : 'Say why the rep reports on a different rhythm than the team';
  }
  if (draft.reason.trim().length > 1000) errors.reason = 'must be at most 1000 characters';
  if (draft.reviewOn === '') {
    if (shortens) errors.reviewOn = 'Set a date to review the shorter cadence';
  } else if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.reviewOn)) errors.reviewOn = 'must be a date like 2026-01-31';
  else if (draft.reviewOn <= context.today) errors.reviewOn = 'must be after today';
  return errors;
}

/** Whether the choice is shorter than the rep's usual cadence (a reviewed coaching step). */
export function shortensCadence(choice: CadenceChoice | null, usual: ReportingCadence): boolean {
  return choice !== null && choice !== 'usual' && cadenceRank(choice) < cadenceRank(usual);
}

/** A review date to suggest with a shorter cadence: four weeks on, time enough to see it work. */
export function suggestedReviewOn(today: string): string {
  return addDays(today, 28);
}
