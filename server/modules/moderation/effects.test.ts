import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ModerationEventsTable } from '../../db/schema/index.js';
import { derive } from './effects.js';
import { fileSnapshot } from './rules-file.js';

const rules = fileSnapshot(null);
let seq = 0;
function ev(action: ModerationEventsTable['action'], extra: Partial<ModerationEventsTable> = {}): ModerationEventsTable {
  seq++;
  return {
    id: `e${String(seq).padStart(4, '0')}`,
    subject_kind: 'note',
    subject_id: 'n1',
    subject_user_id: 'u1',
    action,
    rule_id: 'spam',
    rule_version: 1,
    note: 'x',
    evidence: '[]',
    confidence: null,
    automated: 0,
    actor_id: 'm1',
    until_at: null,
    reverses_id: null,
    decision_ms: null,
    created_at: seq,
    ...extra,
  };
}

describe('status derived from the log', () => {
  it('replays actions; a reversal undoes exactly the event it names', () => {
    const limit = ev('limit');
    const remove = ev('remove');
    assert.equal(derive('note', [limit, remove], rules).state, 'removed');
    const undone = derive('note', [limit, remove, ev('reverse', { reverses_id: remove.id })], rules);
    assert.deepEqual([undone.state, undone.eventId], ['limited', limit.id]);
  });

  it('a dismissal releases an automated hold or label, but never undoes a person’s decision', () => {
    assert.equal(derive('note', [ev('hold', { automated: 1, actor_id: null }), ev('dismiss')], rules).state, 'normal');
    assert.equal(derive('note', [ev('label', { automated: 1, actor_id: null }), ev('dismiss')], rules).state, 'normal');
    assert.equal(derive('note', [ev('limit'), ev('dismiss')], rules).state, 'limited');
    const suspended = derive('account', [ev('suspend', { until_at: 99 }), ev('dismiss')], rules);
    assert.deepEqual([suspended.state, suspended.until], ['suspended', 99]);
    assert.equal(derive('account', [ev('warn')], rules).state, 'ok');
  });
});
