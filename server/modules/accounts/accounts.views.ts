import type { Me, Profile } from '../../../contract/accounts.js';
import type { UserSummary } from '../../../contract/common.js';
import type { Executor } from '../../db/database.js';
import type { UsersTable } from '../../db/schema/index.js';
import { imageDto } from '../media/media.views.js';
import { relationshipBothWays } from '../social/relations.repo.js';
import * as repo from './accounts.repo.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** Summaries (handle, name, avatar) for many users in one query, keyed by id. */
export async function userSummaries(db: Executor, ids: string[]): Promise<Map<string, UserSummary>> {
  const rows = await repo.usersWithAvatars(db, [...new Set(ids)]);
  const out = new Map<string, UserSummary>();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      handle: r.handle,
      displayName: r.display_name,
      avatar:
        r.avatar_id && r.variants
          ? imageDto({ id: r.avatar_id, width: r.width!, height: r.height!, blurhash: r.blurhash!, color: r.color!, variants: r.variants })
          : null,
    });
  }
  return out;
}

function counts(u: UsersTable) {
  return {
    followers: u.follower_count,
    following: u.following_count,
    notes: u.note_count,
    likesReceived: Number(u.likes_received_count),
  };
}

async function languages(db: Executor, userId: string) {
  const rows = await repo.languagesOf(db, [userId]);
  return rows.map((r) => ({ lang: r.lang, kind: r.kind, level: r.level }));
}

/** The signed-in person's own account, with private fields. */
export async function meView(db: Executor, userId: string): Promise<Me | null> {
  const u = await repo.findUserById(db, userId);
  if (!u) return null;
  const summary = (await userSummaries(db, [userId])).get(userId)!;
  return {
    id: u.id,
    handle: u.handle,
    displayName: u.display_name,
    bio: u.bio,
    avatar: summary.avatar,
    email: u.email,
    phone: u.phone,
    contactVerified: u.contact_verified_at !== null,
    region: u.region,
    uiLocale: u.ui_locale,
    role: u.role,
    languages: await languages(db, userId),
    interests: await repo.interestsOf(db, userId),
    onboarded: u.onboarded_at !== null,
    counts: counts(u),
    createdAt: iso(u.created_at),
  };
}

/** A public profile as the viewer may see it; null when it does not exist or a block stands between them. */
export async function profileView(db: Executor, handle: string, viewerId: string | null): Promise<Profile | null> {
  const u = await repo.findUserByHandle(db, handle);
  if (!u) return null;
  const isMe = viewerId === u.id;
  // A person who blocked the viewer is simply not there for them; the viewer's own blocks stay visible
  // (with `blocking: true`) so they can unblock.
  let rel = { following: false, followedBy: false, blocking: false };
  if (viewerId && !isMe) {
    // One statement for follows and blocks both ways, computed once.
    const both = await relationshipBothWays(db, viewerId, u.id);
    if (both.blockedBy && !both.blocking) return null;
    rel = { following: both.following, followedBy: both.followedBy, blocking: both.blocking };
  }
  const [summaries, langs] = await Promise.all([userSummaries(db, [u.id]), languages(db, u.id)]);
  const summary = summaries.get(u.id)!;
  return {
    id: u.id,
    handle: u.handle,
    displayName: u.display_name,
    bio: u.bio,
    avatar: summary.avatar,
    region: u.region,
    languages: langs,
    interests: await repo.interestsOf(db, u.id),
    counts: counts(u),
    createdAt: iso(u.created_at),
    viewer: { isMe, ...rel },
  };
}
