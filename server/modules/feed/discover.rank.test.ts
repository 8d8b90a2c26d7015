import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { arrange, type Candidate, PageArranger, type Ranked, rank } from './discover.rank.js';
import { anonymousSignals } from './discover.signals.js';

const NOW = Date.UTC(2026, 10, 1);
const HOUR = 3_600_000;

function candidate(id: string, author: string, o: Partial<Candidate['row']> & { tags?: Array<[string, string]>; readVia?: Candidate['readVia'] } = {}): Candidate {
  return {
    row: {
      id,
      author_id: author,
      created_at: NOW - HOUR,
      hot_score: 0,
      like_count: 0,
      collect_count: 0,
      comment_count: 0,
      lang: 'en',
      visibility: 'public',
      moderation_state: 'normal',
      ...o,
    },
    sources: new Set(['trending']),
    tags: o.tags ?? [],
    authorHandle: author,
    authorJoinedAt: 0,
    readVia: o.readVia ?? null,
  };
}

const ranked = (id: string, authorId: string, topic: string | null, otherLanguage = false): Ranked => ({
  id,
  authorId,
  topic,
  tags: topic ? [[topic, topic]] : [],
  otherLanguage,
  newcomer: false,
  score: 0,
  reasons: [],
});

describe('discover ranking', () => {
  test('interest lifts a note above an equally good one, and the reason names the topic', () => {
    const signals = anonymousSignals('en');
    signals.topics.set('t-erhu', { weight: 1, name: 'erhu', declared: true });
    const out = rank(
      [
        candidate('other', 'a', { like_count: 10 }),
        candidate('mine', 'b', { like_count: 10, tags: [['t-erhu', 'erhu']] }),
        candidate('weak', 'c', { like_count: 1, tags: [['t-erhu', 'erhu']] }),
      ],
      signals,
      NOW,
    );
    assert.deepEqual(
      out.map((r) => r.id),
      ['mine', 'other', 'weak'],
      'a favourite topic makes a good note better, not a weak one good',
    );
    assert.deepEqual(out[0]!.reasons, [{ kind: 'interest', topic: 'erhu' }]);
    assert.deepEqual(out[1]!.reasons, [{ kind: 'trending' }]);
  });

  test('fresher notes win among equals; engagement velocity wins over age', () => {
    const signals = anonymousSignals('en');
    const out = rank(
      [
        candidate('old', 'a', { created_at: NOW - 72 * HOUR }),
        candidate('new', 'b', { created_at: NOW - HOUR }),
        candidate('busy', 'c', { created_at: NOW - 3 * HOUR, like_count: 30, comment_count: 5 }),
      ],
      signals,
      NOW,
    );
    assert.deepEqual(
      out.map((r) => r.id),
      ['busy', 'new', 'old'],
    );
  });

  test('arrange: no author twice on a page; topics spread; the share of other languages kept', () => {
    const list = [
      ranked('a1', 'a', 'food'),
      ranked('a2', 'a', 'food'),
      ranked('b1', 'b', 'food'),
      ranked('c1', 'c', 'food'),
      ranked('d1', 'd', 'hike'),
      ranked('z1', 'z', null, true),
      ranked('y1', 'y', null, true),
    ];
    const pages = arrange(list, 4, 50);
    assert.deepEqual(
      pages.map((p) => p.map((r) => r.id)),
      [
        ['a1', 'z1', 'b1', 'y1'],
        ['a2', 'c1', 'd1'],
      ],
    );
    const none = arrange(list, 4, 0).flat();
    assert.ok(none.every((r) => !r.otherLanguage) && none.length === 5);
    // A newcomer's note is placed by the fourth position of a page even when ranked last.
    const withNewcomer = [ranked('a1', 'a', null), ranked('b1', 'b', null), ranked('c1', 'c', null), ranked('d1', 'd', null)];
    withNewcomer.push({ ...ranked('n1', 'n', null), newcomer: true });
    assert.deepEqual(
      arrange(withNewcomer, 5, 0)[0]!.map((r) => r.id),
      ['a1', 'b1', 'c1', 'n1', 'd1'],
    );
    // Only one author left: each of their notes starts a page of its own rather than repeat on one.
    assert.deepEqual(
      arrange([ranked('x1', 'x', null), ranked('x2', 'x', null)], 10, 0).map((p) => p.length),
      [1, 1],
    );
  });

  test('a list kept for paging holds only what its pages can use, each language its share', () => {
    const mine = Array.from({ length: 50 }, (_, i) => ranked(`m${i}`, `a${i}`, null));
    const other = Array.from({ length: 50 }, (_, i) => ranked(`o${i}`, `b${i}`, null, true));
    const arranger = new PageArranger([...mine, ...other], 10, 30, 2);
    const pages: Ranked[][] = [];
    for (let page = arranger.next(); page; page = arranger.next()) pages.push(page);
    const ids = pages.flat().map((r) => r.id);
    // Room for two pages of 10 at 30 % in another language: the best 6 of those and the best 20 of
    // the reader's own (enough to fill both pages should the others run out), and no more.
    assert.deepEqual(
      pages.map((p) => p.length),
      [10, 10, 6],
    );
    assert.equal(pages[0]!.filter((r) => r.otherLanguage).length, 3);
    assert.deepEqual(ids.filter((id) => id.startsWith('o')), ['o0', 'o1', 'o2', 'o3', 'o4', 'o5']);
    assert.equal(ids.filter((id) => id.startsWith('m')).length, 20);
    assert.ok(ids.filter((id) => id.startsWith('m')).every((id) => Number(id.slice(1)) < 20));
  });
});
