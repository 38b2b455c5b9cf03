import { addDays, localDate, type IsoDate, type SeededRandom } from '@rightly/core';
import type { accounts, activities, opportunities, opportunityStageChanges } from '@rightly/db';
import { DEMO_STAGES, type DemoOffering } from './demo-cast';
import type { RepBehaviour } from './demo-behaviour';

export type NewAccount = typeof accounts.$inferInsert;
export type NewActivity = typeof activities.$inferInsert;
export type NewOpportunity = typeof opportunities.$inferInsert;
export type NewStageChange = typeof opportunityStageChanges.$inferInsert;

export interface SimulateRepInput {
  rng: SeededRandom;
  orgId: string;
  repId: string;
  behaviour: RepBehaviour;
  segment: 'enterprise' | 'mid_market';
  /** Working days of the simulated history, oldest first; the last one is the as-of date or before. */
  workdays: readonly IsoDate[];
  asOf: Date;
  timeZone: string;
  /** Epoch ms of a day's start in the org's zone; shared and cached, since zone maths is slow. */
  midnight: (day: IsoDate) => number;
  currency: string;
  offerings: readonly (DemoOffering & { id: string })[];
  nameAccount: () => string;
}

export interface RepHistory {
  accounts: NewAccount[];
  activities: NewActivity[];
  opportunities: NewOpportunity[];
  stageChanges: NewStageChange[];
}

interface PendingMeeting {
  accountId: string;
  number: 1 | 2;
}

interface OpenDeal {
  id: string;
  accountId: string;
  createdAt: Date;
  closesAt: Date;
}

const SOURCE = 'demo';
const PROSPECT_POOL = 260;

/**
 * Plays one rep's working days forward: prospecting touches book first meetings, held first
 * meetings lead to second ones, second meetings open opportunities that move through the stages
 * and close. Nothing after the as-of instant is written except open opportunities' expected dates.
 */
