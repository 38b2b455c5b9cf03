import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** OpenAPI 3 from the routes' Zod schemas, served at /api/openapi.json with a browsable page at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, params: { version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Rightly API',
        version: params.version,
        description:
          'Sales accountability: the right thing, the right way, at the right time. ' +
          'Sign in with POST /api/v1/auth/sign-in; the session cookie authenticates the other calls. ' +
          'Errors are RFC 9457 problem+json with a `code` and, for invalid input, `errors` naming each field.',
      },
      tags: [
        { name: 'system', description: 'Health and API description' },
        { name: 'auth', description: 'Sign-in and the signed-in user' },
        { name: 'team', description: 'Teams, reps and their recent work' },
        { name: 'expectations', description: 'Metrics, expectations, templates, target suggestions and lint' },
        { name: 'assessments', description: 'The three-rights assessment, who needs help, and the forecast' },
        { name: 'imports', description: 'CRM exports in: uploads, progress, error reports' },
        { name: 'audit', description: 'The org’s append-only audit log: who did what to whom, and when' },
      ],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'rightly_session' },
          // Integrations: `Authorization: Bearer rly_…` works wherever a session does, within the token's scopes.
          apiToken: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());
}
