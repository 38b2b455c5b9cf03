import { queryRows } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { seedDemoIfEmpty } from '@rightly/services';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('empty');
});
afterAll(() => t.close());

describe('two instances starting on one empty database', () => {
  it('seed the demo exactly once', async () => {
    const deps = { db: t.db, now: () => TEST_NOW };
    const results = await Promise.all([seedDemoIfEmpty(deps), seedDemoIfEmpty(deps)]);
    expect(results.map((r) => r?.status).sort()).toEqual(['already_present', 'created']);
    const [row] = await queryRows<{ orgs: number; users: number }>(
      t.db,
      sql`select (select count(*)::int from organizations) as orgs, (select count(*)::int from users) as users`,
    );
    expect(row).toEqual({ orgs: 1, users: 32 });
    // Two full seeds' worth of work (the second waits for the first's lock), on a busy machine too.
  }, 180_000);
});
