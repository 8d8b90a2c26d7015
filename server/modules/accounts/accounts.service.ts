import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { LanguageEntry, SignInBody, SignUpBody, UpdateMeBody } from '../../../contract/accounts.js';
import { LIMITS } from '../../../contract/limits.js';
import type { AppContext } from '../../context.js';
import { isUniqueViolation } from '../../db/dialect.js';
import { newId } from '../../db/ids.js';
import type { UsersTable } from '../../db/schema/index.js';
import { AppError, badRequest, conflict } from '../../errors.js';
import { cleanText } from '../../text/clean.js';
import * as repo from './accounts.repo.js';
import { classifyLogin, normalizeEmail, normalizePhone } from './contact.js';
import { validateHandle } from './handle.js';
import { deleteOtherSessions, deleteSession, insertSession } from './sessions.repo.js';

export interface SessionMeta {
  userAgent: string;
}

export interface NewSession {
  userId: string;
  sessionId: string;
  token: string;
  expiresAt: number;
}

function checkPassword(password: string): void {
  if ([...password].length < LIMITS.password.min) throw badRequest('password_weak', { limit: LIMITS.password.min }, 'password');
}

/** Canonical BCP 47 tags, one entry per language, learning levels kept only for learning languages. */
function cleanLanguages(userId: string, entries: LanguageEntry[]) {
  const seen = new Set<string>();
  const rows = [];
  for (const e of entries) {
    let lang: string;
    try {
      lang = Intl.getCanonicalLocales(e.lang)[0]!;
    } catch {
      throw badRequest('language_invalid', { lang: e.lang.slice(0, 35) }, 'languages');
    }
    if (seen.has(lang)) continue;
    seen.add(lang);
    rows.push({ user_id: userId, lang, kind: e.kind, level: e.kind === 'learning' ? (e.level ?? 1) : null });
  }
  return rows;
}

