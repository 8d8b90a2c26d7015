import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadEld } from './eld-model.js';

describe("eld's model read as JSON", () => {
  it("is eld's own factory and data (not the fallback), scoring exactly as eld/small does", async () => {
    const loaded = await loadEld();
    assert.equal(loaded.source, 'json', "eld's layout changed: the detector fell back to eld/small");
    const { eld: reference } = (await import('eld/small')) as { eld: typeof loaded.eld };
    const texts = [
      'Spicy broth tonight with friends',
      'Hola, ¿cómo estás? Me encanta la comida picante',
      'Das Wetter ist heute wirklich schön',
      'Je voudrais un café, s’il vous plaît',
      'ok',
      'note 4821 #hotpot',
    ];
    for (const text of texts) {
      const ours = loaded.eld.detect(text);
      const theirs = reference.detect(text);
      assert.equal(ours.language, theirs.language, text);
      assert.equal(ours.isReliable(), theirs.isReliable(), text);
      assert.deepEqual(ours.getScores(), theirs.getScores(), text);
    }
    assert.equal(loaded.eld.detect('Das Wetter ist heute wirklich schön').language, 'de');
  });
});
