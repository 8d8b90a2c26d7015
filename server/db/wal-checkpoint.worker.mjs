/**
 * The thread of wal-checkpointer.ts: copies committed pages from SQLite's WAL into the database file
 * on a connection of its own, so that the event loop never does (ADR 0016).
 *
 * Plain JavaScript, started without tsx: a thread that loads tsx took 136 ms and ~35 MB of resident
 * memory to start, this one 35 ms and ~13 MB. It imports better-sqlite3 directly (biome.json allows
 * it here): it only ever runs inside a server that has already checked the Node.js version.
 */
import { parentPort, workerData } from 'node:worker_threads';
import SqliteDatabase from 'better-sqlite3';

const { file, intervalMs, restartFrames } = workerData;
const db = new SqliteDatabase(file, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
/** Set once the writer has been told the WAL is long; cleared when it asks for the catch-up. */
let restartAsked = false;

/** A PASSIVE checkpoint never waits for readers or the writer: it copies what it can and returns. */
function pass() {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)');
  return result;
}

/** Anything unexpected ends the thread; the writer then checkpoints by itself, as SQLite does by default. */
function guarded(fn) {
  try {
    fn();
  } catch (err) {
    // Another process's checkpoint holds the lock: it is doing this work already.
    if (err.code === 'SQLITE_BUSY') return;
    clearInterval(timer);
    parentPort.postMessage({ type: 'failed', message: err.message });
    db.close();
    parentPort.close();
  }
}

const timer = setInterval(
  () =>
    guarded(() => {
      const { log } = pass();
      if (log >= restartFrames && !restartAsked) {
        restartAsked = true;
        parentPort.postMessage({ type: 'restart' });
      }
    }),
  intervalMs,
);

parentPort.on('message', (message) => {
  if (message.type === 'catchUp') {
    restartAsked = false;
    guarded(() => {
      const { log, checkpointed } = pass();
      parentPort.postMessage({ type: 'caughtUp', id: message.id, complete: log === checkpointed });
    });
  } else if (message.type === 'stop') {
    clearInterval(timer);
    db.close();
    parentPort.close();
  }
});
