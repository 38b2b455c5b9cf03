import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestDatabase } from '@rightly/db/testing';
import { buildApp } from '@rightly/server';
import { startImportJobs, type ImportJobs, type SessionDeps } from '@rightly/services';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_NOW } from '../../../test/support/clock';
import { openTestDatabase } from '../../../test/support/database';
import { sendCsrfHeaderLikeTheWebApp, signInAs } from './helper';

const FIXTURES = fileURLToPath(new URL('../../../packages/importers/test/fixtures/', import.meta.url));

let database: TestDatabase;
let jobs: ImportJobs;
let app: FastifyInstance;
let admin: string;
beforeAll(async () => {
  database = await openTestDatabase('demo');
  const deps: SessionDeps = { db: database.db, now: () => TEST_NOW, sessionSecret: 'server-test-secret-'.repeat(3) };
  jobs = await startImportJobs(deps, { onError: (error) => console.error(error) });
  const webDistDir = mkdtempSync(join(tmpdir(), 'rightly-web-'));
  writeFileSync(join(webDistDir, 'index.html'), '<!doctype html><title>Rightly</title>');
  app = sendCsrfHeaderLikeTheWebApp(await buildApp({ deps, logLevel: 'silent', webDistDir, importJobs: jobs }));
  admin = await signInAs(app, 'admin@demo.test');
});
afterAll(async () => {
  await app.close();
  await jobs.stop();
  await database.close();
});

