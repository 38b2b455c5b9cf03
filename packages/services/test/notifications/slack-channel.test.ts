import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ChannelError } from '../../src/notifications/channels/channel-error';
import { sendSlackMessage } from '../../src/notifications/channels/slack-channel';

// A stand-in for Slack's webhook endpoint: records what arrives and answers by path.
let server: Server;
let base: string;
const bodies: { contentType: string | undefined; json: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      bodies.push({
        contentType: req.headers['content-type'],
        json: JSON.parse(Buffer.concat(chunks).toString('utf8')),
      });
      if (req.url === '/ok') return void res.writeHead(200).end('ok');
      if (req.url === '/broken') return void res.writeHead(500).end(`internal_error ${'x'.repeat(1000)}`);
      if (req.url === '/revoked') return void res.writeHead(403).end('invalid_token');
      if (req.url === '/limited') return void res.writeHead(429).end('rate_limited');
      // '/slow': headers after 5 s, far beyond the test's timeout.
      setTimeout(() => res.writeHead(200).end('ok'), 5_000).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  bodies.length = 0;
});

async function failure(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('Slack channel', () => {
  it('posts the text as Slack webhook JSON', async () => {
    const text = '*Your report is due* Monday – <https://x.example/r|Write it> &amp; done';
    await sendSlackMessage({ webhookUrl: `${base}/ok`, text });
    expect(bodies).toEqual([{ contentType: 'application/json; charset=utf-8', json: { text } }]);
  });

  it('fails on a 5xx with the status and at most 200 characters of the reply, retryable', async () => {
    const error = await failure(sendSlackMessage({ webhookUrl: `${base}/broken`, text: 'hi' }));
    expect(error).toMatchObject({ channel: 'slack', retryable: true });
    expect(error.message).toContain('500');
    expect(error.message).toContain('internal_error');
    expect(error.message).not.toContain('x'.repeat(186));
    expect(error.message).toContain('x'.repeat(185));
  });

  it('fails for good on a revoked webhook, and retryably when rate limited', async () => {
    const revoked = await failure(sendSlackMessage({ webhookUrl: `${base}/revoked`, text: 'hi' }));
    expect(revoked).toMatchObject({ retryable: false });
    expect(revoked.message).toMatch(/403.*invalid_token/);
    const limited = await failure(sendSlackMessage({ webhookUrl: `${base}/limited`, text: 'hi' }));
    expect(limited).toMatchObject({ retryable: true });
  });

  it('gives up on a receiver slower than the timeout', async () => {
    const started = Date.now();
    const error = await failure(sendSlackMessage({ webhookUrl: `${base}/slow`, text: 'hi' }, { timeoutMs: 200 }));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({ channel: 'slack', retryable: true });
    expect(error.message).toMatch(/200 ms/);
  });

  it('turns a network failure into a retryable ChannelError', async () => {
    const refuse: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    const error = await failure(sendSlackMessage({ webhookUrl: `${base}/ok`, text: 'hi' }, { fetch: refuse }));
    expect(error).toMatchObject({ retryable: true });
  });

  it('refuses a webhook that is not an http(s) URL, without quoting it', async () => {
    const error = await failure(sendSlackMessage({ webhookUrl: 'not a url T000/B000/secret', text: 'hi' }));
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).not.toContain('secret');
    await failure(sendSlackMessage({ webhookUrl: 'file:///etc/passwd', text: 'hi' }));
    expect(bodies).toHaveLength(0);
  });
});
