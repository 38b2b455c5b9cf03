import { randomUUID } from 'node:crypto';
import { queryRows } from '@rightly/db';
import { sql } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActors, createTargets, signIn, type Fixture, type Person } from './authorization-fixture';
import { ACTORS, cellsOf, MATRIX, type Actor, type MatrixEntry, type MatrixRequest } from './authorization-matrix';
import { buildTestApp, type TestApp } from './helper';

/**
 * Every /api/v1 route × every actor, as declared in authorization-matrix.ts (read its header to
 * add a route). Denied calls must change no tenant row and name nothing of the rep; scoped reads
 * must show nothing of the rep and be the same as before the rep's data existed.
 */

/**
 * Tables a denied call may legitimately change, and why. Every other table with an org_id (and
 * the organizations themselves) must read exactly the same before and after a denied call.
 * - sessions: every authenticated request moves its own session's last_seen_at (idle timeout).
 * (After the identity work is merged: the failed-sign-in counters, which every refused sign-in
 * counts by design, belong here too.)
 */
const CHANGES_ON_ANY_REQUEST = ['sessions'];

let t: TestApp;
const routeTable: string[] = [];
let cookies: Record<Actor, string | null>;
let people: Record<Exclude<Actor, 'anonymous'>, Person>;
let fx: Fixture;
/** `key actor` → the normalised answer of a scoped read before the rep's targets existed. */
const before = new Map<string, string>();

/**
 * THE ONE PLACE a matrix request is built: path params, query, JSON or multipart body, session
 * cookie. (Cookie-authenticated writes will need the CSRF header here once that is merged.)
 */
function buildInject(
  method: string,
  path: string,
  request: MatrixRequest,
  cookie: string | null,
): InjectOptions & { url: string } {
  const url = path.replace(/:(\w+)/g, (_, name: string) => {
    const value = request.params?.[name];
    if (!value) throw new Error(`${method} ${path}: the matrix entry gives no value for :${name} (request.params)`);
    return encodeURIComponent(value);
  });
  const query = request.query ? `?${new URLSearchParams(request.query).toString()}` : '';
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (request.multipart) {
    const boundary = `----matrix${randomUUID()}`;
    const parts = Object.entries(request.multipart.fields).map(
      ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    );
    const { file } = request.multipart;
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n${file.content}\r\n--${boundary}--\r\n`,
    );
    headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    return { method: method as InjectOptions['method'], url: url + query, headers, payload: parts.join('') };
  }
  return {
    method: method as InjectOptions['method'],
    url: url + query,
    headers,
    ...(request.body !== undefined ? { payload: request.body as InjectOptions['payload'] } : {}),
  };
}

async function send(
  method: string,
  path: string,
  actor: Actor,
  request: MatrixRequest = {},
  options: { freshSession?: boolean } = {},
): Promise<{ response: LightMyRequestResponse; url: string }> {
  const cookie =
    options.freshSession && actor !== 'anonymous' ? await signIn(t.app, people[actor].email) : cookies[actor];
  const inject = buildInject(method, path, request, cookie);
  return { response: await t.app.inject(inject), url: inject.url };
}

/** A checksum of every row of every tenant table, by table: any insert, update or delete changes it. */
async function tenantChecksums(): Promise<Record<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    t.database.db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'org_id'
        order by table_name`,
  );
  const names = [...tables.map((r) => r.table_name), 'organizations'].filter(
    (name) => !CHANGES_ON_ANY_REQUEST.includes(name),
  );
  const selects = names.map(
    (name) =>
      // Order-independent (a sum of 64-bit row hashes, with the count): no sort of the big tables.
      `select '${name}' as name, count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) as sum from "${name}" t`,
  );
  const rows = await queryRows<{ name: string; sum: string }>(t.database.db, sql.raw(selects.join(' union all ')));
  return Object.fromEntries(rows.map((r) => [r.name, r.sum]));
}

function changedTables(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys({ ...a, ...b }).filter((name) => a[name] !== b[name]);
}

/**
 * The answer without what the caller sent: the URL (problem+json echoes it as `instance`) and the
 * values of the path and query (an error may name the id it was given). Echoing reveals nothing.
 */
function answerText(response: LightMyRequestResponse, url: string, request: MatrixRequest = {}): string {
  const sent = [
    url,
    url.split('?')[0] ?? url,
    ...Object.values(request.params ?? {}),
    ...Object.values(request.query ?? {}),
  ];
  return sent.reduce((text, value) => (value ? text.split(value).join('') : text), response.body);
}

/**
 * Which of the strings the text shows as a whole token. A bare substring test flagged the rep's
 * figure 9137 inside a random request id (a UUID) now and then, so a match must not
 * sit inside a longer run of letters, digits or hyphens.
 */
