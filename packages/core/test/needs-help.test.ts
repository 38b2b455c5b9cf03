import { describe, expect, it } from 'vitest';
import { rankNeedsHelp, type RepRights } from '../src/index';

const cell = (status: RepRights['thing']['status'], sentence = `${status} evidence`) => ({
  status,
  sentences: [sentence],
});
const rights = (thing: string, way: string, time: string): RepRights =>
  ({ thing: cell(thing as never), way: cell(way as never), time: cell(time as never) }) as RepRights;
const past = (thing: string, way = 'on_track', time = 'on_track') => ({ thing, way, time }) as never;

describe('who needs help', () => {
  it('ranks more rights off track first, then longer streaks, and leaves healthy reps out', () => {
    const ranked = rankNeedsHelp([
      {
        repId: 'a',
        name: 'A',
        current: rights('off_track', 'on_track', 'on_track'),
        previous: [past('off_track'), past('off_track')],
      },
      { repId: 'b', name: 'B', current: rights('off_track', 'off_track', 'on_track'), previous: [] },
      { repId: 'c', name: 'C', current: rights('on_track', 'on_track', 'on_track'), previous: [past('off_track')] },
      { repId: 'd', name: 'D', current: rights('on_track', 'at_risk', 'on_track'), previous: [] },
      { repId: 'e', name: 'E', current: rights('off_track', 'on_track', 'on_track'), previous: [past('on_track')] },
    ]);
    expect(ranked.map((r) => r.repId)).toEqual(['b', 'a', 'e', 'd']);
    expect(ranked.find((r) => r.repId === 'a')?.periodsOffTrack).toBe(3);
  });

  it('suggests coaching first: a plan for a pattern, targeted coaching for one bad period', () => {
    const [plan] = rankNeedsHelp([
      {
        repId: 'a',
        name: 'A',
        current: rights('off_track', 'on_track', 'on_track'),
        previous: [past('off_track'), past('off_track')],
      },
    ]);
    expect(plan?.nextStep.action).toBe('start_coaching_plan');
    expect(plan?.nextStep.text).toContain('off track 3 periods in a row');

    const [way] = rankNeedsHelp([
      { repId: 'w', name: 'W', current: rights('on_track', 'off_track', 'on_track'), previous: [] },
    ]);
    expect(way?.nextStep).toEqual({ action: 'coach_way', text: 'Coach on the method: off_track evidence.' });

    const [time] = rankNeedsHelp([
      {
        repId: 't',
        name: 'T',
        current: rights('on_track', 'on_track', 'off_track'),
        previous: [past('on_track', 'on_track', 'off_track')],
      },
    ]);
    expect(time?.nextStep.action).toBe('shorten_reporting_interval');

    const [risk] = rankNeedsHelp([
      { repId: 'r', name: 'R', current: rights('at_risk', 'on_track', 'on_track'), previous: [] },
    ]);
    expect(risk?.nextStep.action).toBe('check_in');
  });
});
