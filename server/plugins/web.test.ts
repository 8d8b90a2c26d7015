import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, openGraphTags } from './web.js';

test('Open Graph tags escape everything a note author wrote', () => {
  const tags = openGraphTags({
    title: '"><script>alert(1)</script>',
    description: "it's <b>bold</b> & \"quoted\"",
    url: 'http://localhost:3000/notes/abc',
    image: 'http://localhost:3000/media/x.webp?a=1&b=2',
  });
  assert.doesNotMatch(tags, /<script>|<b>/);
  assert.match(tags, /og:title" content="&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  assert.match(tags, /og:description" content="it&#39;s &lt;b&gt;bold&lt;\/b&gt; &amp; &quot;quoted&quot;"/);
  assert.match(tags, /og:image" content="http:\/\/localhost:3000\/media\/x.webp\?a=1&amp;b=2"/);
  assert.match(tags, /twitter:card" content="summary_large_image"/);
});

test('escapeHtml leaves plain CJK and emoji text alone', () => {
  assert.equal(escapeHtml('淡水的日落 🌅'), '淡水的日落 🌅');
});
