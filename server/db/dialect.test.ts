import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { signUpUser } from '../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../test/harness.js';
import { Database } from './database.js';
import { postgresDialect, sqliteDialect } from './dialect.js';

for (const kind of testDatabases()) {
  describe(`a read-only connection (${kind})`, () => {
    let t: TestApp;
    let reader: Database;
    before(async () => {
      t = await startTestApp(kind);
      const url = t.ctx.config.databaseUrl;
      reader = new Database(
        url ? await postgresDialect(url, () => {}, 2, { readOnly: true }) : sqliteDialect(path.join(t.ctx.config.dataDir, 'kuaan.db'), { readOnly: true }),
      );
    });
    after(async () => {
      await reader.destroy();
      await t.close();
    });

    it('reads what the app wrote, and refuses to write', async () => {
      const amy = await signUpUser(t);
      const row = await reader.db.selectFrom('users').select('handle').where('id', '=', amy.userId).executeTakeFirst();
      assert.equal(row?.handle, amy.handle);
      await assert.rejects(reader.db.updateTable('users').set({ bio: 'written by a reader' }).where('id', '=', amy.userId).execute());
      const after = await t.ctx.database.db.selectFrom('users').select('bio').where('id', '=', amy.userId).executeTakeFirst();
      assert.notEqual(after?.bio, 'written by a reader');
    });
  });
}
