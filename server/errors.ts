import type { MessageKey } from './i18n/messages.js';

export type Params = Record<string, string | number>;

/**
 * An expected failure the caller can act on: a stable code, an HTTP status, and parameters for the
 * localized message. Thrown from services; turned into application/problem+json by the error plugin.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: Params = {},
    /** The input field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const badRequest = (code: MessageKey, params: Params = {}, field?: string) =>
  new AppError(400, code, params, field);
export const notFound = (what: string) => new AppError(404, 'not_found', { what });
export const forbidden = (code: MessageKey = 'forbidden', params: Params = {}) => new AppError(403, code, params);
export const conflict = (code: MessageKey, params: Params = {}, field?: string) =>
  new AppError(409, code, params, field);
