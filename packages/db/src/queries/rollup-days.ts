import { and, between, eq, inArray } from 'drizzle-orm';
import type { IsoDate } from '@rightly/core';
import type { Database } from '../database';
import { repDayRollups } from '../schema/index';

export interface RepDayRow {
  repId: string;
  day: IsoDate;
  activities: number;
  meetingsHeld: number;
}

/** Daily counts for the given reps (or all reps of the org) between two local dates, inclusive. */
export async function loadRepDays(
  db: Database,
  params: { orgId: string; repIds: readonly string[] | 'all'; from: IsoDate; to: IsoDate },
): Promise<RepDayRow[]> {
  if (params.repIds !== 'all' && params.repIds.length === 0) return [];
  return db
    .select({
      repId: repDayRollups.repId,
      day: repDayRollups.day,
      activities: repDayRollups.activities,
      meetingsHeld: repDayRollups.meetingsHeld,
    })
    .from(repDayRollups)
    .where(
      and(
        eq(repDayRollups.orgId, params.orgId),
        between(repDayRollups.day, params.from, params.to),
        params.repIds === 'all' ? undefined : inArray(repDayRollups.repId, [...params.repIds]),
      ),
    );
}
