import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem } from '../../test/fake-fetch';
import { meFixture } from '../../test/fixtures';
import { jsonResponse } from '../../test/json-response';
import { renderApp } from '../../test/render-app';

const me = meFixture();
const DEMO = { email: 'leader@demo.test', password: 'rightly-demo', role: 'leader of the whole sales org' };

/** A tiny stand-in for the server: one account, a session once signed in. */
function fakeServer(options: { demoSignIns: (typeof DEMO)[] }) {
  let signedIn = false;
  const signInBodies: unknown[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (path === '/api/v1/me') {
      return signedIn ? jsonResponse(200, me) : jsonResponse(401, problem(401, 'unauthenticated', 'Sign in first.'));
    }
    if (path === '/api/v1/auth/demo-sign-ins') return jsonResponse(200, { signIns: options.demoSignIns });
    if (path === '/api/v1/auth/sign-in' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { email: string; password: string };
      signInBodies.push(body);
      if (!body.email) {
        return jsonResponse(
          400,
          problem(400, 'validation_failed', 'email: must be an e-mail address', [
            { field: 'email', message: 'must be an e-mail address like name@company.com' },
            { field: 'password', message: 'is required' },
          ]),
        );
      }
      if (body.password !== DEMO.password) {
        return jsonResponse(401, problem(401, 'invalid_credentials', 'The e-mail or the password is wrong.'));
      }
      signedIn = true;
      return jsonResponse(200, me);
    }
    throw new Error(`Unexpected request in test: ${init?.method ?? 'GET'} ${path}`);
  });
  return { fetchImpl, signInBodies };
}

describe('sign-in page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends a signed-out visitor to sign-in, shows field errors, then returns them to the page they asked for', async () => {
    const server = fakeServer({ demoSignIns: [] });
    vi.stubGlobal('fetch', server.fetchImpl);
    const user = userEvent.setup();
    renderApp('/settings');

    const submit = await screen.findByRole('button', { name: 'Sign in' });
    expect(screen.getByTestId('location').textContent).toBe('/sign-in?returnTo=%2Fsettings');

    await user.click(submit);
    expect(await screen.findByText('E-mail must be an e-mail address like name@company.com')).toBeTruthy();
    expect(screen.getByText('Password is required')).toBeTruthy();

    await user.type(screen.getByLabelText(/E-mail/), 'leader@demo.test');
    await user.type(screen.getByLabelText(/Password/), 'wrong');
    await user.click(submit);
    expect(await screen.findByText('The e-mail or the password is wrong.')).toBeTruthy();
    expect(screen.queryByText('Password is required')).toBeNull();

    await user.clear(screen.getByLabelText(/Password/));
    await user.type(screen.getByLabelText(/Password/), DEMO.password);
    await user.click(submit);

    await screen.findByRole('heading', { name: 'Settings' });
    expect(screen.getByTestId('location').textContent).toBe('/settings');
    expect(screen.getByText('America/New_York')).toBeTruthy();
    expect(server.signInBodies).toHaveLength(3);
  });

  it('fills the form from a demo sign-in, and shows no demo box without a demo organization', async () => {
    const server = fakeServer({ demoSignIns: [DEMO] });
    vi.stubGlobal('fetch', server.fetchImpl);
    const user = userEvent.setup();
    renderApp('/sign-in');

    await user.click(await screen.findByRole('button', { name: /leader@demo\.test/ }));
    expect((screen.getByLabelText(/E-mail/) as HTMLInputElement).value).toBe('leader@demo.test');
    expect((screen.getByLabelText(/Password/) as HTMLInputElement).value).toBe('rightly-demo');
    cleanup();

    const realInstall = fakeServer({ demoSignIns: [] });
    vi.stubGlobal('fetch', realInstall.fetchImpl);
    const { queryClient } = renderApp('/sign-in');
    await screen.findByRole('button', { name: 'Sign in' });
    await waitFor(() => expect(queryClient.getQueryState(['demo-sign-ins'])?.status).toBe('success'));
    expect(screen.queryByText('Demo sign-ins')).toBeNull();
  });
});
