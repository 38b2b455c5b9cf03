import { AppError, type ErrorCode, type FieldIssue } from '@rightly/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HTTP_STATUS, PROBLEM_CONTENT_TYPE, problemFor } from '../http/problem';
import type { SpaFallback } from './web-app';

/**
 * Every error leaves as RFC 9457 problem+json from here and nowhere else. Validation failures name
 * their fields; server faults are logged in full and shown only as a reference id.
 */
export function registerErrorHandling(app: FastifyInstance, params: { spaFallback: SpaFallback }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const { code, detail, issues } = classify(error, request);
    if (error instanceof AppError && error.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
    }
    if (HTTP_STATUS[code] >= 500) {
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ code, detail }, 'request refused');
    }
    return sendProblem(reply, request, { code, detail, issues });
  });

  app.setNotFoundHandler(
    (request, reply) =>
      params.spaFallback(request, reply) ??
      sendProblem(reply, request, {
        code: 'not_found',
        detail: `There is no ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`,
      }),
  );
}

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  params: { code: ErrorCode; detail: string; issues?: FieldIssue[] },
): FastifyReply {
  return reply
    .status(HTTP_STATUS[params.code])
    .type(PROBLEM_CONTENT_TYPE)
    .send(
      problemFor({
        ...params,
        instance: request.url.split('?')[0] ?? request.url,
        requestId: String(request.id),
      }),
    );
}

function classify(
  error: FastifyError,
  request: FastifyRequest,
): { code: ErrorCode; detail: string; issues?: FieldIssue[] } {
  if (error instanceof AppError) return { code: error.code, detail: error.message, issues: error.issues };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      field: v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (error.validationContext ?? 'body'),
      message: v.message ?? 'is not valid',
    }));
    return {
      code: 'validation_failed',
      detail: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
      issues,
    };
  }
  const status = error.statusCode ?? 500;
  if (status === 413)
    return { code: 'payload_too_large', detail: 'The request body is larger than this endpoint accepts.' };
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, wrong content type): their messages are safe to show.
    return { code: status === 404 ? 'not_found' : 'bad_request', detail: error.message };
  }
  return {
    code: 'internal',
    detail: `Something went wrong on our side. Quote reference ${String(request.id)} when reporting it.`,
  };
}