/** A multipart/form-data body: fields in order, then the file. */
function form(fields: Record<string, string>, file?: { name: string; content: Buffer | string }) {
  const boundary = `----rightly${randomUUID()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: text/csv\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const fixture = (path: string) => ({
  name: path.split('/').pop() ?? path,
  content: readFileSync(`${FIXTURES}${path}`),
});

async function upload(
  cookie: string,
  fields: Record<string, string>,
  file: { name: string; content: Buffer | string },
) {
  const body = form(fields, file);
  return app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    payload: body.payload,
    headers: { ...body.headers, cookie },
  });
}

/** Polls the import until it is done, as the web app does. */
async function settled(cookie: string, id: string) {
  for (let attempt = 0; attempt < 600; attempt++) {
    const response = await app.inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers: { cookie } });
    const body = response.json();
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`import ${id} did not finish`);
}

describe('POST /api/v1/imports and GET /api/v1/imports/:id', () => {
  it('queues an upload (202), runs it in the background and reports counts and progress', async () => {
    const response = await upload(admin, {}, fixture('hubspot/deals.csv'));
    expect(response.statusCode).toBe(202);
    const queued = response.json();
    expect(queued).toMatchObject({
      status: 'queued',
      fileName: 'deals.csv',
      fileBytes: fixture('hubspot/deals.csv').content.length,
      via: 'web',
      onError: 'reject',
    });
    const done = await settled(admin, queued.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      source: 'hubspot',
      kind: 'opportunities',
      counts: { new: 3, updated: 0, unchanged: 0, rejected: 0 },
      progress: { fraction: 1 },
      errorReportUrl: null,
    });
    const again = await settled(admin, (await upload(admin, {}, fixture('hubspot/deals.csv'))).json().id);
    expect(again.summary).toBe('0 new, 0 updated, 3 unchanged, 0 rejected');

    const history = await app.inject({ method: 'GET', url: '/api/v1/imports?limit=5', headers: { cookie: admin } });
    // The tests' clock stands still, so both share a start time: compare as a set.
    expect(
      history
        .json()
        .imports.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([again.id, done.id].sort());
  });

  it('rejects a file with bad rows by default and serves the error report as a safe CSV', async () => {
    const hostile =
      "Record ID,Call Title,Activity date,Activity assigned to,Call outcome\n58000001,x,=cmd|' /C calc'!A0,Riley Carter,Connected\n58000002,ok,2026-10-13 14:05,Riley Carter,Connected\n";
    const done = await settled(admin, (await upload(admin, {}, { name: 'hostile.csv', content: hostile })).json().id);
    expect(done).toMatchObject({
      status: 'failed',
      failure: { code: 'rows_rejected' },
      counts: { rejected: 1, new: 0 },
    });
    expect(done.errorReportUrl).toBe(`/api/v1/imports/${done.id}/errors.csv`);
    const csv = await app.inject({ method: 'GET', url: done.errorReportUrl, headers: { cookie: admin } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="hostile-errors.csv"');
    expect(csv.body.split('\r\n')[1]).toMatch(/^"2","Activity date","'=cmd\|' \/C calc'!A0",/);
    const json = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${done.id}/errors`,
      headers: { cookie: admin },
    });
    expect(json.json().errors[0]).toMatchObject({ line: 2, column: 'Activity date', value: "=cmd|' /C calc'!A0" });

    const skipped = await settled(
      admin,
      (await upload(admin, { onError: 'skip' }, { name: 'hostile.csv', content: hostile })).json().id,
    );
    expect(skipped).toMatchObject({ status: 'succeeded', counts: { new: 1, rejected: 1 } });
  });

  it('takes a mapping, owner mappings and a dry run as form fields', async () => {
    const mapping = readFileSync(`${FIXTURES}generic/activities.mapping.json`, 'utf8');
    const done = await settled(
      admin,
      (
        await upload(
          admin,
          { mapping, dryRun: 'true', ownerMap: JSON.stringify({ 'Taylor Brooks': 'rep@demo.test' }) },
          fixture('generic/activities.csv'),
        )
      ).json().id,
    );
    expect(done).toMatchObject({ status: 'succeeded', dryRun: true, counts: { new: 4 }, source: 'generic' });
  });

  it('names each bad option, and wants the file', async () => {
    const badMapping = await upload(
      admin,
      { mapping: JSON.stringify({ kind: 'activities', columns: {} }), onError: 'skip' },
      fixture('generic/activities.csv'),
    );
    expect(badMapping.statusCode).toBe(400);
    expect(badMapping.json().errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['mapping.columns.owner', 'mapping.columns.occurredAt']),
    );
    const badPolicy = await upload(admin, { onError: 'maybe' }, fixture('hubspot/calls.csv'));
    expect(badPolicy.statusCode).toBe(400);
    expect(badPolicy.json().errors[0].field).toBe('onError');
    const body = form({ source: 'hubspot' });
    const noFile = await app.inject({
      method: 'POST',
      url: '/api/v1/imports',
      payload: body.payload,
      headers: { ...body.headers, cookie: admin },
    });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().errors).toEqual([{ field: 'file', message: 'is required' }]);
  });

  it('is for admins only, and another org’s import is not found', async () => {
    const leader = await signInAs(app, 'leader@demo.test');
    expect((await upload(leader, {}, fixture('hubspot/calls.csv'))).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/imports', headers: { cookie: leader } })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ method: 'GET', url: '/api/v1/imports' })).statusCode).toBe(401);
    const missing = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${randomUUID()}`,
      headers: { cookie: admin },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
  });
});

describe('POST /api/v1/imports/preview', () => {
  const preview = async (fields: Record<string, string>, file: { name: string; content: Buffer | string }) => {
    const body = form(fields, file);
    return app.inject({
      method: 'POST',
      url: '/api/v1/imports/preview',
      payload: body.payload,
      headers: { ...body.headers, cookie: admin },
    });
  };

  it('shows how a known export will be read', async () => {
    const response = await preview({}, fixture('salesforce/activities-formatted.csv'));
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.format).toMatchObject({ id: 'salesforce-activities', source: 'salesforce', dateOrder: 'MDY' });
    expect(body.rows[0]).toMatchObject({ line: 2, status: 'ok', values: { type: 'call', outcome: 'connected' } });
    expect(body.fields.activities.map((f: { name: string }) => f.name)).toContain('occurredAt');
  });

  it('offers a guessed mapping for any other CSV, then previews with the mapping sent', async () => {
    const csv =
      'Sales Rep;Date;Activity Type;Company\nRiley Carter;2026-10-01;Phone;Acme Preview\nNobody Known;2026-10-02;Email;Acme Preview\n';
    const first = (await preview({ source: 'generic' }, { name: 'sheet.csv', content: csv })).json();
    expect(first.problem.reason).toMatch(/generic CSV needs a column mapping/);
    expect(first.guess.mapping.columns).toEqual({
      owner: 'Sales Rep',
      occurredAt: 'Date',
      type: 'Activity Type',
      account: 'Company',
    });
    const mapped = (
      await preview({ mapping: JSON.stringify(first.guess.mapping) }, { name: 'sheet.csv', content: csv })
    ).json();
    expect(mapped.problem).toBeNull();
    expect(mapped.rows.map((r: { status: string }) => r.status)).toEqual(['ok', 'rejected']);
    expect(mapped.unknownOwners).toEqual(['Nobody Known']);
  });
});
