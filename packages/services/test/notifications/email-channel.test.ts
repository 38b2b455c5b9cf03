import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../../src/notifications/channels/channel-error';
import { createEmailChannel, messageIdFor } from '../../src/notifications/channels/email-channel';
import { renderReminder } from '../../src/notifications/templates/reminder';

interface Received {
  rcptTo: string[];
  mail: ParsedMail;
}

// A real SMTP server on a free local port: what it receives is what a mail provider would.
// Recipients starting with "refused" get a permanent 550, "busy" a transient 450.
let server: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const reject = (code: number, text: string) => callback(Object.assign(new Error(text), { responseCode: code }));
      if (address.address.startsWith('refused')) return reject(550, 'No such mailbox');
      if (address.address.startsWith('busy')) return reject(450, 'Mailbox busy, try later');
      callback();
    },
    onData(stream, session, callback) {
      const rcptTo = session.envelope.rcptTo.map((r) => r.address);
      simpleParser(stream).then(
        (mail) => {
          received.push({ rcptTo, mail });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
});

const links = { appUrl: 'https://rightly.example.com', unsubscribeUrl: 'https://rightly.example.com/u/tok123' };

function reminder() {
  return renderReminder(
    {
      repName: 'Jürgen Müller',
      dueAtText: 'Monday 7 December, 09:00 (Europe/Berlin)',
      windowText: 'week of 30 November',
      expectations: [{ name: 'First meetings', measuredText: 'CRM shows 3 first meetings held' }],
      reportUrl: 'https://rightly.example.com/reports/new',
    },
    links,
  );
}

describe('e-mail channel', () => {
  it('delivers a rendered reminder with a UTF-8 subject, both parts and one-click unsubscribe', async () => {
    const message = reminder();
    const channel = createEmailChannel({ smtpUrl, from: 'Rightly <rightly@example.com>' });
    try {
      await channel.send({
        to: 'juergen@example.com',
        toName: 'Jürgen Müller',
        subject: 'Bericht fällig – Müller',
        text: message.text,
        html: message.html,
        unsubscribeUrl: links.unsubscribeUrl,
        messageKey: 'reminder:org-1/user 7:2026-12-07',
      });
    } finally {
      await channel.close();
    }

    expect(received).toHaveLength(1);
    const { rcptTo, mail } = received[0]!;
    expect(rcptTo).toEqual(['juergen@example.com']);
    expect(mail.subject).toBe('Bericht fällig – Müller');
    expect(mail.from?.value).toEqual([{ name: 'Rightly', address: 'rightly@example.com' }]);
    const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
    expect(to?.value).toEqual([{ name: 'Jürgen Müller', address: 'juergen@example.com' }]);
    expect(mail.text).toContain('Hi Jürgen Müller,');
    expect(mail.text).toContain('https://rightly.example.com/reports/new');
    expect(mail.html).toContain('<a href="https://rightly.example.com/reports/new"');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line;
    expect(header('list-unsubscribe')).toBe('List-Unsubscribe: <https://rightly.example.com/u/tok123>');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.messageId).toBe(messageIdFor('reminder:org-1/user 7:2026-12-07'));
    expect(mail.messageId).toBe('<reminder=3Aorg-1=2Fuser=207=3A2026-12-07@rightly>');
  });

  it('leaves out the List-Unsubscribe headers when there is no unsubscribe link', async () => {
    const channel = createEmailChannel({ smtpUrl, from: 'Rightly <rightly@example.com>' });
    await channel.send({ to: 'a@example.com', subject: 'Hi', text: 'text', html: '<p>html</p>', messageKey: 'k1' });
    await channel.close();
    expect(received[0]!.mail.headerLines.map((h) => h.key)).not.toContain('list-unsubscribe');
  });

  it('reports a refused mailbox (550) as not worth retrying', async () => {
    const channel = createEmailChannel({ smtpUrl, from: 'rightly@example.com' });
    const error = await channel
      .send({ to: 'refused@example.com', subject: 'x', text: 'x', html: 'x', messageKey: 'k2' })
      .catch((e: unknown) => e);
    await channel.close();
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ channel: 'email', retryable: false });
    expect((error as Error).message).toMatch(/550/);
    expect(received).toHaveLength(0);
  });

  it('reports a temporary refusal (450) as retryable', async () => {
    const channel = createEmailChannel({ smtpUrl, from: 'rightly@example.com' });
    const error = await channel
      .send({ to: 'busy@example.com', subject: 'x', text: 'x', html: 'x', messageKey: 'k3' })
      .catch((e: unknown) => e);
    await channel.close();
    expect(error).toMatchObject({ name: 'ChannelError', channel: 'email', retryable: true });
  });

  it('reports a server that is not there as retryable', async () => {
    const port = await freePort();
    const channel = createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'rightly@example.com' });
    const error = await channel
      .send({ to: 'a@example.com', subject: 'x', text: 'x', html: 'x', messageKey: 'k4' })
      .catch((e: unknown) => e);
    await channel.close();
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ channel: 'email', retryable: true });
  });
});

describe('Message-ID from a message key', () => {
  it('keeps distinct keys distinct and the id free of characters a header cannot hold', () => {
    const keys = ['a:b', 'a/b', 'a b', 'a=3Ab', 'a.b', 'digest:ä', 'x'.repeat(300), 'x'.repeat(301)];
    const ids = keys.map(messageIdFor);
    expect(new Set(ids).size).toBe(keys.length);
    for (const id of ids) expect(id).toMatch(/^<[A-Za-z0-9_=-]{1,130}@rightly>$/);
    expect(() => messageIdFor('')).toThrow(ChannelError);
  });
});

/** A port nothing listens on: bind one, then let it go. */
async function freePort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
