import { badRequest } from '../../errors.js';

const HANDLE = /^[A-Za-z0-9_.]{3,24}$/;

/** Words that would let someone pose as the platform or shadow a route. */
const RESERVED = new Set([
  'about', 'admin', 'administrator', 'api', 'app', 'assets', 'auth', 'discover', 'explore', 'feed', 'following',
  'help', 'home', 'kuaan', 'login', 'logout', 'me', 'media', 'messages', 'mod', 'moderator', 'moderation',
  'notes', 'notifications', 'null', 'official', 'root', 'rules', 'search', 'security', 'settings', 'signin',
  'signup', 'staff', 'support', 'system', 'topics', 'undefined', 'user', 'users', 'www', 'xiaohongshu', 'rednote',
]);

/** Checks a handle's shape and reservation; returns it as typed (case is kept for display). */
export function validateHandle(raw: string): string {
  const handle = raw.trim();
  if (!HANDLE.test(handle) || handle.startsWith('.') || handle.endsWith('.') || handle.includes('..')) {
    throw badRequest('handle_invalid', {}, 'handle');
  }
  if (RESERVED.has(handle.toLowerCase())) throw badRequest('handle_reserved', { handle }, 'handle');
  return handle;
}
