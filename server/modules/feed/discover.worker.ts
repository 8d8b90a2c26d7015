/**
 * A thread that ranks Discover pages (discover.threads.ts starts it): its own database connection,
 * its own candidate pools, note facts and kept lists, so rankings run beside the event loop that
 * answers requests. It only reads (its connection refuses writes); everything a reader changes is
 * written by the main thread.
 */
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../../config.js';
import { Database } from '../../db/database.js';
import { postgresDialect, sqliteDialect } from '../../db/dialect.js';
import { AppError } from '../../errors.js';
import { Translator } from '../translation/translator.js';
import { DiscoverPipeline, MAX_LISTS } from './discover.pipeline.js';
import type { ThreadReply, ThreadRequest } from './discover.threads.js';

const { config, poolSize, threads } = workerData as { config: Config; poolSize: number; threads: number };
const port = parentPort!;

const database = new Database(
  config.databaseUrl
    ? await postgresDialect(config.databaseUrl, (err) => port.postMessage({ warn: `postgres connection lost: ${err.message}` } satisfies ThreadReply), poolSize, {
        readOnly: true,
        namedStatements: config.databasePreparedStatements,
      })
    : // A smaller page cache than the event loop's 64 MB: the OS caches the file for every connection,
      // and at size M 16 MB a thread ranked as fast while the process peaked ~100 MB lower (bench/discover.md).
      sqliteDialect(path.join(config.dataDir, 'kuaan.db'), { cacheMb: 16, readOnly: true }),
);
// The same translation settings as the server, so a note is offered as readable on the same terms.
// The process keeps as many readers' lists as on the event loop, shared among its threads (memory).
const pipeline = new DiscoverPipeline(database.db, new Translator(config.translation), Date.now, Math.ceil(MAX_LISTS / threads));

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'page': {
      const { region, ...rest } = request.req;
      // Discover omits what a region restricts, so a rule's title is never shown from here.
      const gate = region ? { ...region, ruleTitle: (id: string) => id } : null;
      return pipeline.page({ ...rest, region: gate });
    }
    case 'noteAdded':
      return pipeline.noteAdded(request.noteId);
    case 'noteRemoved':
      return pipeline.noteRemoved();
    case 'forget':
      return pipeline.forget(request.viewerId);
    case 'forgetNote':
      return pipeline.forgetNote(request.noteId);
    case 'close':
      return database.destroy();
  }
}

port.on('message', async (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = { id: request.id, ok: true, value: await handle(request) };
  } catch (err) {
    reply = {
      id: request.id,
      ok: false,
      error:
        err instanceof AppError
          ? { message: err.message, app: { status: err.status, code: err.code, params: err.params, field: err.field } }
          : { message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined },
    };
  }
  port.postMessage(reply);
});
