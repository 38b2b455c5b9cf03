import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import type { ImportJobs, PeopleMail, SessionDeps } from '@rightly/services';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { PasswordResetDelivery } from './password-reset-delivery';
import { logSafeUrl } from './http/log-safe-url';
import { registerAuth } from './plugins/auth';
import { registerCsrf } from './plugins/csrf';
import { registerErrorHandling } from './plugins/error-handler';
import { registerOpenApi } from './plugins/openapi';
import { registerSecurityHeaders } from './plugins/security-headers';
import { registerWebApp } from './plugins/web-app';
import { accountSecurityRoutes } from './routes/account-security';
import { authRoutes } from './routes/auth';
import { healthRoutes } from './routes/health';
import { assessmentRoutes } from './routes/assessments';
import { auditRoutes } from './routes/audit';
import { coachingRoutes } from './routes/coaching';
import { expectationRoutes } from './routes/expectations';
import { metricRoutes } from './routes/metrics';
import { importRoutes } from './routes/imports';
import { notificationRoutes } from './routes/notifications';
import { reportRoutes } from './routes/reports';
import { rosterRoutes } from './routes/roster';
import { teamRoutes } from './routes/teams';
import { invitationRoutes } from './routes/invitations';
import { userRoutes } from './routes/users';
import { ssoRoutes } from './routes/sso';
import { apiTokenRoutes } from './routes/api-tokens';
import { RIGHTLY_VERSION } from './version';

export interface BuildAppOptions {
  deps: SessionDeps;
  logLevel?: string;
  /** Human-readable log lines (for a terminal); JSON lines otherwise, for log collectors. */
  prettyLogs?: boolean;
  trustProxy?: boolean;
  /** The built web app; defaults to apps/web/dist in this checkout. */
  webDistDir?: string;
  /** Runs uploaded imports; without it, uploads are refused (the CLI imports in-process). */
  importJobs?: ImportJobs | null;
  /** How invitation links go out; without it, the admin is given each link to pass on. */
  mail?: PeopleMail;
  /** Where password-reset links go; without it they are not sent (a warning is logged). */
  passwordReset?: PasswordResetDelivery;
  /** Told of every route as it is added: the authorization matrix test builds its route table from it. */
  onRoute?: (route: { method: string; url: string }) => void;
}

export const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The whole HTTP application, without listening: tests drive it through `inject`, server.ts
 * puts it on a port. Nothing here opens a database or reads the environment.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          url: logSafeUrl(request.url),
          host: request.host,
          remoteAddress: request.ip,
        }),
      },
      ...(options.prettyLogs
        ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } }
        : {}),
    },
    trustProxy: options.trustProxy ?? false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
  });
  const { onRoute } = options;
  if (onRoute) {
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) onRoute({ method, url: route.url });
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await registerSecurityHeaders(app);
  const spaFallback = await registerWebApp(app, { distDir: options.webDistDir ?? DEFAULT_WEB_DIST });
  registerErrorHandling(app, { spaFallback });
  await app.register(fastifyCookie);
  // Uploads stream through: the import routes set their own limits per request.
  await app.register(fastifyMultipart);
  registerAuth(app, options.deps);
  registerCsrf(app, options.deps);
  await registerOpenApi(app, { version: RIGHTLY_VERSION });

  await app.register(healthRoutes, { deps: options.deps });
  await app.register(authRoutes, { deps: options.deps });
  const passwordReset = options.passwordReset;
  await app.register(accountSecurityRoutes, {
    deps: {
      ...options.deps,
      appUrl: passwordReset?.appUrl ?? (() => 'http://localhost:3000'),
      deliverPasswordReset:
        passwordReset?.deliver ??
        (async () => app.log.warn('password reset requested, but this server has no way to send e-mail')),
    },
  });
  await app.register(rosterRoutes, { deps: options.deps });
  await app.register(teamRoutes, { deps: options.deps });
  await app.register(metricRoutes, { deps: options.deps });
  await app.register(expectationRoutes, { deps: options.deps });
  await app.register(assessmentRoutes, { deps: options.deps });
  await app.register(coachingRoutes, { deps: options.deps });
  await app.register(importRoutes, { deps: options.deps, jobs: options.importJobs ?? null });
  await app.register(reportRoutes, { deps: options.deps });
  await app.register(notificationRoutes, { deps: options.deps });
  await app.register(userRoutes, { deps: options.deps });
  await app.register(invitationRoutes, {
    deps: { ...options.deps, mail: options.mail ?? { email: null, appUrl: () => null } },
  });
  await app.register(ssoRoutes, { deps: options.deps });
  await app.register(apiTokenRoutes, { deps: options.deps });
  await app.register(auditRoutes, { deps: options.deps });
  return app;
}
