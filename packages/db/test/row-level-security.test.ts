import { randomUUID } from 'node:crypto';
import {
  accounts,
  appendAudit,
  deleteOrganization,
  findEmailsOfOtherOrgs,
  findUserByEmail,
  listOrganizations,
  openPostgres,
  queryRows,
  users,
  withOrgScope,
  type Database,
  type DatabaseHandle,
} from '@rightly/db';
import { createConfinedDatabase, testDatabaseUrl, type ConfinedDatabase, type TestDatabase } from '@rightly/db/testing';
import { eq, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { createTinyOrg, type TinyOrg } from '../../../test/support/fixtures';

describe('row-level security, in the catalog (embedded database and PostgreSQL alike)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('empty');
  });
  afterAll(() => t.close());

  it('forces row-level security with a policy on every table that has an org_id column', async () => {
    const tables = await queryRows<{ table: string; enabled: boolean; forced: boolean; policies: number }>(
      t.db,
      sql`select c.relname as "table", c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
                 (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p')
             and (exists (select 1 from pg_attribute a
                           where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
                  or c.relname = 'organizations')
           order by 1`,
    );
    expect(tables.length).toBeGreaterThanOrEqual(30);
    const unprotected = tables
      .filter((r) => !r.enabled || !r.forced || r.policies === 0)
      .map(
        (r) =>
          `${r.table} (${[!r.enabled && 'RLS not enabled', !r.forced && 'not FORCE', r.policies === 0 && 'no policy'].filter(Boolean).join(', ')})`,
      );
    // A new tenant table needs `SELECT rightly_protect_tenant_table('its_name');` in a migration.
    expect(unprotected, `tenant tables without row-level security: ${unprotected.join('; ')}`).toEqual([]);
  });

  it('checks org_id against the scope in every tenant policy (not a policy that lets all through)', async () => {
    const loose = await queryRows<{ table: string; policy: string }>(
      t.db,
      sql`select c.relname as "table", p.polname as policy
            from pg_policy p join pg_class c on c.oid = p.polrelid
            join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and p.polname = 'tenant_isolation'
             and not (pg_get_expr(p.polqual, p.polrelid) like '%rightly_current_org()%'
                      and pg_get_expr(p.polwithcheck, p.polrelid) like '%rightly_current_org()%')`,
    );
    expect(loose).toEqual([]);
    const others = await queryRows<{ table: string; policy: string; command: string }>(
      t.db,
      sql`select c.relname as "table", p.polname as policy, p.polcmd::text as command
            from pg_policy p join pg_class c on c.oid = p.polrelid
            join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and p.polname <> 'tenant_isolation' order by 1`,
    );
    // The only other policies are the read-only passes of the named cross-org lookups.
    expect(others).toEqual([
      { table: 'organizations', policy: 'cross_org_lookup', command: 'r' },
      { table: 'sso_settings', policy: 'cross_org_lookup', command: 'r' },
      { table: 'users', policy: 'cross_org_lookup', command: 'r' },
    ]);
  });
});

const serverUrl = testDatabaseUrl();

/** Drizzle wraps the database's error; PostgreSQL's own words are in its cause. */
function refusedByRls(error: unknown): boolean {
  const cause = (error as { cause?: { message?: string } }).cause;
  return /violates row-level security policy/.test(cause?.message ?? '');
}

