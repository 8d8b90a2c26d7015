import type { Executor } from '../../db/database.js';
import { AppError, forbidden } from '../../errors.js';
import { roleOf } from './moderation.repo.js';

/**
 * Moderators and admins only. The role is read from the database rather than the cached session,
 * so a grant or revoke takes effect on the next request.
 */
export async function requireModerator(db: Executor, userId: string): Promise<'moderator' | 'admin'> {
  const u = await roleOf(db, userId);
  if (!u || (u.role !== 'moderator' && u.role !== 'admin')) throw forbidden('moderator_only');
  return u.role;
}

/** Admins only: operator-level tools such as editing the community rules (ADR 0011). */
export async function requireAdmin(db: Executor, userId: string): Promise<void> {
  const u = await roleOf(db, userId);
  if (u?.role !== 'admin') throw forbidden('admin_only');
}

/** Suspended and banned accounts cannot post (notes, comments, later messages); the answer says until when. */
export async function assertMayPost(db: Executor, userId: string, now: number): Promise<void> {
  const u = await roleOf(db, userId);
  if (!u) return;
  if (u.moderation_state === 'banned') throw new AppError(403, 'account_banned');
  if (u.moderation_state === 'suspended' && (u.suspended_until === null || Number(u.suspended_until) > now)) {
    throw new AppError(403, 'account_suspended', {
      until: u.suspended_until === null ? '—' : new Date(Number(u.suspended_until)).toISOString().slice(0, 10),
    });
  }
}
