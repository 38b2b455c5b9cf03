import { EXPECTATION_TEMPLATES } from '@rightly/core';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectationFixture, metricsFixture } from '../../test/domain-fixtures';
import { problem } from '../../test/fake-fetch';
import { meFixture, rosterFixture, testUuid } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';
import { stubApi } from '../../test/stub-api';

/** Pages load lazily: the first render of a test can take a while on a busy machine. */
const SLOW = { timeout: 5000 };

const teamId = testUuid();
const teams = { teams: [{ id: teamId, name: 'NA Enterprise', parentId: null, leader: null }] };
const templates = EXPECTATION_TEMPLATES.map((t) => ({
  key: t.key,
  name: t.name,
  why: t.why,
  defaults: { name: t.defaults.name, metric: t.defaults.metric, target: t.defaults.target, period: t.defaults.period },
}));

function baseApi(expectations: ReturnType<typeof expectationFixture>[], extra: Record<string, unknown> = {}) {
  return {
    'GET /api/v1/me': meFixture(),
    'GET /api/v1/metrics': metricsFixture(),
    'GET /api/v1/teams': teams,
    'GET /api/v1/roster': rosterFixture([]),
    'GET /api/v1/expectations': { expectations, templates },
    'GET /api/v1/expectations/target-suggestions': {
      metric: 'prospecting_meetings_booked',
      period: 'week',
      reps: [],
      suggested: 3,
    },
    'POST /api/v1/expectations/lint': { warnings: [] },
    ...extra,
  };
}