/** Interest tags: cleaned, without a leading #, lower-cased where case means nothing, first spelling kept once. */
function cleanInterests(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = cleanText(raw.replace(/^#+/, ''), { field: 'interests', max: LIMITS.interests.tagChars }).toLowerCase();
    if (/\s{2,}|[\n#@]/.test(tag)) throw badRequest('validation_failed', { field: 'interests', problem: tag }, 'interests');
    if (!seen.has(tag)) seen.set(tag, tag);
  }
  return [...seen.values()];
}

export class AccountsService {
  constructor(private readonly ctx: AppContext) {}

  private async startSession(userId: string, meta: SessionMeta): Promise<NewSession> {
    const token = randomBytes(32).toString('base64url');
    const now = this.ctx.clock.now();
    const sessionId = newId();
    const expiresAt = now + LIMITS.sessionDays * 24 * 3600 * 1000;
    await insertSession(this.ctx.database.db, { id: sessionId, token, userId, userAgent: meta.userAgent, now, expiresAt });
    return { userId, sessionId, token, expiresAt };
  }

  /** Creates an account with an email or a phone number and signs it in. */
  async signUp(input: SignUpBody, meta: SessionMeta): Promise<NewSession> {
    if (Boolean(input.email) === Boolean(input.phone)) throw badRequest('contact_required', {}, 'email');
    const email = input.email ? normalizeEmail(input.email) : null;
    const phone = input.phone ? normalizePhone(input.phone, input.country) : null;
    const handle = validateHandle(input.handle);
    const displayName = cleanText(input.displayName ?? handle, { field: 'displayName', max: LIMITS.displayName.max });
    checkPassword(input.password);

    const db = this.ctx.database.db;
    await this.assertFree(handle, email, phone);
    const passwordHash = await this.ctx.passwords.hash(input.password);
    const now = this.ctx.clock.now();
    const row: UsersTable = {
      id: newId(),
      handle,
      handle_lower: handle.toLowerCase(),
      display_name: displayName,
      bio: '',
      avatar_media_id: null,
      email,
      phone,
      password_hash: passwordHash,
      region: null,
      ui_locale: input.uiLocale ?? 'en',
      role: 'member',
      follower_count: 0,
      following_count: 0,
      note_count: 0,
      likes_received_count: 0,
      contact_verified_at: null,
      onboarded_at: null,
      created_at: now,
      updated_at: now,
    };
    try {
      await repo.insertUser(db, row);
    } catch (err) {
      // Two sign-ups raced for the same handle or contact: report which one lost.
      if (isUniqueViolation(err)) await this.assertFree(handle, email, phone);
      throw err;
    }
    // A single-statement insert has committed by now.
    this.ctx.events.emit('user.updated', { userId: row.id });
    return this.startSession(row.id, meta);
  }

  private async assertFree(handle: string, email: string | null, phone: string | null): Promise<void> {
    const db = this.ctx.database.db;
    if (await repo.findUserByHandle(db, handle)) throw conflict('handle_taken', { handle }, 'handle');
    if (email && (await repo.findCredentials(db, 'email', email))) throw conflict('email_taken', {}, 'email');
    if (phone && (await repo.findCredentials(db, 'phone', phone))) throw conflict('phone_taken', {}, 'phone');
  }

  /** Checks a login (email, phone or handle) and password; opens a session. */
  async signIn(input: SignInBody, meta: SessionMeta): Promise<NewSession> {
    const db = this.ctx.database.db;
    const kind = classifyLogin(input.login);
    let found: { id: string; password_hash: string } | undefined;
    try {
      if (kind === 'email') found = await repo.findCredentials(db, 'email', normalizeEmail(input.login));
      else if (kind === 'phone') found = await repo.findCredentials(db, 'phone', normalizePhone(input.login, input.country));
      else found = await repo.findCredentials(db, 'handle_lower', input.login.trim().toLowerCase());
    } catch (err) {
      // A malformed login is just a wrong login: do not reveal which part was off.
      if (!(err instanceof AppError)) throw err;
    }
    const ok = await this.ctx.passwords.verify(found?.password_hash ?? null, input.password);
    if (!found || !ok) throw new AppError(401, 'credentials_invalid');
    return this.startSession(found.id, meta);
  }

  /** Ends one session of the viewer's; false when it is not theirs. */
  async revokeSession(userId: string, sessionId: string): Promise<boolean> {
    const deleted = await deleteSession(this.ctx.database.db, userId, sessionId);
    this.ctx.sessions.evictUser(userId);
    return deleted;
  }

  /** Changes the password after checking the current one; every other session is signed out. */
  async changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void> {
    const db = this.ctx.database.db;
    const user = await repo.findUserById(db, userId);
    if (!user || !(await this.ctx.passwords.verify(user.password_hash, current))) {
      throw badRequest('password_incorrect', {}, 'currentPassword');
    }
    if ([...next].length < LIMITS.password.min) throw badRequest('password_weak', { limit: LIMITS.password.min }, 'newPassword');
    const hash = await this.ctx.passwords.hash(next);
    await this.ctx.database.transaction(async ({ db: tx, afterCommit }) => {
      await repo.updateUser(tx, userId, { password_hash: hash, updated_at: this.ctx.clock.now() });
      await deleteOtherSessions(tx, userId, sessionId);
      afterCommit(() => this.ctx.sessions.evictUser(userId));
    });
  }

  /** Updates the viewer's own profile and settings; all fields are checked before anything is written. */
  async updateMe(userId: string, patch: UpdateMeBody): Promise<void> {
    const db = this.ctx.database.db;
    const set: Parameters<typeof repo.updateUser>[2] = { updated_at: this.ctx.clock.now() };
    if (patch.displayName !== undefined) {
      set.display_name = cleanText(patch.displayName, { field: 'displayName', max: LIMITS.displayName.max });
    }
    if (patch.bio !== undefined) {
      set.bio = cleanText(patch.bio, { field: 'bio', max: LIMITS.bio.max, multiline: true, allowEmpty: true });
    }
    if (patch.region !== undefined) set.region = patch.region;
    if (patch.uiLocale !== undefined) set.ui_locale = patch.uiLocale;
    if (patch.onboarded) set.onboarded_at = this.ctx.clock.now();
    if (patch.avatarMediaId !== undefined) {
      if (patch.avatarMediaId !== null) {
        const media = await db
          .selectFrom('media')
          .select('id')
          .where('id', '=', patch.avatarMediaId)
          .where('owner_id', '=', userId)
          .executeTakeFirst();
        if (!media) throw badRequest('media_not_yours', { id: patch.avatarMediaId }, 'avatarMediaId');
      }
      set.avatar_media_id = patch.avatarMediaId;
    }
    const languages = patch.languages ? cleanLanguages(userId, patch.languages) : null;
    const interests = patch.interests ? cleanInterests(patch.interests) : null;
    await this.ctx.database.transaction(async ({ db: tx, afterCommit }) => {
      await repo.updateUser(tx, userId, set);
      if (languages) await repo.replaceLanguages(tx, userId, languages);
      if (interests) await repo.replaceInterests(tx, userId, interests);
      afterCommit(() => {
        // The cached viewer carries the UI language: drop it so errors follow the new setting.
        this.ctx.sessions.evictUser(userId);
        this.ctx.events.emit('user.updated', { userId });
      });
    });
  }

  /** Sends a 6-digit code to the account's email or phone through the configured sender. */
  async sendVerificationCode(userId: string): Promise<void> {
    const user = await repo.findUserById(this.ctx.database.db, userId);
    if (!user) throw new AppError(401, 'unauthorized');
    const channel = user.email ? 'email' : 'phone';
    const target = (user.email ?? user.phone)!;
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.ctx.clock.now();
    await repo.insertVerificationCode(this.ctx.database.db, {
      id: newId(),
      userId,
      channel,
      target,
      codeHash: sha256(code),
      now,
      expiresAt: now + LIMITS.verificationCode.ttlMinutes * 60_000,
    });
    await this.ctx.verificationSender.send({ channel, target, code });
  }

  /** Confirms the contact with the code; a code dies after too many wrong tries or when it expires. */
  async verifyCode(userId: string, code: string): Promise<void> {
    const db = this.ctx.database.db;
    const open = await repo.latestOpenCode(db, userId);
    const now = this.ctx.clock.now();
    if (!open || open.expires_at < now || open.attempts >= LIMITS.verificationCode.maxAttempts) {
      throw badRequest('code_invalid', {}, 'code');
    }
    const given = Buffer.from(sha256(code.trim()), 'hex');
    if (!timingSafeEqual(given, Buffer.from(open.code_hash, 'hex'))) {
      await repo.bumpCodeAttempts(db, open.id);
      throw badRequest('code_invalid', {}, 'code');
    }
    await this.ctx.database.transaction(async ({ db: tx }) => {
      await repo.consumeCode(tx, open.id, now);
      await repo.updateUser(tx, userId, { contact_verified_at: now, updated_at: now });
    });
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
