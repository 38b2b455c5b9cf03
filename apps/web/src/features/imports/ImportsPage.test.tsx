import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { meFixture, testUuid } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';

function importFixture(overrides: Record<string, unknown> = {}) {
  return {
    id: testUuid(),
    fileName: 'calls.csv',
    fileBytes: 534,
    via: 'web',
    requestedBy: null,
    requestedSource: 'auto',
    requestedKind: 'auto',
    source: 'hubspot',
    kind: 'activities',
    onError: 'reject',
    dryRun: false,
    status: 'succeeded',
    phase: null,
    progress: { bytesRead: 534, rowsRead: 4, fraction: 1 },
    counts: { new: 4, updated: 0, unchanged: 0, rejected: 0, ignored: 0 },
    summary: '4 new, 0 updated, 0 unchanged, 0 rejected',
    errorCount: 0,
    report: null,
    failure: null,
    createdAt: '2026-11-27T15:00:00.000Z',
    startedAt: '2026-11-27T15:00:01.000Z',
    finishedAt: '2026-11-27T15:00:02.000Z',
    errorReportUrl: null,
    ...overrides,
  };
}

function stub(me: unknown, imports: unknown[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const path = new URL(String(input), 'http://localhost').pathname;
      if (path === '/api/v1/me') return jsonResponse(200, me);
      if (path === '/api/v1/imports') return jsonResponse(200, { imports });
      throw new Error(`Unexpected request in test: ${path}`);
    }),
  );
}

describe('Imports page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('tells someone who is not an admin who can import, and asks the server for nothing', async () => {
    stub(meFixture({ role: 'leader' }), []);
    renderApp('/imports');
    expect(await screen.findByText('Imports are for admins')).toBeTruthy();
    expect(screen.queryByText('New import')).toBeNull();
  });

  it('lists past imports with their result and a link to each error report', async () => {
    const failed = importFixture({
      fileName: 'bad-rows.csv',
      status: 'failed',
      counts: { new: 0, updated: 0, unchanged: 0, rejected: 4, ignored: 0 },
      errorCount: 4,
      failure: {
        code: 'rows_rejected',
        message: '4 rows have problems, so nothing was imported (policy: reject).',
        fix: null,
      },
    });
    stub(meFixture({ role: 'admin' }), [
      { ...failed, errorReportUrl: `/api/v1/imports/${failed.id}/errors.csv` },
      importFixture(),
    ]);
    renderApp('/imports');
    const table = await screen.findByRole('table', { name: 'Import history' });
    expect(table.textContent).toContain('4 new, 0 updated, 0 unchanged, 0 rejected');
    expect(table.textContent).toContain('4 rows have problems, so nothing was imported');
    const link = screen.getByRole('link', { name: '4 rows (CSV)' });
    expect(link.getAttribute('href')).toBe(`/api/v1/imports/${failed.id}/errors.csv`);
    expect(
      screen.getByText('Choose a file to see how Rightly reads it. Nothing is written until you import.'),
    ).toBeTruthy();
  });
});
