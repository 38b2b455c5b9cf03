import { describe, expect, it } from 'vitest';
import {
  addDays,
  buildHistoryModel,
  forecastRep,
  gapAdvice,
  laterConversionChance,
  type ForecastData,
  type ForecastOpportunity,
} from '../src/index';

/**
 * A constructed history with known answers: every 7 days a deal opens; it reaches Proposal
 * after 20 days; deals ending in 0 or 5 are won 60 days after opening, the others lost at day 40.
 */
function history(): ForecastData {
  const opportunities: ForecastOpportunity[] = [];
  for (let i = 0; i < 40; i++) {
    const created = addDays('2025-01-01', i * 7);
    const won = i % 5 === 0;
    opportunities.push({
      id: `o${i}`,
      repId: 'r',
      amount: 10_000,
      createdDay: created,
      closedDay: won ? addDays(created, 60) : addDays(created, 40),
      status: won ? 'won' : 'lost',
      stageChanges: [
        { day: created, stage: 'Discovery' },
        { day: addDays(created, 20), stage: 'Proposal' },
      ],
    });
  }
  const firstMeetings = Array.from({ length: 60 }, (_, i) => ({
    repId: 'r',
    day: addDays('2025-01-01', i * 5),
    convertedDay: i % 2 === 0 ? addDays('2025-01-01', i * 5 + 14) : null,
  }));
  return { opportunities, firstMeetings };
}

describe('the forecast', () => {
  it('learns win rates, cycle and conversion from history known on the as-of date', () => {
    const model = buildHistoryModel(history(), '2026-01-31');
    expect(model.overallWinRate).toBeCloseTo(8 / 40);
    expect(model.winRateByStage.get('Proposal')).toBeCloseTo(0.2);
    expect(model.medianCycleDays).toBe(60);
    expect(model.firstMeetingToOpportunity).toBeCloseTo(0.5);
    expect(model.medianLagDays).toBe(14);
  });

  it('never looks past the as-of date', () => {
    const early = buildHistoryModel(history(), '2025-03-31');
    // By the end of March only the deals opened in January had closed.
    expect(early.overallWinRate).toBeGreaterThan(0);
    expect(early.cycleDays.every((d) => d === 60)).toBe(true);
    expect(early.averageWonAmount).toBe(10_000);
  });

  it('expects open pipeline at its stage’s win rate, in the month its stage usually closes', () => {
    const data = history();
    const open: ForecastOpportunity = {
      id: 'open',
      repId: 'r',
      amount: 50_000,
      createdDay: '2026-01-05',
      closedDay: null,
      status: 'open',
      stageChanges: [
        { day: '2026-01-05', stage: 'Discovery' },
        { day: '2026-01-25', stage: 'Proposal' },
      ],
    };
    const result = forecastRep({
      data: { ...data, firstMeetings: [], opportunities: [...data.opportunities, open] },
      model: buildHistoryModel(data, '2026-01-31'),
      repId: 'r',
      months: 3,
    });
    // From Proposal a won deal closes 40 days later: 25 Jan + 40 = early March.
    const march = result.months.find((m) => m.month === '2026-03');
    expect(march?.fromPipeline).toBeCloseTo(50_000 * 0.2);
    expect(result.months.map((m) => m.month)).toEqual(['2026-02', '2026-03', '2026-04']);
  });

  it('discounts first meetings that have waited long without an opportunity', () => {
    expect(laterConversionChance(0.5, [10, 14, 20], 0)).toBeCloseTo(0.5);
    expect(laterConversionChance(0.5, [10, 14, 20], 15)).toBeLessThan(0.3);
    expect(laterConversionChance(0.5, [10, 14, 20], 30)).toBe(0);
  });

  it('turns the first hole into first meetings to book by a date', () => {
    const model = buildHistoryModel(history(), '2026-01-31');
    const months = ['2026-02', '2026-03', '2026-04', '2026-05'].map((month) => ({
      month,
      fromPipeline: 0,
      fromRecentMeetings: 0,
      fromFuturePace: 0,
      total: month === '2026-05' ? 10_000 : 100_000,
      reference: 100_000,
    }));
    const rates = {
      firstMeetingToOpportunity: 0.5,
      winRate: 0.2,
      averageWonAmount: 10_000,
      firstMeetingsPerWeek: 1,
      normalMonth: 0,
      cycleDays: [60],
      medianCycleDays: 60,
    };
    const advice = gapAdvice({ months, rates, model, currency: 'USD' });
    expect(advice).toMatchObject({ month: '2026-05', gap: 90_000, firstMeetingsNeeded: 90, bookBy: '2026-02-16' });
    expect(advice?.sentence).toBe(
      'To close $100,000 in May 2026 at your conversion, book 90 more first meetings by 16 February 2026.',
    );
    const tooLate = gapAdvice({
      months: months.map((m) => ({ ...m, total: m.month === '2026-02' ? 0 : m.total })),
      rates,
      model,
      currency: 'USD',
    });
    expect(tooLate?.firstMeetingsNeeded).toBeNull();
    expect(tooLate?.sentence).toContain('only pipeline already open can still fill it');
  });
});
