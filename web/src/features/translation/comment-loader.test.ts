import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommentTranslation } from '../../../../contract/translation.js';
import { createCommentTranslationLoader } from './comment-loader.js';

const result = (commentId: string): CommentTranslation => ({
  commentId,
  body: `t:${commentId}`,
  sourceLang: 'zh-Hans',
  targetLang: 'en',
  provider: 'gloss',
  kind: 'gloss',
  fallback: false,
  notice: null,
  noticeCode: null,
});

function recordingSource() {
  const calls: string[][] = [];
  return {
    calls,
    source: {
      one: async (id: string) => {
        calls.push([id]);
        return result(id);
      },
      many: async (ids: string[]) => {
        calls.push(ids);
        return ids.map(result);
      },
    },
  };
}

test('requests made in the same tick go out as one batch, capped at the batch size', async () => {
  const { calls, source } = recordingSource();
  const loader = createCommentTranslationLoader(source, 2);
  const got = await Promise.all(['a', 'b', 'c', 'a'].map((id) => loader.load(id)));
  assert.deepEqual(
    got.map((r) => r.body),
    ['t:a', 't:b', 't:c', 't:a'],
  );
  assert.deepEqual(calls, [['a', 'b'], ['c']]);
});

test('a failed batch rejects every waiting request; a missing item rejects only its own', async () => {
  const loader = createCommentTranslationLoader(
    { one: async () => Promise.reject(new Error('down')), many: async (ids) => ids.slice(1).map(result) },
    50,
  );
  const [x, y] = await Promise.allSettled([loader.load('x'), loader.load('y')]);
  assert.equal(x.status, 'rejected');
  assert.equal(y.status, 'fulfilled');
  await assert.rejects(loader.load('z'), /down/);
});
