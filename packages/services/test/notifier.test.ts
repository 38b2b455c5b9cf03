import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Viewer } from '@rightly/core';
import { claimDeliveries, deliveryCounts, notifications, users } from '@rightly/db';
import type { TestDatabase } from '@rightly/db/testing';
import {
  createEmailChannel,
  listNotifications,
  markRead,
  messageIdFor,
  runNotifyTick,
  sendSlackMessage,
  unsubscribe,
  updatePreferences,
  type NotifyDeps,
} from '@rightly/services';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';

// A real SMTP server and a real HTTP receiver standing in for Slack: what they receive is what
// people would.
let smtp: SMTPServer;
let smtpUrl: string;
const mails: ParsedMail[] = [];
let slack: Server;
let slackUrl: string;
const slackPosts: { text: string }[] = [];

let t: TestDatabase;
let people: Map<string, Viewer & { name: string }>;
const SECRET = 'a-test-secret-that-is-long-enough-for-hmac';

beforeAll(async () => {
  smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  slack = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      slackPosts.push(JSON.parse(body) as { text: string });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => slack.listen(0, '127.0.0.1', resolve));
  slackUrl = `http://127.0.0.1:${(slack.address() as AddressInfo).port}/services/T000/B000/XXX`;
  t = await openTestDatabase('demo');
  const rows = await t.db.select().from(users);
  people = new Map(rows.map((u) => [u.email, { orgId: u.orgId, userId: u.id, role: u.role, name: u.name }]));
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
  await new Promise<void>((resolve) => slack.close(() => resolve()));
});

/** One "server instance": its own e-mail connection and worker id, the shared database. */
function instance(now: Date): NotifyDeps {
  return {
    db: t.db,
    now: () => now,
    sessionSecret: SECRET,
    appUrl: 'https://rightly.example.com',
    email: createEmailChannel({ smtpUrl, from: 'Rightly <rightly@example.com>' }),
    sendSlack: (message) => sendSlackMessage(message),
  };
}
const viewer = (email: string): Viewer => {
  const v = people.get(email);
  if (!v) throw new Error(`no demo user ${email}`);
  return { orgId: v.orgId, userId: v.userId, role: v.role };
};
const messageIds = () => mails.map((m) => m.messageId);
/** A raw header line's value, as the mail server received it. */
const header = (mail: ParsedMail | undefined, key: string) =>
  mail?.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '');

