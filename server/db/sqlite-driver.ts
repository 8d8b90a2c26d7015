/**
 * better-sqlite3, for every module that opens SQLite (Biome's noRestrictedImports keeps it so).
 *
 * Its v13 binary needs the N-API of Node.js 22 or newer. On Node 20 it does not fail to load with a
 * message: the process dies with SIGSEGV at the first `new Database()`
 * (`napi_module_register_by_symbol`). Running a script with the wrong `node` on PATH looked like a random crash until it was
 * traced (docs/operations.md), so the check comes first here and says what is wrong.
 */
import SqliteDatabase from 'better-sqlite3';
import { assertSupportedNode } from '../infra/node-support.js';

assertSupportedNode();

export default SqliteDatabase;