describe.runIf(serverUrl)('row-level security on PostgreSQL, as a role it binds', () => {
  let confined: ConfinedDatabase;
  let handle: DatabaseHandle;
  let db: Database;
  let a: TinyOrg;
  let b: TinyOrg;

  beforeAll(async () => {
    confined = await createConfinedDatabase({ serverUrl: serverUrl ?? '', name: 'db' });
    handle = openPostgres(confined.url, 3);
    db = handle.db;
    await handle.migrate();
    const orgA = randomUUID();
    const orgB = randomUUID();
    a = await withOrgScope({ orgId: orgA }, () => createTinyOrg(db, { name: 'Org A', orgId: orgA }));
    b = await withOrgScope({ orgId: orgB }, () => createTinyOrg(db, { name: 'Org B', orgId: orgB }));
  });
  afterAll(async () => {
    await handle?.close();
    await confined?.drop();
  });

  const emails = (rows: { email: string }[]) => rows.map((r) => r.email).sort();

  it('shows a query without any org filter only the scoped org’s rows', async () => {
    const seenByA = await withOrgScope({ orgId: a.orgId }, () => db.select().from(users));
    expect(new Set(seenByA.map((u) => u.orgId))).toEqual(new Set([a.orgId]));
    expect(seenByA).toHaveLength(2);
    const seenByB = await withOrgScope({ orgId: b.orgId }, () => db.select().from(users));
    expect(new Set(seenByB.map((u) => u.orgId))).toEqual(new Set([b.orgId]));
    // Even asking for the other org's rows by id finds nothing.
    const peek = await withOrgScope({ orgId: a.orgId }, () =>
      db.select().from(accounts).where(eq(accounts.orgId, b.orgId)),
    );
    expect(peek).toEqual([]);
  });

  it('shows nothing and accepts nothing outside any org scope', async () => {
    expect(await db.select().from(users)).toEqual([]);
    expect(await db.$count(accounts)).toBe(0);
    await expect(
      db.insert(accounts).values({ orgId: a.orgId, id: randomUUID(), name: 'X', source: 't', externalId: 'x' }),
    ).rejects.toSatisfy(refusedByRls);
  });

  it('refuses to write a row into another org, and to move a row there', async () => {
    await expect(
      withOrgScope({ orgId: a.orgId }, () =>
        db.insert(accounts).values({ orgId: b.orgId, id: randomUUID(), name: 'Planted', source: 't', externalId: 'p' }),
      ),
    ).rejects.toSatisfy(refusedByRls);
    await expect(
      withOrgScope({ orgId: a.orgId }, () =>
        db.update(accounts).set({ orgId: b.orgId }).where(eq(accounts.id, a.accountId)),
      ),
    ).rejects.toSatisfy(refusedByRls);
    // An update or delete aimed at the other org's rows touches none of them.
    await withOrgScope({ orgId: a.orgId }, () => db.delete(accounts).where(eq(accounts.orgId, b.orgId)));
    expect(await withOrgScope({ orgId: b.orgId }, () => db.$count(accounts))).toBe(1);
  });

  it('keeps the scope inside transactions and never lets a pooled connection carry it to the next caller', async () => {
    const inTx = await withOrgScope({ orgId: b.orgId }, () =>
      db.transaction(async (tx) => tx.select({ orgId: users.orgId }).from(users)),
    );
    expect(new Set(inTx.map((r) => r.orgId))).toEqual(new Set([b.orgId]));
    // The pool has 3 connections: after every one of them served org A, unscoped work sees nothing.
    await Promise.all([1, 2, 3].map(() => withOrgScope({ orgId: a.orgId }, () => db.select().from(users))));
    const after = await Promise.all([1, 2, 3].map(() => db.select().from(users)));
    expect(after.flat()).toEqual([]);
    const meanwhile = await Promise.all([
      withOrgScope({ orgId: a.orgId }, () => db.select({ orgId: users.orgId }).from(users)),
      withOrgScope({ orgId: b.orgId }, () => db.select({ orgId: users.orgId }).from(users)),
    ]);
    expect(meanwhile.map((rows) => [...new Set(rows.map((r) => r.orgId))])).toEqual([[a.orgId], [b.orgId]]);
  });

  it('answers the named cross-org lookups, and only those, from any scope', async () => {
    const orgs = await listOrganizations(db);
    expect(orgs.map((o) => o.id).sort()).toEqual([a.orgId, b.orgId].sort());
    const bUsers = await withOrgScope({ orgId: b.orgId }, () => db.select().from(users));
    const bEmail = bUsers[0]?.email ?? '';
    const found = await withOrgScope({ orgId: a.orgId }, () => findUserByEmail(db, { email: bEmail.toUpperCase() }));
    expect(found).toMatchObject({ orgId: b.orgId, email: bEmail });
    expect(found?.createdAt).toBeInstanceOf(Date);
    expect(await findEmailsOfOtherOrgs(db, { orgId: a.orgId, emails: [bEmail, 'nobody@example.test'] })).toEqual(
      new Set([bEmail]),
    );
    // The pass ends with the function: the same scope reads no other org's users directly.
    expect(emails(await withOrgScope({ orgId: a.orgId }, () => db.select().from(users)))).not.toContain(bEmail);
  });

  it('removes a whole org, its append-only audit log included, from another org’s scope', async () => {
    const orgC = randomUUID();
    await withOrgScope({ orgId: orgC }, async () => {
      const c = await createTinyOrg(db, { name: 'Org C', orgId: orgC });
      await appendAudit(db, {
        orgId: orgC,
        actorId: c.leaderId,
        action: 'plan_started',
        subjectId: c.repId,
        details: {},
        at: new Date(),
      });
    });
    await withOrgScope({ orgId: a.orgId }, () => deleteOrganization(db, { orgId: orgC }));
    const admin = new pg.Client({ connectionString: confined.adminUrl });
    await admin.connect();
    try {
      const left = await admin.query(
        `select (select count(*)::int from users where org_id = $1) as users,
                (select count(*)::int from audit_log where org_id = $1) as audit,
                (select count(*)::int from organizations where id = $1) as orgs`,
        [orgC],
      );
      expect(left.rows[0]).toEqual({ users: 0, audit: 0, orgs: 0 });
    } finally {
      await admin.end();
    }
    expect((await listOrganizations(db)).map((o) => o.id).sort()).toEqual([a.orgId, b.orgId].sort());
  });
});
