import type { AssessmentStatus, Right } from '@rightly/core';

export interface StatusDisplay {
  /** The words shown in every cell and badge: colour is never the only signal. */
  label: string;
  /** A glyph beside the label, for a quick scan (hidden from screen readers; the label says it). */
  icon: string;
  /** Mantine colour family, for charts and accents. */
  color: 'green' | 'yellow' | 'red' | 'gray';
}

export const STATUS_DISPLAY: Record<AssessmentStatus, StatusDisplay> = {
  on_track: { label: 'On track', icon: '✓', color: 'green' },
  at_risk: { label: 'At risk', icon: '!', color: 'yellow' },
  off_track: { label: 'Off track', icon: '✕', color: 'red' },
  no_data: { label: 'No data', icon: '–', color: 'gray' },
};

export function statusDisplay(status: AssessmentStatus): StatusDisplay {
  return STATUS_DISPLAY[status];
}

export const RIGHT_ORDER: readonly Right[] = ['thing', 'way', 'time'];

export const RIGHT_LABELS: Record<Right, string> = {
  thing: 'The right thing',
  way: 'The right way',
  time: 'The right time',
};

/** The question each right asks, for column headers and section descriptions. */
export const RIGHT_QUESTIONS: Record<Right, string> = {
  thing: 'Doing the work the job and the strategy need?',
  way: 'Doing it in the way that works?',
  time: 'Early enough, and reported when due?',
};

/** "the right way", inside a sentence. */
export function rightInSentence(right: Right): string {
  return RIGHT_LABELS[right].toLowerCase();
}

/** Lists rights as a reader says them: "the right thing and the right way". */
export function joinRights(rights: readonly Right[]): string {
  const names = rights.map(rightInSentence);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const NEXT_STEP_LABELS: Record<string, string> = {
  start_coaching_plan: 'Start a coaching plan',
  shorten_reporting_interval: 'Shorten the reporting interval',
  coach_way: 'Coach the method',
  coach_thing: 'Coach what to work on',
  check_in: 'Check in at the next 1:1',
};

export function nextStepLabel(action: string): string {
  return NEXT_STEP_LABELS[action] ?? action;
}

/** "Off track 3 periods in a row", or "Off track this period" for a first slip; null when not off track. */
export function offTrackStreakText(periods: number): string | null {
  if (periods <= 0) return null;
  if (periods === 1) return 'Off track this period';
  return `Off track ${periods} periods in a row`;
}

/**
 * A matrix sentence without the expectation's name in front ("Weekly prospecting: 1 of 2 …" →
 * "1 of 2 …"), for a narrow cell; the name is still in the tooltip and the drawer.
 */
export function withoutExpectationName(sentence: string, expectationNames: readonly string[]): string {
  const name = [...expectationNames]
    .sort((a, b) => b.length - a.length)
    .find((candidate) => sentence.startsWith(`${candidate}: `));
  if (!name) return sentence;
  const rest = sentence.slice(name.length + 2);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
