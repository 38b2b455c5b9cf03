import { isAppError } from '@rightly/core';
import { users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import {
  DEMO_PASSWORD,
  resolveSession,
  signIn,
  signOut,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  type SessionDeps,
} from '@rightly/services';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

let t: TestDatabase;
let clock = TEST_NOW.getTime();
let deps: SessionDeps;
beforeAll(async () => {
  t = await openTestDatabase('demo');
  deps = { db: t.db, now: () => new Date(clock), sessionSecret: 'test-secret-'.repeat(4) };
});
afterAll(() => t.close());

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isAppError(error) ? error.code : `unexpected: ${String(error)}`;
  }
  return 'accepted';
}

describe('signing in and out', () => {
  it('signs a demo user in, whatever the case of the e-mail, and the cookie resolves to them', async () => {
    clock = TEST_NOW.getTime();
    const result = await signIn(deps, { email: '  Leader@Demo.TEST ', password: DEMO_PASSWORD });
    expect(result.viewer.role).toBe('leader');
    expect(result.expiresAt.getTime()).toBe(clock + SESSION_ABSOLUTE_MS);
    expect(await resolveSession(deps, { cookieValue: result.cookieValue })).toEqual(result.viewer);
  });

  it('refuses a wrong password and an unknown e-mail with the same answer', async () => {
    expect(await refusal(signIn(deps, { email: 'leader@demo.test', password: 'wrong' }))).toBe('invalid_credentials');
    expect(await refusal(signIn(deps, { email: 'nobody@demo.test', password: DEMO_PASSWORD }))).toBe(
      'invalid_credentials',
    );
  });

  it('refuses a deactivated user and ends their open sessions', async () => {
    clock = TEST_NOW.getTime();
    const session = await signIn(deps, { email: 'zoe.novak@demo.test', password: DEMO_PASSWORD });
    await t.db.update(users).set({ active: false }).where(eq(users.email, 'zoe.novak@demo.test'));
    expect(await resolveSession(deps, { cookieValue: session.cookieValue })).toBeNull();
    expect(await refusal(signIn(deps, { email: 'zoe.novak@demo.test', password: DEMO_PASSWORD }))).toBe(
      'invalid_credentials',
    );
  });

  it('ends a session after 30 idle minutes, but keeps an active one alive', async () => {
    clock = TEST_NOW.getTime();
    const { cookieValue } = await signIn(deps, { email: 'rep@demo.test', password: DEMO_PASSWORD });
    clock += SESSION_IDLE_MS - 60_000;
    expect(await resolveSession(deps, { cookieValue })).not.toBeNull();
    clock += SESSION_IDLE_MS - 60_000; // active a minute ago: still alive
    expect(await resolveSession(deps, { cookieValue })).not.toBeNull();
    clock += SESSION_IDLE_MS;
    expect(await resolveSession(deps, { cookieValue })).toBeNull();
  });

  it('ends even a busy session 12 hours after sign-in', async () => {
    clock = TEST_NOW.getTime();
    const { cookieValue } = await signIn(deps, { email: 'rep@demo.test', password: DEMO_PASSWORD });
    for (let elapsed = 0; elapsed < SESSION_ABSOLUTE_MS - 20 * 60_000; elapsed += 20 * 60_000) {
      clock = TEST_NOW.getTime() + elapsed;
      expect(await resolveSession(deps, { cookieValue })).not.toBeNull();
    }
    clock = TEST_NOW.getTime() + SESSION_ABSOLUTE_MS;
    expect(await resolveSession(deps, { cookieValue })).toBeNull();
  });

  it('signs out so the cookie no longer works, and signing out twice is harmless', async () => {
    clock = TEST_NOW.getTime();
    const { cookieValue } = await signIn(deps, { email: 'admin@demo.test', password: DEMO_PASSWORD });
    await signOut(deps, { cookieValue });
    await signOut(deps, { cookieValue });
    expect(await resolveSession(deps, { cookieValue })).toBeNull();
  });

  it('ignores forged, malformed and foreign cookies without error', async () => {
    clock = TEST_NOW.getTime();
    const { cookieValue } = await signIn(deps, { email: 'admin@demo.test', password: DEMO_PASSWORD });
    const [orgId, token] = cookieValue.split('.') as [string, string];
    const flipped = `${orgId}.${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [
      undefined,
      '',
      'garbage',
      `${orgId}.`,
      flipped,
      `00000000-0000-0000-0000-000000000000.${token}`,
      `${cookieValue}'--`,
    ]) {
      expect(await resolveSession(deps, { cookieValue: forged })).toBeNull();
    }
    // The same token checked under another secret (another deployment) is not a session.
    expect(await resolveSession({ ...deps, sessionSecret: 'other-secret-'.repeat(4) }, { cookieValue })).toBeNull();
  });
});
