import { AppError, type ApiTokenScope, type Viewer } from '@rightly/core';
import { authenticateApiToken, type SessionDeps } from '@rightly/services';
import type { FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** How the viewer proved who they are: CSRF checks apply to `session` writes only. */
    authMethod: 'session' | 'token' | null;
  }
}

/** Token routes that a token must not reach: a leaked token must not mint or keep itself, or change sign-in. */
const SESSION_ONLY = ['/api/v1/api-tokens', '/api/v1/sso-settings', '/api/v1/auth/'];

const INVALID =
  'The API token is not valid, or it was revoked or has expired. Create a new one under Settings → API tokens.';

/** The scope a request needs: reads need `read`, uploads `import`, every other change `write`. */
export function scopeForRequest(request: Pick<FastifyRequest, 'method' | 'url'>): ApiTokenScope {
  if (request.method === 'GET' || request.method === 'HEAD') return 'read';
  return request.url.startsWith('/api/v1/imports') ? 'import' : 'write';
}

/**
 * Authenticates `Authorization: Bearer rly_…`. Every failure to identify the token gets one
 * message, so the answer does not tell a guessed token from a revoked one.
 */
export async function viewerFromBearer(
  deps: SessionDeps,
  request: FastifyRequest,
  authorization: string,
): Promise<Viewer> {
  const match = /^Bearer ([\x21-\x7e]{1,200})$/i.exec(authorization.trim());
  const found = match?.[1] ? await authenticateApiToken(deps, { token: match[1] }) : null;
  if (!found) throw new AppError({ code: 'unauthenticated', message: INVALID });
  const path = request.url.split('?')[0] ?? '';
  if (SESSION_ONLY.some((prefix) => path.startsWith(prefix))) {
    throw new AppError({
      code: 'forbidden',
      message: 'API tokens cannot manage API tokens, SSO or sign-in; do that signed in to Rightly.',
    });
  }
  const needed = scopeForRequest(request);
  if (!found.scopes.includes(needed)) {
    throw new AppError({
      code: 'forbidden',
      message: `This API token has the scope${found.scopes.length > 1 ? 's' : ''} ${found.scopes.join(', ')}; ${request.method} ${path} needs ${needed}. Create a token with the ${needed} scope.`,
    });
  }
  return found.viewer;
}
