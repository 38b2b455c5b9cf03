import { ownerNameKey, type OwnerRef } from '@rightly/importers';

export interface OrgUser {
  id: string;
  name: string;
  email: string;
}

export type OwnerMatch = { ok: true; userId: string } | { ok: false; reason: string; fix: string };

/**
 * Finds the user an export's owner cell names. In order:
 * 1. an owner mapping (`--map-owner "Name=email"`, `owners` in a mapping file, the web app's
 *    choice): the user with that e-mail, or a new rep with it;
 * 2. the e-mail in the cell, if any;
 * 3. the name, ignoring case, accents and spacing — when exactly one user has it.
 * Unknown owners are collected for the report (with their row counts), never dropped silently; with
 * `createOwners`, one whose cell carries an e-mail becomes a new rep. Deactivated users still match:
 * history belongs to the person who made it.
 */
export class OwnerResolver {
  private readonly byEmail = new Map<string, string>();
  private readonly byName = new Map<string, string[]>();
  private readonly mapped = new Map<string, string>();
  private readonly memo = new Map<string, OwnerMatch>();
  private readonly unknownOwners = new Map<string, { owner: string; rows: number; firstLine: number }>();
  private readonly created = new Map<string, { id: string; name: string; email: string }>();

  constructor(
    private readonly params: {
      users: readonly OrgUser[];
      ownerMap: Readonly<Record<string, string>>;
      createOwners: boolean;
      newId: () => string;
    },
  ) {
    for (const user of params.users) {
      this.byEmail.set(user.email.toLowerCase(), user.id);
      const key = ownerNameKey(user.name);
      this.byName.set(key, [...(this.byName.get(key) ?? []), user.id]);
    }
    for (const [owner, email] of Object.entries(params.ownerMap))
      this.mapped.set(ownerNameKey(owner), email.toLowerCase());
  }

  resolve(ref: OwnerRef, line: number): OwnerMatch {
    let match = this.memo.get(ref.raw);
    if (!match) {
      match = this.match(ref);
      this.memo.set(ref.raw, match);
    }
    if (!match.ok) {
      const entry = this.unknownOwners.get(ref.raw) ?? { owner: ref.raw, rows: 0, firstLine: line };
      entry.rows++;
      this.unknownOwners.set(ref.raw, entry);
    }
    return match;
  }

  /** Owners that matched nobody, with how many rows named them. */
  unknown(): { owner: string; rows: number; firstLine: number }[] {
    return [...this.unknownOwners.values()].sort((a, b) => b.rows - a.rows || a.owner.localeCompare(b.owner));
  }

  /** Reps to create before the rows that name them are written. */
  toCreate(): { id: string; name: string; email: string }[] {
    return [...this.created.values()];
  }

  private match(ref: OwnerRef): OwnerMatch {
    const mappedEmail =
      this.mapped.get(ownerNameKey(ref.raw)) ??
      (ref.name ? this.mapped.get(ownerNameKey(ref.name)) : undefined) ??
      (ref.email ? this.mapped.get(ownerNameKey(ref.email)) : undefined);
    if (mappedEmail) return { ok: true, userId: this.userWithEmail(mappedEmail, ref.name ?? ref.raw) };
    if (ref.email) {
      const id = this.byEmail.get(ref.email);
      if (id) return { ok: true, userId: id };
    }
    if (ref.name) {
      const ids = this.byName.get(ownerNameKey(ref.name)) ?? [];
      if (ids.length === 1 && ids[0]) return { ok: true, userId: ids[0] };
      if (ids.length > 1) {
        return {
          ok: false,
          reason: `${ids.length} users are called "${ref.name}"; the export does not say which one.`,
          fix: `Map the owner to one user's e-mail: --map-owner "${ref.raw}=their@email" (owners in a mapping file; a choice in the web app).`,
        };
      }
    }
    if (ref.email && this.params.createOwners) {
      return { ok: true, userId: this.userWithEmail(ref.email, ref.name ?? ref.email.split('@')[0] ?? ref.email) };
    }
    return {
      ok: false,
      reason: `No user of this organization is "${ref.raw}".`,
      fix: ref.email
        ? `Create them as a rep (--create-owners, or a choice in the web app), map them to a user (--map-owner "${ref.raw}=their@email"), or import a roster first.`
        : `Map them to a user's e-mail — the rep is created if no user has it: --map-owner "${ref.raw}=their@email" (owners in a mapping file; a choice in the web app) — or import a roster first.`,
    };
  }

  private userWithEmail(email: string, name: string): string {
    const existing = this.byEmail.get(email) ?? this.created.get(email)?.id;
    if (existing) return existing;
    const created = { id: this.params.newId(), name, email };
    this.created.set(email, created);
    return created.id;
  }
}
