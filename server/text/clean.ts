import { badRequest } from '../errors.js';

// C0 and C1 controls, except tab and newline (which multi-line fields keep), plus DEL.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F]/;
// Embeddings, overrides and isolates: the characters used to make text read differently from how it is stored.
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

export interface CleanOptions {
  field: string;
  max: number;
  multiline?: boolean;
  allowEmpty?: boolean;
}

/**
 * Normalizes user text (NFC, \r\n → \n, trimmed) and refuses what no person types on purpose:
 * broken surrogates, control characters and bidi overrides. Length is counted in code points.
 */
export function cleanText(raw: string, opts: CleanOptions): string {
  const { field } = opts;
  if (!raw.isWellFormed()) throw badRequest('text_invalid_unicode', { field }, field);
  const text = raw.replace(/\r\n?/g, '\n').normalize('NFC').trim();
  if ((opts.multiline ? CONTROL : CONTROL_SINGLE_LINE).test(text)) throw badRequest('text_control_chars', { field }, field);
  if (BIDI.test(text)) throw badRequest('text_bidi_chars', { field }, field);
  if (!opts.allowEmpty && text.length === 0) throw badRequest('text_empty', { field }, field);
  const length = [...text].length;
  if (length > opts.max) throw badRequest('text_too_long', { field, length, limit: opts.max }, field);
  return text;
}
