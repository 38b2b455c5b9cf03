import { ASSESSMENT_STATUSES } from '@rightly/core';
import { describe, expect, it } from 'vitest';
import { revisionNote } from './revision-note';
import {
  joinRights,
  nextStepLabel,
  offTrackStreakText,
  RIGHT_LABELS,
  statusDisplay,
  withoutExpectationName,
} from './status';

describe('status display', () => {
  it('gives every status its own colour, words and glyph', () => {
    expect(statusDisplay('on_track')).toEqual({ label: 'On track', icon: '✓', color: 'green' });
    expect(statusDisplay('at_risk')).toEqual({ label: 'At risk', icon: '!', color: 'yellow' });
    expect(statusDisplay('off_track')).toEqual({ label: 'Off track', icon: '✕', color: 'red' });
    expect(statusDisplay('no_data')).toEqual({ label: 'No data', icon: '–', color: 'gray' });
    const all = ASSESSMENT_STATUSES.map(statusDisplay);
    expect(new Set(all.map((d) => d.color)).size).toBe(ASSESSMENT_STATUSES.length);
    expect(new Set(all.map((d) => d.label)).size).toBe(ASSESSMENT_STATUSES.length);
    expect(new Set(all.map((d) => d.icon)).size).toBe(ASSESSMENT_STATUSES.length);
  });

  it('names the rights in the domain’s words', () => {
    expect(RIGHT_LABELS).toEqual({ thing: 'The right thing', way: 'The right way', time: 'The right time' });
    expect(joinRights(['way'])).toBe('the right way');
    expect(joinRights(['thing', 'way'])).toBe('the right thing and the right way');
    expect(joinRights(['thing', 'way', 'time'])).toBe('the right thing, the right way and the right time');
  });

  it('says how long a rep has been off track, and names the next step', () => {
    expect(offTrackStreakText(0)).toBeNull();
    expect(offTrackStreakText(1)).toBe('Off track this period');
    expect(offTrackStreakText(3)).toBe('Off track 3 periods in a row');
    expect(nextStepLabel('start_coaching_plan')).toBe('Start a coaching plan');
    expect(nextStepLabel('something_new')).toBe('something_new');
  });
});

describe('matrix sentence', () => {
  it('drops the expectation name in front, the longest matching name first', () => {
    const names = ['Weekly prospecting', 'Weekly prospecting: first meetings booked'];
    expect(
      withoutExpectationName('Weekly prospecting: first meetings booked: 1 of 2 meetings booked, heading for 1', names),
    ).toBe('1 of 2 meetings booked, heading for 1');
    expect(withoutExpectationName('Weekly prospecting: phone share 9%', names)).toBe('Phone share 9%');
    expect(withoutExpectationName('Something else: as it is', names)).toBe('Something else: as it is');
  });
});

describe('revision note', () => {
  it('says nothing for an open period', () => {
    expect(revisionNote({ recorded: null, revisions: [] }, 'count', 'UTC')).toBeNull();
  });

  it('gives the day of the record and each revision with the new actual', () => {
    const note = revisionNote(
      {
        recorded: { revision: 1, takenAt: '2026-12-01T05:00:00Z' },
        revisions: [
          { revision: 3, takenAt: '2026-12-05T12:00:00Z', actual: 15 },
          { revision: 2, takenAt: '2026-12-03T12:00:00Z', actual: 14 },
        ],
      },
      'count',
      'America/New_York',
    );
    expect(note).toBe('Recorded 1 Dec; revised 3 Dec: actual now 14; revised 5 Dec: actual now 15');
  });

  it('uses the organization’s time zone and the metric’s unit', () => {
    const note = revisionNote(
      {
        recorded: { revision: 1, takenAt: '2026-12-01T03:00:00Z' },
        revisions: [{ revision: 2, takenAt: '2026-12-03T12:00:00Z', actual: 41.6 }],
      },
      'percent',
      'America/New_York',
    );
    // 03:00 UTC on Dec 1 is still Nov 30 in New York.
    expect(note).toBe('Recorded 30 Nov; revised 3 Dec: actual now 42%');
    expect(
      revisionNote({ recorded: { revision: 1, takenAt: '2026-12-01T05:00:00Z' }, revisions: [] }, 'count', 'UTC'),
    ).toBe('Recorded 1 Dec');
  });
});
