import type { CoachingPlan } from '@rightly/core';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  auditEntryFixture,
  COACH,
  COACHED_REP,
  commitmentFixture,
  ladderFixture,
  planFixture,
  sessionFixture,
} from '../../test/coaching-fixtures';
import { teamRep, WEEK_48 } from '../../test/domain-fixtures';
import { problem } from '../../test/fake-fetch';
import { meFixture, rosterEntry, rosterFixture, testUuid } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';
import { silenceChartSizeWarnings, stubApi } from '../../test/stub-api';

const SLOW = { timeout: 5000 };
const REFUSAL =
  'The step to role outside sales needs the step below on record. Missing: a coaching plan of at least 42 days (this one has run 0); at least 3 sessions held (1 so far).';

function caseyRoster() {
  const entry = rosterEntry({
    name: COACHED_REP.name,
    team: { id: '00000000-0000-4000-8000-0000000000bb', name: 'EMEA' },
  });
  return rosterFixture([{ ...entry, rep: { ...entry.rep, id: COACHED_REP.id } }]);
}

function caseyAssessment() {
  const rep = teamRep({ name: COACHED_REP.name, statuses: { thing: 'on_track', way: 'off_track', time: 'at_risk' } });
  return {
    rep: { ...rep.rep, id: COACHED_REP.id },
    team: null,
    period: WEEK_48,
    asOf: '2026-11-27',
    rights: rep.rights,
    assessments: rep.assessments,
    trend: [],
  };
}

/** What the coached rep's Coaching tab reads: the plan as it stands when asked, no ladder step. */
function repCoachingApi(plan: () => CoachingPlan) {
  return {
    'GET /api/v1/me': meFixture({ id: COACHED_REP.id, name: COACHED_REP.name, role: 'rep' }),
    'GET /api/v1/notifications': { unread: 0, items: [] },
    'GET /api/v1/roster': caseyRoster(),
    'GET /api/v1/coaching-plans': () => jsonResponse(200, { plans: [plan()] }),
    'GET /api/v1/coaching-plans/*': () => jsonResponse(200, plan()),
    // No step above coaching on record: the rep sees no ladder card.
    'GET /api/v1/reps/*': () => jsonResponse(200, ladderFixture()),
  };
}