export function simulateRep(input: SimulateRepInput): RepHistory {
  const { rng, behaviour } = input;
  const history: RepHistory = { accounts: [], activities: [], opportunities: [], stageChanges: [] };
  const pool = Array.from({ length: PROSPECT_POOL }, () => ({ id: rng.uuid(), name: input.nameAccount() }));
  const names = new Map(pool.map((a) => [a.id, a.name]));
  const touched = new Set<string>();
  const calendar = new Map<number, PendingMeeting[]>();
  const deals: OpenDeal[] = [];

  const { midnight } = input;
  const at = (day: IsoDate, fromHour: number, toHour: number): Date =>
    new Date(midnight(day) + rng.int(fromHour * 60, toHour * 60 - 1) * 60_000);

  const addActivity = (row: Omit<NewActivity, 'orgId' | 'id' | 'repId' | 'source' | 'externalId'>): void => {
    if (row.occurredAt > input.asOf) return;
    const id = rng.uuidAt(row.occurredAt.getTime());
    history.activities.push({ orgId: input.orgId, id, repId: input.repId, source: SOURCE, externalId: id, ...row });
  };

  const touchAccount = (account: { id: string; name: string }): void => {
    if (touched.has(account.id)) return;
    touched.add(account.id);
    history.accounts.push({
      orgId: input.orgId,
      id: account.id,
      name: account.name,
      source: SOURCE,
      externalId: account.id,
    });
  };

  const book = (dayIndex: number, accountId: string, number: 1 | 2, minDays: number, maxDays: number): void => {
    const target = dayIndex + rng.int(minDays, maxDays);
    const list = calendar.get(target) ?? [];
    list.push({ accountId, number });
    calendar.set(target, list);
  };

  input.workdays.forEach((day, dayIndex) => {
    const expected = behaviour.prospectingPerDay(day);
    const touches = expected <= 0 ? 0 : Math.max(0, Math.round(rng.normal(expected, expected * 0.3)));
    for (let i = 0; i < touches; i++) {
      const slot = rng.int(0, pool.length - 1);
      const account = pool[slot] as { id: string; name: string };
      touchAccount(account);
      const booked = prospect(day, account.id, rng.chance(behaviour.phoneShare(day)));
      if (booked) {
        // The account leaves the cold list for the meeting track; a new prospect takes its place.
        const fresh = { id: rng.uuid(), name: input.nameAccount() };
        names.set(fresh.id, fresh.name);
        pool[slot] = fresh;
        book(dayIndex, account.id, 1, 2, 8);
      }
    }
    for (const meeting of calendar.get(dayIndex) ?? []) holdMeeting(day, dayIndex, meeting);
    calendar.delete(dayIndex);
    followUpDeals(day);
  });
  return history;

  function prospect(day: IsoDate, accountId: string, byPhone: boolean): boolean {
    const occurredAt = at(day, 8, 18);
    if (byPhone) {
      const connected = rng.chance(0.28);
      const booked = connected && rng.chance(0.3);
      addActivity({
        accountId,
        type: 'call',
        channel: 'phone',
        outcome: booked ? 'meeting_booked' : connected ? 'connected' : rng.chance(0.6) ? 'no_answer' : 'voicemail',
        occurredAt,
        subject: booked ? 'Cold call: meeting booked' : 'Cold call',
        durationSeconds: connected ? rng.int(90, 600) : rng.int(0, 40),
      });
      return booked;
    }
    const replied = rng.chance(0.08);
    const booked = replied && rng.chance(0.35);
    addActivity({
      accountId,
      type: 'email',
      channel: 'email',
      outcome: booked ? 'meeting_booked' : replied ? 'replied' : rng.chance(0.03) ? 'bounced' : 'sent',
      occurredAt,
      subject: booked ? 'Re: Introduction: meeting booked' : 'Introduction',
    });
    return booked;
  }

  function holdMeeting(day: IsoDate, dayIndex: number, meeting: PendingMeeting): void {
    const roll = rng.next();
    const outcome = roll < 0.86 ? 'held' : roll < 0.94 ? 'no_show' : 'rescheduled';
    addActivity({
      accountId: meeting.accountId,
      type: 'meeting',
      channel: rng.chance(0.65) ? 'video' : 'in_person',
      outcome,
      occurredAt: at(day, 9, 17),
      subject: meeting.number === 1 ? 'First meeting' : 'Second meeting',
      durationSeconds: outcome === 'held' ? rng.int(25, 60) * 60 : null,
    });
    if (outcome === 'rescheduled') return book(dayIndex, meeting.accountId, meeting.number, 3, 6);
    if (outcome !== 'held') return;
    if (meeting.number === 1 && rng.chance(behaviour.firstToSecond(day))) {
      book(dayIndex, meeting.accountId, 2, 5, 12);
    } else if (meeting.number === 2 && rng.chance(0.7)) {
      openDeal(day, meeting.accountId);
    }
  }

  function openDeal(day: IsoDate, accountId: string): void {
    const id = rng.uuid();
    const createdAt = at(day, 17, 18);
    const meanCycle = input.segment === 'enterprise' ? 95 : 60;
    const cycleDays = Math.max(21, Math.round(rng.normal(meanCycle, meanCycle * 0.25)));
    const won = rng.chance(behaviour.winRate);
    // A lost deal drops out somewhere along the way; a won one runs the full cycle.
    const endFraction = won ? 1 : 0.3 + 0.7 * rng.next();
    const closesAt = new Date(createdAt.getTime() + cycleDays * endFraction * 86_400_000);
    const offering = pickWeighted(input.offerings, behaviour.offeringWeights);
    const scale = input.segment === 'enterprise' ? 1.8 : 1;
    const amount = Math.round((offering.typicalAmount * scale * Math.max(0.4, rng.normal(1, 0.3))) / 100) * 100;

    let stage: string = DEMO_STAGES[0];
    DEMO_STAGES.forEach((name, i) => {
      const changedAt = new Date(createdAt.getTime() + cycleDays * i * 0.25 * 86_400_000);
      if (i * 0.25 > endFraction || changedAt > input.asOf) return;
      stage = name;
      history.stageChanges.push({
        orgId: input.orgId,
        id: rng.uuid(),
        opportunityId: id,
        stage: name,
        status: 'open',
        changedAt,
      });
    });
    const closed = closesAt <= input.asOf;
    if (closed) {
      stage = won ? 'Closed Won' : 'Closed Lost';
      history.stageChanges.push({
        orgId: input.orgId,
        id: rng.uuid(),
        opportunityId: id,
        stage,
        status: won ? 'won' : 'lost',
        changedAt: closesAt,
      });
    }
    const plannedClose = new Date(createdAt.getTime() + cycleDays * 86_400_000);
    history.opportunities.push({
      orgId: input.orgId,
      id,
      repId: input.repId,
      accountId,
      offeringId: offering.id,
      name: `${names.get(accountId) ?? 'Account'}: ${offering.name}`,
      amount: amount.toFixed(2),
      currency: input.currency,
      stage,
      status: closed ? (won ? 'won' : 'lost') : 'open',
      createdAt,
      closeDate: localDate(closed ? closesAt : plannedClose, input.timeZone),
      closedAt: closed ? closesAt : null,
      source: SOURCE,
      externalId: id,
      updatedAt: closed ? closesAt : input.asOf,
    });
    deals.push({ id, accountId, createdAt, closesAt });
  }

  function followUpDeals(day: IsoDate): void {
    const dayStart = new Date(midnight(day));
    const dayEnd = new Date(midnight(addDays(day, 1)));
    for (const deal of deals) {
      if (deal.createdAt >= dayStart || deal.closesAt < dayEnd || !rng.chance(0.12)) continue;
      const kind = rng.next();
      addActivity({
        accountId: deal.accountId,
        opportunityId: deal.id,
        type: kind < 0.2 ? 'meeting' : kind < 0.55 ? 'call' : 'email',
        channel: kind < 0.2 ? 'video' : kind < 0.55 ? 'phone' : 'email',
        outcome: kind < 0.2 ? 'held' : kind < 0.55 ? 'connected' : 'sent',
        occurredAt: at(day, 8, 18),
        subject: kind < 0.2 ? 'Deal review' : 'Follow-up',
        durationSeconds: kind < 0.55 ? rng.int(5, 45) * 60 : null,
      });
    }
  }

  function pickWeighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, b) => a + b, 0);
    let roll = rng.next() * total;
    for (let i = 0; i < items.length; i++) {
      roll -= weights[i] ?? 0;
      if (roll < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }
}
