import type { AppContext } from '../context.js';
import type { KuaanApp } from '../plugins/types.js';
// chat and English Corner (issue 8)
import { chatRoutes } from './chat/chat.routes.js';
import { cornerRoutes } from './corner/corner.routes.js';
import { commentsRoutes } from './comments/comments.routes.js';
import { feedRoutes } from './feed/feed.routes.js';
import { mediaRoutes } from './media/media.routes.js';
// moderation (issue 7)
import { moderationRoutes } from './moderation/moderation.routes.js';
import { notesRoutes } from './notes/notes.routes.js';
import { searchRoutes } from './search/search.routes.js';
import { subscribeSearch } from './search/search.jobs.js';
import { notificationsRoutes } from './notifications/notifications.routes.js';
import { subscribeNotifications } from './notifications/notifications.subscribers.js';
import { socialRoutes } from './social/social.routes.js';
import { stickersRoutes } from './stickers/stickers.routes.js';
import { learnRoutes } from './translation/learn.routes.js';
import { translationRoutes } from './translation/translation.routes.js';
// video notes (issue 9)
import { videoRoutes } from './video/video.routes.js';
import { subscribeTranslation } from './translation/translation.subscribers.js';

/**
 * Feature modules register their routes and event subscribers here, in one list, so the app's whole
 * surface can be read in one place.
 */
export function registerModules(app: KuaanApp, ctx: AppContext): void {
  mediaRoutes(app, ctx);
  notesRoutes(app, ctx);
  feedRoutes(app, ctx);
  socialRoutes(app, ctx);
  commentsRoutes(app, ctx);
  stickersRoutes(app, ctx);
  notificationsRoutes(app, ctx);
  subscribeNotifications(ctx);
  translationRoutes(app, ctx);
  learnRoutes(app, ctx);
  subscribeTranslation(ctx);
  searchRoutes(app, ctx);
  subscribeSearch(ctx);
  // video notes (issue 9): tus uploads, processing jobs, posters, captions
  videoRoutes(app, ctx);
  // moderation (issue 7): rules, reports, decisions, notices, appeals, checks, safety tools
  moderationRoutes(app, ctx);
  // chat and English Corner (issue 8)
  chatRoutes(app, ctx);
  cornerRoutes(app, ctx);
}
