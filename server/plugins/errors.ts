import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import secureJsonParse from 'secure-json-parse';
import { AppError } from '../errors.js';
import { type MessageKey, t } from '../i18n/messages.js';
import { localeOf } from './locale.js';
import { describeValidationError } from './validation.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  field?: string;
}

/** Sends an RFC 9457 problem document in the caller's language. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: MessageKey,
  params: Record<string, string | number> = {},
  field?: string,
  detailOverride?: string,
): FastifyReply {
  const detail = detailOverride ?? t(localeOf(request), code, params);
  const body: Problem = {
    type: `urn:kuaan:problem:${code}`,
    title: code,
    status,
    detail,
    code,
    ...(field ? { field } : {}),
  };
  return reply.status(status).type('application/problem+json; charset=utf-8').send(body);
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** Maps every error to a problem document; unexpected ones are logged and shown as a generic 500. */
export function installErrorHandling(app: FastifyInstance): void {
  // JSON bodies: refuse invalid UTF-8 instead of letting it turn into U+FFFD, and refuse __proto__ tricks.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let text: string;
    try {
      text = decoder.decode(body);
    } catch {
      done(new AppError(400, 'invalid_utf8'), undefined);
      return;
    }
    if (text.trim() === '') {
      done(null, undefined);
      return;
    }
    try {
      done(null, secureJsonParse.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(new AppError(400, 'invalid_json'), undefined);
    }
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.code, error.params, error.field);
    }
    const fe = error as FastifyError;
    if (fe.validation) {
      const { field, message } = describeValidationError(
        fe.validation as never,
        fe.validationContext ?? 'body',
        localeOf(request),
      );
      return sendProblem(request, reply, 400, 'validation_failed', {}, field, message);
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return sendProblem(request, reply, 415, 'unsupported_media_type', {
        type: String(request.headers['content-type'] ?? 'none'),
      });
    }
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE') {
      return sendProblem(request, reply, 413, 'payload_too_large', { limit: `${app.initialConfig.bodyLimit} bytes` });
    }
    if (fe.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fe.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendProblem(request, reply, 400, 'invalid_json');
    }
    if (fe.statusCode === 429) {
      const seconds = Math.max(1, Math.ceil(Number(reply.getHeader('retry-after') ?? 60)));
      return sendProblem(request, reply, 429, 'rate_limited', { seconds });
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      request.log.info({ err: fe }, 'client error');
      return sendProblem(request, reply, fe.statusCode, 'field_invalid' as MessageKey, {}, undefined, fe.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'internal_error');
  });
}
