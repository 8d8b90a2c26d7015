import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { LIMITS } from '../../../contract/limits.js';
import { badRequest } from '../../errors.js';

// Deliberately permissive: one @, a dot in the domain, no spaces. Ownership is proven by a code, not a regex.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/;

/** A trimmed, lower-cased email address, or a 400 naming the field. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase().normalize('NFC');
  if (email.length > LIMITS.email.max || !EMAIL.test(email)) throw badRequest('email_invalid', {}, 'email');
  return email;
}

/** The number in E.164 (+8613800138000), or a 400 naming the field. Any country code is accepted. */
export function normalizePhone(raw: string, country?: string): string {
  const parsed = parsePhoneNumberFromString(raw.trim(), country ? { defaultCountry: country as CountryCode } : undefined);
  if (!parsed?.isValid()) throw badRequest('phone_invalid', { country: country ?? '+?' }, 'phone');
  return parsed.number;
}

/** Is this login an email, a phone number, or a handle? */
export function classifyLogin(login: string): 'email' | 'phone' | 'handle' {
  const trimmed = login.trim();
  if (trimmed.includes('@') && !trimmed.startsWith('@')) return 'email';
  if (/^\+?[\d\s\-()]{6,}$/.test(trimmed)) return 'phone';
  return 'handle';
}
