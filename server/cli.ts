import { ConfigError, loadConfig } from './config.js';
import { createContext } from './context.js';
import { migrateToLatest } from './db/migrations/index.js';
import { main } from './main.js';
import { searchIndexer } from './modules/search/search.jobs.js';
import { startWorker } from './worker.js';
// moderation (issue 7)
import { grantRole } from './modules/moderation/roles.js';

const USAGE = `Usage: kuaan <command>

Commands:
  serve [--demo]   migrate, then serve the API and web app (--demo seeds a demo community first)
  migrate          apply pending database migrations and exit
  reindex          rebuild the whole search index from the database (batched, with progress)
  worker           run the background job workers only (pair with JOBS_WORKERS=0 on the web nodes)
  admin grant <handle> member|moderator|admin
                   set a person's role (moderators review reports and appeals; see docs/operations.md)
  help             show this text`;

/** The `kuaan` command line. */
export async function runCli(argv: string[]): Promise<void> {
  const [command = 'serve', ...rest] = argv;
  switch (command) {
    case 'serve':
      if (rest.includes('--demo')) process.env.KUAAN_DEMO = '1';
      await main();
      return;
    case 'migrate': {
      const ctx = await createContext(configOrExit());
      const applied = await migrateToLatest(ctx.database);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
      await ctx.close();
      return;
    }
    case 'reindex': {
      const ctx = await createContext(configOrExit());
      await migrateToLatest(ctx.database);
      const started = Date.now();
      const counts = await searchIndexer(ctx).reindexAll((line) => console.log(line));
      console.log(
        `Reindexed ${counts.notes} notes, ${counts.users} people and ${counts.topics} topics in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      );
      await ctx.close();
      return;
    }
    case 'worker': {
      const worker = await startWorker(configOrExit());
      const { workers } = worker.ctx.config.jobs;
      console.log(`Kuaan worker running ${Math.max(1, workers)} job loop(s) (database: ${worker.ctx.database.describe})`);
      const shutdown = async (signal: string) => {
        worker.ctx.log.info({ signal }, 'worker shutting down');
        await worker.stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown('SIGINT'));
      process.once('SIGTERM', () => void shutdown('SIGTERM'));
      return;
    }
    // moderation (issue 7)
    case 'admin': {
      const [sub, handle, role] = rest;
      if (sub !== 'grant' || !handle || !role || !['member', 'moderator', 'admin'].includes(role)) {
        console.error('Usage: kuaan admin grant <handle> member|moderator|admin');
        process.exit(2);
      }
      const ctx = await createContext(configOrExit());
      await migrateToLatest(ctx.database);
      const done = await grantRole(ctx.database.db, handle, role as 'moderator');
      console.log(done ? `@${handle.replace(/^@/, '')} is now ${role}.` : `No account with the handle @${handle.replace(/^@/, '')}.`);
      await ctx.close();
      if (!done) process.exit(1);
      return;
    }
    case 'help':
    case '--help':
      console.log(USAGE);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${USAGE}`);
      process.exit(2);
  }
}

export function configOrExit() {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
