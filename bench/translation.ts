/**
 * `node --expose-gc --import tsx bench/translation.ts [--runs N]`
 *
 * The translation module's resource claims (issue 5), measured in one fresh process:
 *   - RSS of a started app before and after the gloss stack (dictionary + jieba + pinyin-pro) loads,
 *     then after opencc-js and eld load too;
 *   - the first gloss after start (cold: includes loading everything it needs);
 *   - gloss and segmentation of a 1,000-character note, p50/p95;
 *   - a cached translation through the API (DeepL stand-in on 127.0.0.1), p50/p95.
 * Prints one JSON object; the lead copies the numbers into docs/benchmarks.md.
 */
import { signUpUser } from '../server/test/factories.js';
import { startTestApp } from '../server/test/harness.js';
import { createTextNote } from '../server/test/note-factory.js';
import { startDeeplServer } from '../server/modules/translation/test-servers/deepl.test-server.js';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 300;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

async function settledRss(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc!();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return process.memoryUsage().rss;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const ms = (n: number) => Math.round(n * 1000) / 1000;

function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
  return { p50: ms(at(50)), p95: ms(at(95)), max: ms(sorted.at(-1)!) };
}

async function timeEach(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

// Everyday note text: sentences of a food post, with a few Traditional and English words mixed in.
const SENTENCES = [
  '今天和朋友去了一家新开的火锅店，汤底很香，牛肉也很新鲜。',
  '我们在小红书上看到很多人种草这家店，终于来打卡了。',
  '服务员很热情，还送了我们一份甜品，真的绝绝子！',
  '价格不算便宜，但是重要的是味道好，下次还会再来。',
  '如果你喜欢吃辣，一定要试试他们的麻辣锅底。',
  '銀行旁邊那家奶茶店也很好喝，推薦給大家。',
  '周末人很多，建议提前排队或者重新安排时间。',
];
const NOTE = SENTENCES.join('').repeat(20).slice(0, 1000);

const deepl = await startDeeplServer('bench-key');
const t = await startTestApp('sqlite', {
  TRANSLATION_PROVIDER: 'deepl',
  DEEPL_API_KEY: 'bench-key',
  DEEPL_API_URL: deepl.url,
  TRANSLATION_RATE_PER_MINUTE: '1000000',
});
const { aids, detector } = t.ctx.translator;

const rssWithout = await settledRss();
const coldStart = performance.now();
await aids.glossChineseToEnglish('我想吃火锅');
const firstGlossMs = performance.now() - coldStart;
const rssGloss = await settledRss();

await aids.convert('这里的头发', 'zh-Hant');
await detector.detect('I like hot pot near the office');
const rssAll = await settledRss();

const gloss = percentiles(await timeEach(runs, () => aids.glossChineseToEnglish(NOTE)));
const segment = percentiles(await timeEach(runs, () => aids.segment(NOTE)));
const englishNote = 'I really like the hot pot place near my office, the soup is great and the beef is fresh. '.repeat(12).slice(0, 1000);
const glossEnglish = percentiles(await timeEach(runs, () => aids.glossEnglishToChinese(englishNote, 'zh-Hans')));

const reader = await signUpUser(t);
const note = await createTextNote(reader, { title: '火锅', body: NOTE });
const url = `/api/notes/${note.id}/translation`;
const first = await reader.post(url, { target: 'en' });
if (first.status !== 200 || first.body.provider !== 'deepl') throw new Error(`translation failed: ${first.text}`);
const requestsBefore = deepl.requests.length;
const cached = percentiles(await timeEach(runs, () => reader.post(url, { target: 'en' })));
if (deepl.requests.length !== requestsBefore) throw new Error('cached reads reached the provider');

console.log(
  JSON.stringify(
    {
      node: process.version,
      noteChars: NOTE.length,
      runs,
      rssMb: {
        appWithoutDictionary: mb(rssWithout),
        withGlossStack: mb(rssGloss),
        glossStackDelta: mb(rssGloss - rssWithout),
        withOpenccAndEld: mb(rssAll),
        allDelta: mb(rssAll - rssWithout),
      },
      firstGlossMs: ms(firstGlossMs),
      gloss1000CharsMs: gloss,
      segment1000CharsMs: segment,
      glossEnglish1000CharsMs: glossEnglish,
      cachedTranslationApiMs: cached,
    },
    null,
    2,
  ),
);
await t.close();
await deepl.close();
