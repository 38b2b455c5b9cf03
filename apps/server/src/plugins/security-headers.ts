import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * Browser-side defences for every response. The content security policy allows only our own
 * scripts; inline styles are allowed because Mantine and the charts set them at run time.
 * `upgrade-insecure-requests` is off: Rightly is often reached over plain HTTP on a LAN address,
 * where upgrading would break every asset.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
  });
}
