import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Database } from '../database.js';
import { accounts } from './0001-accounts.js';
import { media } from './0002-media.js';
import { notes } from './0003-notes.js';
import { social } from './0004-social.js';
import { comments } from './0005-comments.js';
import { notifications } from './0006-notifications.js';
import { translation } from './0007-translation.js';
import { search } from './0008-search.js';
import { jobs } from './0009-jobs.js';
import { userInterests } from './0010-user-interests.js';
import { notesAuthorCovering } from './0011-notes-author-covering.js';
import { discovery } from './0012-discovery.js';
// Chat and English Corner (issue 8)
import { chat } from './0014-chat.js';
// moderation (issue 7)
import { moderation } from './0013-moderation.js';
// video notes (issue 9)
import { video } from './0015-video.js';
// chat messages as moderation subjects (issues 7 and 8)
import { messageModeration } from './0016-message-moderation.js';
import { searchFtsExplicit } from './0017-search-fts-explicit.js';
import { notesAuthorModeration } from './0018-notes-author-moderation.js';
// rules edited from the admin page (issue 7)
import { ruleEdits } from './0019-rule-edits.js';
import { commentsAuthorCreated } from './0020-comments-author-created.js';
import { searchRecentTier } from './0021-search-recent-tier.js';
import { searchKindIndexes } from './0022-search-kind-indexes.js';
import { foreignKeyIndexes } from './0023-foreign-key-indexes.js';
import { unreadNotificationsIndex } from './0024-unread-notifications-index.js';
import { groupedNotifications } from './0025-grouped-notifications.js';
import { topicScoresDue } from './0026-topic-scores-due.js';
import { textFingerprints } from './0027-text-fingerprints.js';
import { fingerprintsInAuthorIndexes } from './0028-fingerprints-in-author-indexes.js';
import { topicRowsRecommendable } from './0029-topic-rows-recommendable.js';
import type { KuaanMigration } from './migration.js';

/** The registry: append new steps at the end; never rename or reorder one that has shipped. */
const REGISTRY: Record<string, KuaanMigration> = {
  '0001-accounts': accounts,
  '0002-media': media,
  '0003-notes': notes,
  '0004-social': social,
  '0005-comments': comments,
  '0006-notifications': notifications,
  '0007-translation': translation,
  '0008-search': search,
  '0009-jobs': jobs,
  '0010-user-interests': userInterests,
  '0011-notes-author-covering': notesAuthorCovering,
  '0012-discovery': discovery,
  // moderation (issue 7)
  '0013-moderation': moderation,
  // Chat and English Corner (issue 8)
  '0014-chat': chat,
  // video notes (issue 9)
  '0015-video': video,
  // chat messages as moderation subjects (issues 7 and 8)
  '0016-message-moderation': messageModeration,
  '0017-search-fts-explicit': searchFtsExplicit,
  '0018-notes-author-moderation': notesAuthorModeration,
  // rules edited from the admin page (issue 7)
  '0019-rule-edits': ruleEdits,
  '0020-comments-author-created': commentsAuthorCreated,
  // search's recent tier (issue 6)
  '0021-search-recent-tier': searchRecentTier,
  // people's and topics' own FTS5 indexes (issue 4: typeahead prefixes)
  '0022-search-kind-indexes': searchKindIndexes,
  // an index under every foreign key (issue 4: deleting a note scanned notifications per comment)
  '0023-foreign-key-indexes': foreignKeyIndexes,
  // the unread-notifications index holds unread ones only (issue 4: a like's notification cost)
  '0024-unread-notifications-index': unreadNotificationsIndex,
  // likes, collects and comment likes grouped per note or comment while unread (issue 4, ADR 0014)
  '0025-grouped-notifications': groupedNotifications,
  // topic pages copy a note's hot score in a job, not in each like's transaction (issue 4, ADR 0015)
  '0026-topic-scores-due': topicScoresDue,
  // the spam check's fingerprints stored with the text, not computed again for every new post (issue 4)
  '0027-text-fingerprints': textFingerprints,
  // ... and read from the author indexes, not from each post's row (issue 4)
  '0028-fingerprints-in-author-indexes': fingerprintsInAuthorIndexes,
  // topic pages and Discover's topic pools no longer walk past held notes (issue 4)
  '0029-topic-rows-recommendable': topicRowsRecommendable,
};

class RegistryProvider implements MigrationProvider {
  constructor(private readonly database: Database) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(REGISTRY)) {
      out[name] = { up: (db) => m.up(db, this.database.kind) };
    }
    return out;
  }
}

/** Applies every pending migration; returns the names applied. Throws with the failing step named. */
export async function migrateToLatest(database: Database): Promise<string[]> {
  return applied(await migrator(database).migrateToLatest());
}

/** Applies pending migrations up to and including `name`: a database as it was then, for testing a later step on it. */
export async function migrateTo(database: Database, name: string): Promise<string[]> {
  return applied(await migrator(database).migrateTo(name));
}

function migrator(database: Database): Migrator {
  return new Migrator({ db: database.db, provider: new RegistryProvider(database) });
}

function applied({ error, results }: MigrationResultSet): string[] {
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
