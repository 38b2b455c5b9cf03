import { and, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../../database';
import { passwordResetTokens, users } from '../../schema/index';

export type PasswordResetToken = typeof passwordResetTokens.$inferSelect;

export async function insertPasswordResetToken(db: Database, token: PasswordResetToken): Promise<void> {
  await db.insert(passwordResetTokens).values(token);
}

/** A token that is unused and unexpired at `now`, or null. */
export async function lookupPasswordResetToken(
  db: Database,
  params: { orgId: string; id: string; now: Date },
): Promise<PasswordResetToken | null> {
  const [row] = await db
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.orgId, params.orgId),
        eq(passwordResetTokens.id, params.id),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, params.now),
      ),
    );
  return row ?? null;
}

/**
 * Marks the token used and returns it, in one statement, only when it is unused and unexpired at
 * `now`: two requests racing with one link cannot both succeed.
 */
export async function consumePasswordResetToken(
  db: Database,
  params: { orgId: string; id: string; now: Date },
): Promise<PasswordResetToken | null> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: params.now })
    .where(
      and(
        eq(passwordResetTokens.orgId, params.orgId),
        eq(passwordResetTokens.id, params.id),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, params.now),
      ),
    )
    .returning();
  return row ?? null;
}

/** A new link makes the user's older links useless; ended and used links are removed. */
export async function deletePasswordResetTokens(
  db: Database,
  params: { orgId: string; userId: string },
): Promise<void> {
  await db
    .delete(passwordResetTokens)
    .where(and(eq(passwordResetTokens.orgId, params.orgId), eq(passwordResetTokens.userId, params.userId)));
}

export async function deleteEndedPasswordResetTokens(
  db: Database,
  params: { orgId: string; now: Date },
): Promise<void> {
  await db
    .delete(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.orgId, params.orgId),
        or(lt(passwordResetTokens.expiresAt, params.now), isNotNull(passwordResetTokens.usedAt)),
      ),
    );
}

export async function updateUserPassword(
  db: Database,
  params: { orgId: string; userId: string; passwordHash: string },
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash: params.passwordHash })
    .where(and(eq(users.orgId, params.orgId), eq(users.id, params.userId)));
}