describe('the Coaching tab on a rep’s page', () => {
  beforeEach(() => {
    silenceChartSizeWarnings();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T20:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
    cleanup();
    vi.unstubAllGlobals();
  });

  it(
    'lets a leader start a prefilled plan, hold a session with a commitment, and shows a refused ladder step',
    { timeout: 20_000 },
    async () => {
      let plan: CoachingPlan | null = null;
      const { requests } = stubApi({
        'GET /api/v1/me': meFixture({ id: COACH.id, name: COACH.name }),
        'GET /api/v1/notifications': { unread: 0, items: [] },
        'GET /api/v1/roster': caseyRoster(),
        'GET /api/v1/coaching-plans': () => jsonResponse(200, { plans: plan ? [plan] : [] }),
        'POST /api/v1/coaching-plans': ({ body }) => {
          const input = body as { focus: CoachingPlan['focus']; reviewOn: string; goals: CoachingPlan['goals'] };
          plan = planFixture({
            focus: input.focus,
            reviewOn: input.reviewOn,
            startedOn: '2026-11-27',
            goals: input.goals.map((goal) => ({ ...goal, expectationName: null })),
          });
          return jsonResponse(201, plan);
        },
        'POST /api/v1/coaching-plans/*': ({ url, body }) => {
          if (!plan || !url.pathname.endsWith('/sessions')) throw new Error(`unexpected ${url.pathname}`);
          const input = body as {
            heldOn: string;
            notes: string;
            privateToLeaders: boolean;
            commitments: { text: string; owner: 'rep'; dueOn: string }[];
          };
          const session = sessionFixture({
            planId: plan.id,
            heldOn: input.heldOn,
            notes: input.notes,
            privateToLeaders: input.privateToLeaders,
          });
          plan = {
            ...plan,
            sessionsHeld: 1,
            openCommitments: input.commitments.length,
            sessions: [session],
            commitments: input.commitments.map((commitment) =>
              commitmentFixture({ ...commitment, planId: plan?.id ?? '', sessionId: session.id }),
            ),
          };
          return jsonResponse(201, plan);
        },
        'GET /api/v1/coaching-plans/*': () => jsonResponse(200, plan),
        'GET /api/v1/reps/*': ({ url }) => {
          if (url.pathname.endsWith('/ladder')) return jsonResponse(200, ladderFixture());
          if (url.pathname.endsWith('/assessment')) return jsonResponse(200, caseyAssessment());
          throw new Error(`unexpected ${url.pathname}`);
        },
        'GET /api/v1/audit': { entries: [auditEntryFixture()], nextCursor: null },
        'POST /api/v1/reps/*': () => jsonResponse(409, problem(409, 'conflict', REFUSAL)),
      });
      const user = userEvent.setup();
      renderApp(`/reps/${COACHED_REP.id}?tab=coaching`);

      await screen.findByRole('heading', { name: 'No active coaching plan' }, SLOW);
      await user.click(screen.getByRole('button', { name: 'Start a coaching plan' }));
      const form = await screen.findByRole('form', { name: 'Start a coaching plan' });
      // Prefilled from the assessment: the right way is off track, and its expectation becomes a goal.
      expect((within(form).getByRole('checkbox', { name: /The right way/ }) as HTMLInputElement).checked).toBe(true);
      expect((within(form).getByRole('checkbox', { name: /The right thing/ }) as HTMLInputElement).checked).toBe(false);
      expect((within(form).getByRole('textbox', { name: 'Goal 1' }) as HTMLInputElement).value).toBe(
        'Reach 2 on meetings booked from prospecting (Weekly prospecting: first meetings booked)',
      );
      expect((within(form).getByLabelText(/^Review on/) as HTMLInputElement).value).toBe('2027-01-08');
      await user.click(within(form).getByRole('button', { name: 'Start plan' }));

      const planCard = await screen.findByRole('region', { name: 'Coaching plan' });
      const created = requests.find(
        (request) => request.method === 'POST' && request.url.pathname === '/api/v1/coaching-plans',
      );
      expect(created?.body).toMatchObject({
        repId: COACHED_REP.id,
        focus: ['way'],
        reviewOn: '2027-01-08',
        fromNeedsHelp: true,
      });
      expect(
        await within(planCard).findByText(
          /first meetings \+1\.2 a week against the team’s \+0\.3: \+0\.9 beyond the team/i,
        ),
      ).toBeTruthy();

      // Hold a session with one commitment for the rep, notes private to leaders.
      await user.click(within(planCard).getByRole('button', { name: 'Hold a session' }));
      const sessionForm = within(planCard).getByRole('form', { name: 'Hold a session' });
      await user.type(within(sessionForm).getByRole('textbox', { name: /^Notes/ }), 'Talked about the Friday report.');
      await user.click(within(sessionForm).getByRole('switch', { name: /Notes private to leaders/ }));
      await user.click(within(sessionForm).getByRole('button', { name: 'Add a commitment' }));
      await user.type(within(sessionForm).getByRole('textbox', { name: 'Commitment 1' }), 'Send the report by noon');
      await user.click(within(sessionForm).getByRole('button', { name: 'Save session' }));
      await within(planCard).findByText('Session of today saved with 1 commitment.');
      const posted = requests.find((request) => request.url.pathname.endsWith('/sessions'));
      expect(posted?.body).toEqual({
        heldOn: '2026-11-27',
        notes: 'Talked about the Friday report.',
        privateToLeaders: true,
        commitments: [{ text: 'Send the report by noon', owner: 'rep', dueOn: '2026-12-04' }],
      });
      expect(within(planCard).getByTestId('private-note-badge')).toBeTruthy();
      const commitments = within(planCard).getByRole('list', { name: 'Commitments' });
      expect(commitments.textContent).toContain('Send the report by noon');
      expect(commitments.textContent).toContain('Casey Nguyen');

      // The ladder: the checklist shows what is missing, and the server's refusal is shown as it is.
      const ladder = screen.getByRole('region', { name: 'Consequence ladder' });
      const checklist = within(ladder).getByTestId('ladder-requirements');
      expect(checklist.querySelectorAll('[data-met="false"]')).toHaveLength(2);
      const take = within(ladder).getByRole('button', { name: 'Take the next step: Role outside sales' });
      await user.click(take);
      expect(within(ladder).getByText(/^Write why this step is needed/)).toBeTruthy();
      expect(requests.filter((request) => request.url.pathname.endsWith('/ladder-steps'))).toEqual([]);
      await user.type(within(ladder).getByRole('textbox', { name: /^Reason/ }), 'Late every week since September');
      await user.click(take);
      const refusal = await within(ladder).findByTestId('ladder-refusal');
      expect(refusal.textContent).toContain(REFUSAL);
      // The audit log shows ladder steps and outcomes; every coaching entry on request.
      expect(within(ladder).getByText('No ladder step or plan outcome on record.')).toBeTruthy();
      await user.click(within(ladder).getByRole('button', { name: 'Show every coaching entry' }));
      expect(within(ladder).getByText('Coaching plan started')).toBeTruthy();
    },
  );

  it('lets the rep tick off their own commitment and keeps private notes and the ladder away', async () => {
    const privateSession = sessionFixture({ notes: null, privateToLeaders: true });
    const openSession = sessionFixture({ heldOn: '2026-11-13', notes: 'Shared: pipeline review' });
    const mine = commitmentFixture({ sessionId: privateSession.id });
    const leaders = commitmentFixture({
      owner: 'leader',
      ownerId: COACH.id,
      ownerName: COACH.name,
      text: 'Share the call recordings',
    });
    let plan = planFixture({ sessions: [privateSession, openSession], commitments: [mine, leaders], sessionsHeld: 2 });
    const { requests } = stubApi({
      ...repCoachingApi(() => plan),
      'PATCH /api/v1/commitments/*': () => {
        const done = { ...mine, doneAt: '2026-11-27T19:00:00.000Z', doneBy: COACHED_REP.id };
        plan = { ...plan, commitments: [done, leaders] };
        return jsonResponse(200, done);
      },
    });
    renderApp(`/reps/${COACHED_REP.id}?tab=coaching`);

    const planCard = await screen.findByRole('region', { name: 'Coaching plan' }, SLOW);
    const box = await within(planCard).findByRole('checkbox', { name: `Done: ${mine.text}` });
    // Only the owner ticks: the leader's item is read-only for the rep.
    expect(
      (within(planCard).getByRole('checkbox', { name: 'Done: Share the call recordings' }) as HTMLInputElement)
        .disabled,
    ).toBe(true);
    // Ticked the moment it is clicked, before the server answers: a box that springs back for an
    // instant reads as "it did not take" (and made Playwright's check() fail now and then).
    fireEvent.click(box);
    expect((box as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(requests.find((request) => request.method === 'PATCH')?.body).toEqual({ done: true }));
    expect((box as HTMLInputElement).checked).toBe(true);
    await within(planCard).findByText(/^Done · was due/);

    // The private session is there, without its notes and without the lock badge; the shared one shows its notes.
    expect(within(planCard).queryByTestId('private-note-badge')).toBeNull();
    expect(
      within(planCard)
        .getAllByTestId('session-notes')
        .map((node) => node.textContent),
    ).toEqual(['Shared: pipeline review']);
    expect(screen.queryByRole('region', { name: 'Consequence ladder' })).toBeNull();
    expect(within(planCard).queryByRole('button', { name: 'Hold a session' })).toBeNull();
    expect(within(planCard).queryByText('Export for HR (PDF)')).toBeNull();
  });

  it('puts the tick back and says why when the server refuses it', async () => {
    const mine = commitmentFixture({});
    const plan = planFixture({ commitments: [mine] });
    stubApi({
      ...repCoachingApi(() => plan),
      'PATCH /api/v1/commitments/*': () =>
        jsonResponse(409, problem(409, 'conflict', 'The plan is closed: its commitments can no longer change.')),
    });
    renderApp(`/reps/${COACHED_REP.id}?tab=coaching`);
    const planCard = await screen.findByRole('region', { name: 'Coaching plan' }, SLOW);
    const box = await within(planCard).findByRole('checkbox', { name: `Done: ${mine.text}` });
    fireEvent.click(box);
    expect((box as HTMLInputElement).checked).toBe(true);
    const alert = await within(planCard).findByRole('alert');
    expect(alert.textContent).toContain('The plan is closed');
    expect((box as HTMLInputElement).checked).toBe(false);
  });

  it('shows the rep the ladder steps on record about them, read-only, with the reasons', async () => {
    const plan = planFixture({ sessions: [], commitments: [] });
    stubApi({
      'GET /api/v1/me': meFixture({ id: COACHED_REP.id, name: COACHED_REP.name, role: 'rep' }),
      'GET /api/v1/notifications': { unread: 0, items: [] },
      'GET /api/v1/roster': caseyRoster(),
      'GET /api/v1/coaching-plans': { plans: [plan] },
      'GET /api/v1/coaching-plans/*': plan,
      'GET /api/v1/reps/*': ladderFixture({
        current: 'role_outside_sales',
        next: 'replace',
        steps: [
          {
            id: testUuid(),
            step: 'role_outside_sales',
            reason: 'Agreed together: a move to customer success suits Casey better',
            takenAt: '2026-11-20T10:00:00.000Z',
            takenBy: COACH.id,
            takenByName: COACH.name,
            planId: plan.id,
          },
        ],
      }),
    });
    renderApp(`/reps/${COACHED_REP.id}?tab=coaching`);
    const ladder = await screen.findByRole('region', { name: 'Consequence ladder' }, SLOW);
    expect(within(ladder).getByTestId('ladder-steps-on-record').textContent).toContain(
      'a move to customer success suits Casey better',
    );
    expect(within(ladder).queryByRole('button', { name: /Take the next step/ })).toBeNull();
    expect(within(ladder).queryByRole('textbox')).toBeNull();
  }, 20_000);

  it('says so when the plans cannot be loaded, and offers a retry', async () => {
    stubApi({
      'GET /api/v1/me': meFixture(),
      'GET /api/v1/notifications': { unread: 0, items: [] },
      'GET /api/v1/roster': caseyRoster(),
      'GET /api/v1/coaching-plans': () =>
        jsonResponse(403, problem(403, 'forbidden', 'You cannot see this rep’s coaching.')),
      'GET /api/v1/reps/*': () => jsonResponse(200, ladderFixture()),
      'GET /api/v1/audit': { entries: [], nextCursor: null },
    });
    renderApp(`/reps/${COACHED_REP.id}?tab=coaching`);
    expect(await screen.findByText('The coaching plans could not be loaded', undefined, SLOW)).toBeTruthy();
    expect(screen.getByText('You cannot see this rep’s coaching.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
  });
});
