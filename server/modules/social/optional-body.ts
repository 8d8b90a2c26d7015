import type { FastifyRequest } from 'fastify';

/**
 * preValidation hook for POSTs whose body is optional (`POST /collect`, `POST /notifications/read`):
 * no body at all means "{}", so the object schema still checks whatever is sent.
 */
export async function bodyDefaultsToEmpty(request: FastifyRequest): Promise<void> {
  if (request.body === undefined || request.body === null) request.body = {};
}
