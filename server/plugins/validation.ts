import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { UiLocale } from '../../contract/locales.js';
import { t } from '../i18n/messages.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean): Ajv {
  // Bodies are checked strictly (a number is not a string); query strings and path params arrive as
  // text, so only they are coerced. Unknown body fields are refused, not silently dropped.
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  return ajv;
}

/** Installs the two validators: strict for bodies, coercing for query strings and params. */
export function installValidators(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const coercing = makeAjv(true);
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strict.compile(schema) : coercing.compile(schema),
  );
}

/** Turns the first Ajv error into a field name and a sentence in the caller's language. */
export function describeValidationError(
  errors: ErrorObject[],
  context: string,
  locale: UiLocale,
): { field: string; message: string } {
  const e = errors[0];
  if (!e) return { field: context, message: t(locale, 'field_invalid') };
  const pointer = e.instancePath.replace(/^\//, '').replaceAll('/', '.');
  const base = context === 'body' ? '' : `${context}.`;
  let field = `${base}${pointer}` || context;
  let problem: string;
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      field = `${base}${pointer ? `${pointer}.` : ''}${String(p.missingProperty)}`;
      problem = t(locale, 'field_required');
      break;
    case 'additionalProperties':
      field = `${base}${pointer ? `${pointer}.` : ''}${String(p.additionalProperty)}`;
      problem = t(locale, 'field_unknown');
      break;
    case 'type':
      problem = t(locale, 'field_type', { type: String(p.type) });
      break;
    case 'maxLength':
      problem = t(locale, 'field_too_long', { limit: Number(p.limit) });
      break;
    case 'minLength':
      problem = t(locale, 'field_too_short', { limit: Number(p.limit) });
      break;
    case 'maxItems':
      problem = t(locale, 'field_too_many', { limit: Number(p.limit) });
      break;
    case 'minItems':
      problem = t(locale, 'field_too_few', { limit: Number(p.limit) });
      break;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum':
      problem = t(locale, 'field_range', { limit: `${String(p.comparison)} ${String(p.limit)}` });
      break;
    case 'enum':
      problem = t(locale, 'field_enum', { allowed: (p.allowedValues as unknown[]).join(', ') });
      break;
    case 'const':
      problem = t(locale, 'field_enum', { allowed: String(p.allowedValue) });
      break;
    case 'format':
      problem = t(locale, 'field_format', { format: String(p.format) });
      break;
    default:
      problem = t(locale, 'field_invalid');
  }
  return { field, message: t(locale, 'validation_failed', { field, problem }) };
}
