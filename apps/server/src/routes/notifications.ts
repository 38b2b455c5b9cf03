import { notificationPreferencesSchema, notificationsResponseSchema, problemSchema } from '@rightly/core';
import {
  getPreferences,
  listNotifications,
  markRead,
  unsubscribe,
  updatePreferences,
  type SessionDeps,
} from '@rightly/services';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { viewerOf } from '../plugins/auth';

const security = [{ session: [] }];
const tags = ['notifications'];

export const notificationRoutes: FastifyPluginAsyncZod<{ deps: SessionDeps }> = async (app, { deps }) => {
  // Mail clients send RFC 8058 one-click unsubscribes as a form post ("List-Unsubscribe=One-Click").
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags,
        security,
        summary: 'Your notifications, newest first, with the unread count',
        response: { 200: notificationsResponseSchema, 401: problemSchema },
      },
    },
    (request) => listNotifications(deps, { viewer: viewerOf(request) }),
  );

  app.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags,
        security,
        summary: 'Mark your notifications read (all, when no ids are given)',
        body: z.object({ ids: z.array(z.uuid()).max(500).optional() }).default({}),
        response: { 200: z.object({ unread: z.number().int() }), 400: problemSchema, 401: problemSchema },
      },
    },
    (request) => markRead(deps, { viewer: viewerOf(request), ids: request.body.ids ?? null }),
  );

  app.get(
    '/api/v1/notification-preferences',
    {
      schema: {
        tags,
        security,
        summary: 'Your channels (e-mail, Slack) and which messages you get',
        response: { 200: notificationPreferencesSchema, 401: problemSchema },
      },
    },
    (request) => getPreferences(deps, { viewer: viewerOf(request) }),
  );

  app.put(
    '/api/v1/notification-preferences',
    {
      schema: {
        tags,
        security,
        summary: 'Change your notification preferences',
        body: notificationPreferencesSchema,
        response: { 200: notificationPreferencesSchema, 400: problemSchema, 401: problemSchema },
      },
    },
    (request) => updatePreferences(deps, { viewer: viewerOf(request), preferences: request.body }),
  );

  app.post(
    '/api/v1/unsubscribe',
    {
      // Mail providers post this from their own servers or pages; the signed token is the authority.
      config: { public: true, allowCrossSite: true },
      schema: {
        tags,
        summary: 'One-click unsubscribe from e-mails (RFC 8058), by the signed token in the link; no sign-in',
        querystring: z.object({ token: z.string().min(1).max(2000) }),
        response: {
          200: z.object({ channel: z.enum(['email', 'slack', 'all']), done: z.literal(true) }),
          400: problemSchema,
        },
      },
    },
    (request) => unsubscribe(deps, { token: request.query.token }),
  );
};
