import { randomUUID } from 'node:crypto';
import { accounts, insertInChunks, opportunities, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { createTinyOrg } from '../../../test/support/fixtures';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase('empty');
});
afterAll(() => t.close());

describe('bulk insert', () => {
  it('stores any text exactly as given, including quotes, braces, commas and SQL', async () => {
    const org = await createTinyOrg(t.db);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 30 }),
        async (names) => {
          const clean = names.map((n) => n.replaceAll('\u0000', ''));
          const rows = clean.map((name) => {
            const id = randomUUID();
            return { orgId: org.orgId, id, name, source: 'prop', externalId: id };
          });
          await insertInChunks(t.db, accounts, rows);
          const stored = await t.db
            .select({ id: accounts.id, name: accounts.name })
            .from(accounts)
            .where(eq(accounts.source, 'prop'));
          const byId = new Map(stored.map((s) => [s.id, s.name]));
          await t.db.delete(accounts).where(eq(accounts.source, 'prop'));
          return rows.every((r) => byId.get(r.id) === r.name);
        },
      ),
      { numRuns: 25 },
    );
    const hostile = [
      '", {a,b} \\ NULL',
      "'); drop table accounts; --",
      '=HYPERLINK("x")',
      '<script>x</script>',
      'NULL',
      '',
    ];
    const rows = hostile.map((name) => ({
      orgId: org.orgId,
      id: randomUUID(),
      name,
      source: 'hostile',
      externalId: name || 'empty',
    }));
    await insertInChunks(t.db, accounts, rows);
    const stored = await t.db.select({ name: accounts.name }).from(accounts).where(eq(accounts.source, 'hostile'));
    expect(stored.map((s) => s.name).sort()).toEqual([...hostile].sort());
  });

  it('round-trips dates, money, enums and nulls, and splits large inputs into chunks', async () => {
    const org = await createTinyOrg(t.db);
    const rows = Array.from({ length: 12_001 }, (_, i) => {
      const id = randomUUID();
      return {
        orgId: org.orgId,
        id,
        repId: org.repId,
        accountId: i % 2 === 0 ? org.accountId : null,
        name: `Deal ${i}`,
        amount: (i * 1.25).toFixed(2),
        currency: 'EUR',
        stage: 'Proposal',
        status: i % 3 === 0 ? ('won' as const) : ('open' as const),
        createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0, i)),
        closedAt: i % 3 === 0 ? new Date('2026-03-31T23:59:59.123Z') : null,
        closeDate: '2026-03-31',
        source: 'bulk',
        externalId: id,
      };
    });
    await insertInChunks(t.db, opportunities, rows);
    const stored = await t.db.select().from(opportunities).where(eq(opportunities.source, 'bulk'));
    expect(stored).toHaveLength(rows.length);
    const sample = stored.find((s) => s.name === 'Deal 9');
    expect(sample).toMatchObject({
      amount: '11.25',
      currency: 'EUR',
      status: 'won',
      accountId: null,
      closeDate: '2026-03-31',
      createdAt: new Date(Date.UTC(2026, 0, 1, 12, 0, 0, 9)),
      closedAt: new Date('2026-03-31T23:59:59.123Z'),
    });
  });

  it('writes nothing when one row breaks a constraint inside a transaction', async () => {
    const org = await createTinyOrg(t.db);
    const good = { orgId: org.orgId, id: randomUUID(), email: 'good@atomic.test', name: 'Good', role: 'rep' as const };
    const bad = { orgId: org.orgId, id: randomUUID(), email: 'BAD@atomic.test', name: 'Bad', role: 'rep' as const };
    await expect(t.db.transaction((tx) => insertInChunks(tx, users, [good, bad]))).rejects.toThrow();
    expect(await t.db.select().from(users).where(eq(users.email, 'good@atomic.test'))).toEqual([]);
  });
});
