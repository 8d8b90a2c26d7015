import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UiLocale } from '../../contract/locales.js';
import type { AppContext } from '../context.js';
import type { Role } from '../db/schema/index.js';
import { AppError } from '../errors.js';
import { findSessionByHash, hashToken, touchSession } from '../modules/accounts/sessions.repo.js';

export const SESSION_COOKIE = 'kuaan_session';
/** last_seen_at is refreshed at most this often, so reading a page is not a database write. */
const TOUCH_EVERY_MS = 10 * 60 * 1000;

export interface Viewer {
  userId: string;
  sessionId: string;
  handle: string;
  role: Role;
  uiLocale: UiLocale;
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/** The signed-in person, or a 401 problem. */
export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw new AppError(401, 'unauthorized');
  return request.viewer;
}

/** Resolves the session cookie to a viewer on every request; never rejects by itself. */
export function installAuth(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 128) return;
    const tokenHash = hashToken(token);
    const now = ctx.clock.now();
    let entry = ctx.sessions.get(tokenHash, now);
    if (!entry) {
      const found = await findSessionByHash(ctx.database.db, tokenHash);
      if (!found || found.expires_at <= now) return;
      entry = ctx.sessions.set(
        tokenHash,
        {
          viewer: { userId: found.user_id, sessionId: found.id, handle: found.handle, role: found.role, uiLocale: found.ui_locale },
          expiresAt: found.expires_at,
          lastSeenAt: found.last_seen_at,
        },
        now,
      );
    }
    request.viewer = entry.viewer;
    if (now - entry.lastSeenAt > TOUCH_EVERY_MS) {
      entry.lastSeenAt = now;
      await ctx.database.write((db) => touchSession(db, entry.viewer.sessionId, now));
    }
  });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cross-site request forgery guard for cookie sessions: a state-changing request must come from our
 * own origin. Browsers always send Origin (or Sec-Fetch-Site) on such requests; scripts and apps that
 * send neither are not browsers and cannot ride on a victim's cookie.
 */
export function installOriginCheck(app: FastifyInstance, ctx: AppContext): void {
  const allowed = new URL(ctx.config.publicUrl).origin;
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin) {
      const sameHost = origin === `${request.protocol}://${request.headers.host}`;
      if (origin !== allowed && !sameHost) throw new AppError(403, 'csrf_rejected');
      return;
    }
    const site = request.headers['sec-fetch-site'];
    if (site && site !== 'same-origin' && site !== 'none') throw new AppError(403, 'csrf_rejected');
  });
}