function leaks(text: string, strings: readonly string[]): string[] {
  return strings.filter((s) => {
    const escaped = s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'iu').test(text);
  });
}

/** Reads and writes apart, reads first; in each, routes that consume their target last. */
function runOrder(entry: MatrixEntry, key: string): number {
  const write = !key.startsWith('GET ');
  return (write ? 2 : 0) + (entry.last || entry.writesAudit ? 1 : 0);
}
const ORDERED = Object.entries(MATRIX).sort(([a, ea], [b, eb]) => runOrder(ea, a) - runOrder(eb, b));

const NOT_YET = new Proxy({} as Fixture, {
  get: () => {
    throw new Error('needs the fixture');
  },
});

/** The request of an entry that does not depend on the rep's targets (a plain list), or null. */
function requestWithoutTargets(entry: MatrixEntry, actor: Actor): MatrixRequest | null {
  try {
    return entry.request?.(NOT_YET, actor) ?? {};
  } catch {
    return null;
  }
}

beforeAll(async () => {
  t = await buildTestApp({
    onRoute: ({ method, url }) => {
      if (url.startsWith('/api/v1/') && method !== 'HEAD') routeTable.push(`${method} ${url}`);
    },
    // Uploads are queued and never run: the matrix is about who may start one.
    importJobs: { enqueue: async () => undefined, stop: async () => undefined },
  });
  ({ people, cookies } = await createActors(t));
  // What those who may not see the rep read before the rep's targets existed.
  for (const [key, entry] of ORDERED) {
    if (!key.startsWith('GET ') || entry.writesAudit) continue;
    const [method = '', path = ''] = key.split(' ');
    const cells = cellsOf(key, entry);
    for (const actor of ACTORS) {
      const request = requestWithoutTargets(entry, actor);
      if (cells[actor].kind !== 'scoped' || !request) continue;
      const { response } = await send(method, path, actor, request);
      before.set(`${key} ${actor}`, response.body);
    }
  }
  fx = await createTargets({
    t,
    people,
    send: async (method, url, actor, request) => (await send(method, url, actor, request)).response,
  });
}, 240_000);
afterAll(() => t?.close());

describe('the authorization matrix', () => {
  it('has an entry for every /api/v1 route, and none for a route that does not exist', () => {
    const missing = routeTable.filter((route) => !(route in MATRIX));
    const stale = Object.keys(MATRIX).filter((key) => !routeTable.includes(key));
    expect(
      missing.map((route) => `${route}: add an entry to MATRIX in apps/server/test/authorization-matrix.ts`),
    ).toEqual([]);
    expect(stale.map((key) => `${key}: no such route; remove it from the matrix`)).toEqual([]);
  });

  for (const [key, entry] of ORDERED) {
    it(key, async () => {
      const [method = '', path = ''] = key.split(' ');
      const cells = cellsOf(key, entry);
      const denied = ACTORS.filter((a) => cells[a].kind === 'deny');
      const allowed = ACTORS.filter((a) => cells[a].kind !== 'deny');
      const problems: string[] = [];
      const leakStrings = [...fx.leakStrings, fx.rep.id];

      let sums = denied.length > 0 ? await tenantChecksums() : {};
      for (const actor of denied) {
        const cell = cells[actor];
        const request = entry.request?.(fx, actor);
        const { response, url } = await send(method, path, actor, request, entry);
        if (response.statusCode !== cell.status) {
          problems.push(`${actor}: expected ${cell.status}, got ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
        const leaked = leaks(answerText(response, url, request), leakStrings);
        if (leaked.length > 0) problems.push(`${actor}: the denial shows ${leaked.join(', ')}`);
        const after = await tenantChecksums();
        const changed = changedTables(sums, after);
        if (changed.length > 0) problems.push(`${actor}: the denied call changed ${changed.join(', ')}`);
        sums = after;
      }

      for (const actor of allowed) {
        const cell = cells[actor];
        if (cell.kind === 'deny') continue;
        await entry.prepare?.(fx);
        const request = entry.request?.(fx, actor);
        const { response, url } = await send(method, path, actor, request, entry);
        const ok =
          cell.status === null
            ? response.statusCode >= 200 && response.statusCode < 300
            : response.statusCode === cell.status;
        if (!ok) {
          problems.push(
            `${actor}: expected ${cell.status ?? '2xx'}, got ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
        }
        if (cell.kind === 'scoped') {
          const leaked = leaks(answerText(response, url, request), leakStrings);
          if (leaked.length > 0) problems.push(`${actor}: the answer shows ${leaked.join(', ')}`);
          const earlier = before.get(`${key} ${actor}`);
          if (earlier !== undefined && earlier !== response.body) {
            problems.push(`${actor}: the answer changed when the rep's data was added (counts or rows of the rep)`);
          }
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
