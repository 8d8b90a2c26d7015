import type { FastifyRequest } from 'fastify';
import { negotiateLocale, UI_LOCALES, type UiLocale } from '../../contract/locales.js';

/**
 * The caller's UI language: an explicit `X-Kuaan-Locale` header (the web app sends the language the
 * person picked), then the signed-in person's setting, then Accept-Language.
 */
export function localeOf(request: FastifyRequest): UiLocale {
  const explicit = request.headers['x-kuaan-locale'];
  if (typeof explicit === 'string' && (UI_LOCALES as readonly string[]).includes(explicit)) return explicit as UiLocale;
  if (request.viewer) return request.viewer.uiLocale;
  return negotiateLocale(request.headers['accept-language']);
}
