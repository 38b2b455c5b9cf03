import { randomUUID } from 'node:crypto';
import { activities, queryRows, shippedMigrationCount, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { createTinyOrg } from '../../../test/support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('empty');
});
afterAll(() => t.close());

describe('the schema', () => {
  it('is fully migrated, and migrating again applies nothing', async () => {
    expect(await t.handle.migrate()).toEqual({ applied: 0 });
    const [row] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(row?.n).toBe(shippedMigrationCount());
  });

  it('leads every tenant table’s primary key with org_id', async () => {
    const rows = await queryRows<{ table_name: string; first_column: string }>(
      t.db,
      sql`select tc.table_name, kcu.column_name as first_column
            from information_schema.table_constraints tc
            join information_schema.key_column_usage kcu
              on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
           where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public' and kcu.ordinal_position = 1`,
    );
    // Failed sign-ins are counted before any org is known (an unknown e-mail, an address): that
    // counter belongs to no org, and holds only keyed hashes.
    const tables = rows.filter((r) => r.table_name !== 'organizations' && r.table_name !== 'rate_limit_attempts');
    expect(tables.length).toBeGreaterThanOrEqual(11);
    expect(tables.filter((r) => r.first_column !== 'org_id')).toEqual([]);
  });

  it('lets no row point at another organization’s records', async () => {
    const a = await createTinyOrg(t.db, { name: 'Org A' });
    const b = await createTinyOrg(t.db, { name: 'Org B' });
    const id = randomUUID();
    // An activity of org B naming org A's rep: the composite foreign key refuses it.
    await expect(
      t.db.insert(activities).values({
        orgId: b.orgId,
        id,
        repId: a.repId,
        type: 'call',
        occurredAt: new Date(),
        source: 'test',
        externalId: id,
      }),
    ).rejects.toThrow();
  });

  it('stores e-mails lower-cased and once across all organizations', async () => {
    const org = await createTinyOrg(t.db);
    const other = await createTinyOrg(t.db);
    await expect(
      t.db
        .insert(users)
        .values({ orgId: org.orgId, id: randomUUID(), email: 'Mixed@Case.test', name: 'X', role: 'rep' }),
    ).rejects.toThrow();
    await t.db
      .insert(users)
      .values({ orgId: org.orgId, id: randomUUID(), email: 'same@x.test', name: 'X', role: 'rep' });
    await expect(
      t.db.insert(users).values({ orgId: other.orgId, id: randomUUID(), email: 'same@x.test', name: 'Y', role: 'rep' }),
    ).rejects.toThrow();
  });
});