/** The input a label belongs to, and the message Mantine links to it when it has an error. */
function errorOf(input: HTMLElement): string | null {
  if (input.getAttribute('aria-invalid') !== 'true') return null;
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

describe('expectation editor', () => {
  beforeEach(() => vi.useRealTimers());
  afterEach(() => {
    vi.restoreAllMocks();
    cleanup();
    vi.unstubAllGlobals();
  });

  it('fills the form from the saved expectation and shows the server’s advice while editing', async () => {
    const calls = expectationFixture({ name: 'Calls', metric: 'calls_made', target: 40, way: [] });
    const { requests } = stubApi(
      baseApi([calls], {
        'POST /api/v1/expectations/lint': {
          warnings: [
            {
              code: 'activity_without_outcome',
              field: 'metric',
              message:
                '"Calls" counts calls made, an activity: counting calls instead of first meetings rewards motion.',
            },
          ],
        },
      }),
    );
    renderApp(`/expectations/${calls.id}`);

    expect(((await screen.findByLabelText(/^Name/, { selector: 'input' }, SLOW)) as HTMLInputElement).value).toBe(
      'Calls',
    );
    expect((screen.getByLabelText(/^Target/, { selector: 'input' }) as HTMLInputElement).value).toBe('40');
    const advice = await screen.findByRole('region', { name: 'Advice on this expectation' });
    await waitFor(() => expect(advice.textContent).toContain('counting calls instead of first meetings'), {
      timeout: 3000,
    });
    const lint = requests.find((r) => r.method === 'POST' && r.url.pathname === '/api/v1/expectations/lint');
    expect(lint?.body).toMatchObject({
      id: calls.id,
      expectation: { name: 'Calls', metric: 'calls_made', target: 40 },
    });
    // The suggestion from history sits beside the target, with a button to use it.
    const suggestion = screen.getByRole('complementary', { name: 'Suggested target' });
    expect(suggestion.textContent).toContain('Suggested: 3');
  });

  it('puts the server’s field errors under the inputs they name', async () => {
    const prospecting = expectationFixture();
    const { requests } = stubApi(
      baseApi([prospecting], {
        [`PATCH /api/v1/expectations/${prospecting.id}`]: () =>
          jsonResponse(
            400,
            problem(400, 'validation_failed', 'target: is too high; way.0.bound.value: must be at most 100', [
              { field: 'target', message: 'is too high for a week' },
              { field: 'way.0.bound.value', message: 'must be at most 100' },
              { field: 'template', message: 'cannot be changed' },
            ]),
          ),
      }),
    );
    const user = userEvent.setup();
    renderApp(`/expectations/${prospecting.id}`);

    const target = await screen.findByLabelText(/^Target/, { selector: 'input' }, SLOW);
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The expectation was not saved');
    expect(alert.textContent).toContain('template: cannot be changed');
    await waitFor(() => expect(errorOf(target)).toContain('is too high for a week'));
    const way = screen.getByRole('group', { name: 'Way standard 1' });
    expect(errorOf(within(way).getByLabelText(/^Value/, { selector: 'input' }))).toContain('must be at most 100');
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.body).toMatchObject({ target: 2, way: [{ bound: { kind: 'absolute', value: 55 } }] });

    // Editing the target clears its message; the other stays until its input changes.
    await user.clear(target);
    await user.type(target, '3');
    expect(errorOf(target)).toBeNull();
    expect(errorOf(within(way).getByLabelText(/^Value/, { selector: 'input' }))).toContain('must be at most 100');
  });

  it('names the missing fields of a new expectation without sending it', async () => {
    const { requests } = stubApi(baseApi([]));
    const user = userEvent.setup();
    renderApp('/expectations/new');
    await user.click(await screen.findByRole('button', { name: 'Create expectation' }, SLOW));

    expect((await screen.findByRole('alert')).textContent).toContain('Fix the fields marked below');
    expect(errorOf(screen.getByLabelText(/^Name/, { selector: 'input' }))).toContain('is required');
    expect(errorOf(screen.getByLabelText(/^Metric/, { selector: 'input' }))).toContain('choose a metric');
    expect(errorOf(screen.getByLabelText(/^Target/, { selector: 'input' }))).toContain('is required');
    expect(requests.filter((r) => r.method === 'POST' && r.url.pathname === '/api/v1/expectations')).toEqual([]);
  });

  it('adopts a template for a team, then opens it in the editor', async () => {
    const adopted = expectationFixture({
      name: 'Strategic share of new pipeline',
      metric: 'strategic_share_of_new_pipeline',
      target: 35,
      period: 'quarter',
      way: [],
      scope: { kind: 'team', teamId },
      startsOn: '2026-11-27',
    });
    let listed: ReturnType<typeof expectationFixture>[] = [];
    const { requests } = stubApi({
      ...baseApi([]),
      'GET /api/v1/expectations': () => jsonResponse(200, { expectations: listed, templates }),
      'POST /api/v1/expectations/templates/strategic_mix/adopt': () => {
        listed = [adopted];
        return jsonResponse(201, adopted);
      },
    });
    const user = userEvent.setup();
    renderApp('/expectations');

    await user.click(await screen.findByRole('button', { name: 'Adopt Strategic mix' }, SLOW));
    const dialog = await screen.findByRole('dialog');
    // "All reps" unless changed.
    expect((within(dialog).getByLabelText('Role', { selector: 'input' }) as HTMLInputElement).value).toBe('All reps');
    await user.click(within(dialog).getByRole('radio', { name: 'A team' }));
    const teamInput = within(dialog).getByLabelText(/^Team/, { selector: 'input' });
    await waitFor(() => expect(teamInput.hasAttribute('disabled')).toBe(false));
    await user.click(teamInput);
    await user.click(await screen.findByRole('option', { name: 'NA Enterprise', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Adopt and edit' }));

    await waitFor(() =>
      expect(screen.getByTestId('location').textContent).toBe(`/expectations/${adopted.id}?adopted=1`),
    );
    expect(await screen.findByText('Adopted from the playbook')).toBeTruthy();
    const adopt = requests.find((r) => r.url.pathname.endsWith('/adopt'));
    expect(adopt?.body).toMatchObject({ scope: { kind: 'team', teamId } });
  });

  it('shows a rep the list without any control to change it', async () => {
    const prospecting = expectationFixture(
      {},
      { warnings: [{ code: 'metric_not_measured', field: 'metric', message: 'Not measured yet.' }] },
    );
    stubApi({ ...baseApi([prospecting]), 'GET /api/v1/me': meFixture({ name: 'Riley Carter', role: 'rep' }) });
    renderApp('/expectations');

    const card = await screen.findByRole('article', { name: prospecting.name }, SLOW);
    expect(card.textContent).toContain('Meetings booked from prospecting');
    expect(card.textContent).toContain('2 per week');
    expect(card.textContent).toContain('Phone share of prospecting at least 55%');
    expect(card.textContent).toContain('Lead time: one sales cycle');
    expect(card.textContent).toContain('Not measured yet.');
    expect(screen.queryByRole('button', { name: /Edit|Adopt/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /Edit|New expectation/ })).toBeNull();
  });
});