describe('reminders, overdue notices and digests', () => {
  it('sends each reminder and overdue notice exactly once from two instances running at the same time', async () => {
    const a = instance(TEST_NOW); // Friday 27 November, 15:00 in New York: reminder time
    const b = instance(TEST_NOW);
    const [ra, rb] = await Promise.all([
      runNotifyTick(a, { workerId: 'instance-a' }),
      runNotifyTick(b, { workerId: 'instance-b' }),
    ]);
    // Once more each, as their timers would.
    const [ra2, rb2] = await Promise.all([
      runNotifyTick(a, { workerId: 'instance-a' }),
      runNotifyTick(b, { workerId: 'instance-b' }),
    ]);
    const planned = ra.planned + rb.planned + ra2.planned + rb2.planned;
    const sent = ra.sent + rb.sent + ra2.sent + rb2.sent;
    expect(planned).toBeGreaterThan(20);
    expect(sent).toBe(planned); // every rep has e-mail on by default
    expect(mails).toHaveLength(planned);
    expect(new Set(messageIds()).size).toBe(mails.length);
    const counts = await deliveryCounts(t.db, { orgId: viewer('rep@demo.test').orgId });
    expect(counts).toEqual([{ channel: 'email', status: 'sent', count: planned }]);

    // The late reporter's overdue notice and Riley's reminder, as the mail server received them.
    const overdue = mails.find(
      (m) => m.to && JSON.stringify(m.to).includes('casey.nguyen@demo.test') && /overdue/.test(m.subject ?? ''),
    );
    expect(overdue?.subject).toBe('Your report for the week of 16 November is overdue');
    const reminder = mails.find((m) => JSON.stringify(m.to).includes('rep@demo.test'));
    expect(reminder?.subject).toBe('Your weekly report is due Monday 30 November, 09:00');
    expect(reminder?.text).toMatch(/CRM shows \d+ meetings booked from prospecting/);
    expect(reminder?.html).toContain('https://rightly.example.com/reports');
    expect(header(reminder, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(header(reminder, 'list-unsubscribe')).toMatch(
      /^<https:\/\/rightly\.example\.com\/api\/v1\/unsubscribe\?token=/,
    );

    await a.email?.close();
    await b.email?.close();
  });

  it('neither loses nor repeats a message after a restart, and re-sends one a dead instance had claimed', async () => {
    const before = mails.length;
    const restarted = instance(TEST_NOW);
    expect(await runNotifyTick(restarted, { workerId: 'restarted' })).toEqual({
      planned: 0,
      sent: 0,
      retried: 0,
      failed: 0,
    });
    expect(mails).toHaveLength(before);

    // Monday 30 November, 08:30 in New York: the digest goes out; one instance claims Riley's
    // leader's digest and dies before sending it.
    const monday = new Date('2026-11-30T13:30:00Z');
    const dying = instance(monday);
    const orgId = viewer('rep@demo.test').orgId;
    const { planDigestsForTest } = await import('./notifier-support');
    await planDigestsForTest(dying);
    const claimed = await claimDeliveries(t.db, { orgId, workerId: 'dies', now: monday, leaseMs: 120_000, limit: 1 });
    expect(claimed).toHaveLength(1);
    // Another instance right away: it sends the other digests, not the claimed one.
    const survivor = await runNotifyTick(instance(monday), { workerId: 'survivor' });
    const digests = mails.slice(before);
    expect(digests.every((m) => m.subject?.startsWith('Team digest:'))).toBe(true);
    const claimedId = messageIdFor(claimed[0]?.dedupeKey as string);
    expect(digests.map((m) => m.messageId)).not.toContain(claimedId);
    // After the claim expires, the next round sends it: once.
    const later = await runNotifyTick(instance(new Date(monday.getTime() + 3 * 60_000)), { workerId: 'survivor' });
    expect(later.sent).toBe(1);
    expect(mails.at(-1)?.messageId).toBe(claimedId);
    expect(survivor.sent + later.sent).toBe(mails.length - before);
    expect(new Set(messageIds()).size).toBe(mails.length);
    const counts = await deliveryCounts(t.db, { orgId });
    expect(counts.every((c) => c.status === 'sent')).toBe(true);
  });

  it('keeps every message in the app, and follows each person’s channels and one-click unsubscribe', async () => {
    const rep = viewer('rep@demo.test');
    const deps = instance(TEST_NOW);
    const mine = await listNotifications(deps, { viewer: rep });
    expect(mine.items.map((n) => n.kind)).toContain('reminder');
    expect(mine.unread).toBe(mine.items.length);
    expect(await markRead(deps, { viewer: rep, ids: null })).toEqual({ unread: 0 });
    // Someone else's notifications are not theirs to read or mark.
    const [others] = await t.db.select().from(notifications);
    await markRead(deps, { viewer: viewer('casey.nguyen@demo.test'), ids: [others?.id as string] });

    // The leader moves to Slack only; a rep unsubscribes from e-mail with the link in the mail.
    const leader = viewer('henrik.vogel@demo.test');
    await updatePreferences(deps, {
      viewer: leader,
      preferences: {
        email: false,
        slack: true,
        slackWebhookUrl: slackUrl,
        reminders: true,
        overdue: true,
        digest: true,
      },
    });
    const link = header(
      mails.find((m) => JSON.stringify(m.to).includes('zoe.novak@demo.test')),
      'list-unsubscribe',
    );
    const token = new URL(String(link).replace(/^<|>$/g, '')).searchParams.get('token') as string;
    await expect(unsubscribe(deps, { token: `${token}x` })).rejects.toMatchObject({ code: 'bad_request' });
    expect(await unsubscribe(deps, { token })).toEqual({ channel: 'email', done: true });

    const before = mails.length;
    // The next week's digest: Henrik's arrives in Slack, not by e-mail.
    const nextMonday = instance(new Date('2026-12-07T13:30:00Z'));
    await runNotifyTick(nextMonday, { workerId: 'next-week' });
    const henrikMail = mails.slice(before).filter((m) => JSON.stringify(m.to).includes('henrik.vogel@demo.test'));
    expect(henrikMail).toHaveLength(0);
    expect(slackPosts.some((p) => p.text.includes('Team digest'))).toBe(true);
    const zoeMail = mails.slice(before).filter((m) => JSON.stringify(m.to).includes('zoe.novak@demo.test'));
    expect(zoeMail).toHaveLength(0);
    const zoe = await listNotifications(deps, { viewer: viewer('zoe.novak@demo.test') });
    expect(zoe.items.length).toBeGreaterThan(1);
  });
});
