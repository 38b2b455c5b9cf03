// Generates a large organization for `npm run bench:assess` directly in SQL (generate_series):
// writing 10 million activities through JavaScript would take far longer than the thing measured.
import { randomUUID } from 'node:crypto';
import {
  insertExpectation,
  insertInChunks,
  offerings,
  organizations,
  teamMemberships,
  teams,
  users,
  type Database,
} from '@rightly/db';
import { EXPECTATION_TEMPLATES } from '@rightly/core';
import { sql } from 'drizzle-orm';

export interface BenchOrg {
  orgId: string;
  adminId: string;
  repIds: string[];
  timeZone: string;
}

export async function createBenchOrg(
  db: Database,
  params: { reps: number; activities: number; start: string; days: number },
): Promise<BenchOrg> {
  const orgId = randomUUID();
  const timeZone = 'America/New_York';
  await db.insert(organizations).values({ id: orgId, name: 'Bench Co', slug: `bench-${orgId.slice(0, 8)}`, timeZone });
  const adminId = randomUUID();
  const leaders = Array.from({ length: Math.ceil(params.reps / 100) }, () => randomUUID());
  const repIds = Array.from({ length: params.reps }, () => randomUUID());
  await insertInChunks(db, users, [
    { orgId, id: adminId, email: `admin@${orgId}.bench`, name: 'Admin', role: 'admin' as const },
    ...leaders.map((id, i) => ({
      orgId,
      id,
      email: `leader${i}@${orgId}.bench`,
      name: `Leader ${i}`,
      role: 'leader' as const,
    })),
    ...repIds.map((id, i) => ({
      orgId,
      id,
      email: `rep${i}@${orgId}.bench`,
      name: `Rep ${String(i).padStart(4, '0')}`,
      role: 'rep' as const,
    })),
  ]);
  const teamIds = leaders.map(() => randomUUID());
  await insertInChunks(
    db,
    teams,
    teamIds.map((id, i) => ({ orgId, id, name: `Team ${i}`, leaderId: leaders[i] as string })),
  );
  await insertInChunks(
    db,
    teamMemberships,
    repIds.map((userId, i) => ({
      orgId,
      id: randomUUID(),
      teamId: teamIds[Math.floor(i / 100)] as string,
      userId,
      validFrom: new Date('2020-01-01'),
    })),
  );
  const offeringIds = [0, 1, 2, 3, 4].map(() => randomUUID());
  await insertInChunks(
    db,
    offerings,
    offeringIds.map((id, i) => ({ orgId, id, name: `Offering ${i}`, strategicWeight: i >= 3 ? 1 : 0 })),
  );

  const accountsPerRep = 120;
  const reps = sql.param(repIds);
  // Accounts, opportunities and stage history: deterministic pseudo-randomness from hashint8.
  await db.execute(sql`
    insert into accounts (org_id, id, name, source, external_id)
    select ${orgId}::uuid, gen_random_uuid(), 'Account ' || g, 'bench', g::text
      from generate_series(1, ${params.reps * accountsPerRep}) g`);
  await db.execute(sql`
    create temporary table bench_accounts on commit drop as
    select id, row_number() over (order by external_id::int) - 1 as n from accounts where org_id = ${orgId}`);
  await db.execute(sql`
    insert into opportunities (org_id, id, rep_id, account_id, offering_id, name, amount, currency, stage, status,
                               created_at, close_date, closed_at, source, external_id)
    select ${orgId}::uuid, gen_random_uuid(), (${reps}::uuid[])[r + 1], a.id,
           (${sql.param(offeringIds)}::uuid[])[(abs(hashint8(g * 7)) % 5) + 1],
           'Deal ' || g, 5000 + abs(hashint8(g * 11)) % 80000, 'USD',
           case when c.closed_at is null then 'Proposal' when c.won then 'Closed Won' else 'Closed Lost' end,
           case when c.closed_at is null then 'open'::opportunity_status when c.won then 'won' else 'lost' end,
           c.created_at, (coalesce(c.closed_at, c.created_at + interval '70 days'))::date, c.closed_at, 'bench', g::text
      from generate_series(0, ${params.reps * 50 - 1}) g
      cross join lateral (select g % ${params.reps} as r) rr
      join bench_accounts a on a.n = rr.r * ${accountsPerRep} + (abs(hashint8(g * 3)) % ${accountsPerRep})
      cross join lateral (
        select ${params.start}::timestamptz + (abs(hashint8(g * 5)) % (${params.days} * 86400)) * interval '1 second' as created_at,
               abs(hashint8(g * 13)) % 10 < 3 as won
      ) cw
      cross join lateral (
        select cw.created_at, cw.won,
               case when cw.created_at + interval '75 days' < ${params.start}::timestamptz + ${params.days} * interval '1 day'
                    then cw.created_at + (30 + abs(hashint8(g * 17)) % 90) * interval '1 day' end as closed_at
      ) c`);
  await db.execute(sql`
    insert into opportunity_stage_changes (org_id, id, opportunity_id, stage, status, changed_at)
    select o.org_id, gen_random_uuid(), o.id, s.stage, 'open', o.created_at + s.after
      from opportunities o
      cross join (values ('Discovery', interval '0 days'), ('Proposal', interval '20 days')) as s(stage, after)
     where o.org_id = ${orgId}`);
  await db.execute(sql`
    insert into opportunity_stage_changes (org_id, id, opportunity_id, stage, status, changed_at)
    select o.org_id, gen_random_uuid(), o.id, o.stage, o.status, o.closed_at
      from opportunities o where o.org_id = ${orgId} and o.closed_at is not null`);

  // Activities: calls, e-mails, meetings and tasks spread over the days, each rep on their own
  // accounts. `prospecting` is derived in one set-based statement afterwards (see bench/assess.ts).
  await db.execute(sql`
    insert into activities (org_id, id, rep_id, account_id, type, channel, outcome, occurred_at, source, external_id)
    select ${orgId}::uuid, gen_random_uuid(), (${reps}::uuid[])[r + 1], a.id,
           t.type::activity_type,
           case t.type when 'call' then 'phone' when 'email' then 'email' when 'meeting' then 'video' end::activity_channel,
           case t.type
             when 'call' then (array['connected','no_answer','voicemail','meeting_booked'])[(abs(hashint8(g * 19)) % 4) + 1]
             when 'email' then (array['sent','sent','replied','meeting_booked'])[(abs(hashint8(g * 23)) % 4) + 1]
             when 'meeting' then (array['held','held','held','no_show'])[(abs(hashint8(g * 29)) % 4) + 1]
           end::activity_outcome,
           ${params.start}::timestamptz + (abs(hashint8(g * 31)) % (${params.days} * 86400)) * interval '1 second',
           'bench', g::text
      from generate_series(0, ${params.activities - 1}) g
      cross join lateral (select g % ${params.reps} as r, abs(hashint8(g * 37)) % 100 as k) rr
      join bench_accounts a on a.n = rr.r * ${accountsPerRep} + (abs(hashint8(g * 41)) % ${accountsPerRep})
      cross join lateral (select case when rr.k < 55 then 'call' when rr.k < 85 then 'email' when rr.k < 95 then 'meeting' else 'task' end as type) t`);

  const leader = leaders[0] as string;
  for (const key of ['weekly_prospecting', 'strategic_mix']) {
    const template = EXPECTATION_TEMPLATES.find((t) => t.key === key);
    if (!template) continue;
    await insertExpectation(db, {
      orgId,
      id: randomUUID(),
      input: {
        ...template.defaults,
        target: template.defaults.target ?? 10,
        scope: { kind: 'role', role: 'rep' },
        startsOn: '2020-01-01',
      },
      template: key,
      createdBy: leader,
      now: new Date(),
    });
  }
  return { orgId, adminId, repIds, timeZone };
}
