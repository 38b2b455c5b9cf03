import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export type SpaFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | null;

/**
 * Serves the built web app from the same port as the API. Hashed assets are cached for a year;
 * index.html never, so a new release is picked up on the next load. A deep link such as /team/42
 * answers with index.html and the client-side router takes over.
 */
export async function registerWebApp(app: FastifyInstance, params: { distDir: string }): Promise<SpaFallback> {
  const built = existsSync(join(params.distDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: params.distDir,
      wildcard: false,
      index: false,
      cacheControl: false,
      setHeaders: (reply, path) => {
        const hashed = path.startsWith(join(params.distDir, 'assets'));
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').sendFile('index.html'),
    );
  }
  return (request, reply) => {
    const wantsPage =
      (request.method === 'GET' || request.method === 'HEAD') &&
      !request.url.startsWith('/api/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return null;
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built yet. Run `npm run build` (npm start does it for you) and reload.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };
}
