import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from '../../test/client.js';
import { signUpUser } from '../../test/factories.js';
import { startTestApp, type TestApp, testDatabases } from '../../test/harness.js';
import { isTimeZone, offsetMinutes, toUtcHours } from './time-zone.js';

const MON = (h: number) => h; // Monday hours of the week, local time
const TUE = (h: number) => 24 + h;

interface Profile {
  native: string[];
  learning?: Array<[string, number]>;
  interests?: string[];
  timeZone?: string;
  availability?: number[];
  open?: boolean;
}

async function person(t: TestApp, p: Profile): Promise<Client> {
  const c = await signUpUser(t);
  const res = await c.put('/api/partners/profile', {
    open: p.open ?? true,
    timeZone: p.timeZone ?? 'UTC',
    availability: p.availability ?? [],
    languages: [
      ...p.native.map((lang) => ({ lang, kind: 'native' })),
      ...(p.learning ?? []).map(([lang, level]) => ({ lang, kind: 'learning', level })),
    ],
    interests: p.interests ?? [],
  });
  assert.equal(res.status, 200, res.text);
  return c;
}

describe('time zones', () => {
  it('knows IANA zones, their offsets, and moves hours of the week to UTC', () => {
    assert.ok(isTimeZone('Asia/Shanghai'));
    assert.ok(isTimeZone('UTC'));
    assert.equal(isTimeZone('Mars/Olympus_Mons'), false);
    assert.equal(isTimeZone('../../etc'), false);
    assert.equal(offsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 1)), 330);
    assert.equal(offsetMinutes('America/Phoenix', Date.UTC(2026, 6, 1)), -420);
    // Monday 18:00 in Phoenix is Tuesday 01:00 UTC; Monday 00:00 in Shanghai wraps back to Sunday 16:00 UTC.
    assert.deepEqual([...toUtcHours([MON(18)], 'America/Phoenix', Date.now())], [TUE(1)]);
    assert.deepEqual([...toUtcHours([MON(0)], 'Asia/Shanghai', Date.now())], [6 * 24 + 16]);
  });
});

for (const kind of testDatabases()) {
  describe(`partner matching on a fixture population [${kind}]`, () => {
    let t: TestApp;
    let me: Client;
    const who: Record<string, Client> = {};
    before(async () => {
      t = await startTestApp(kind);
      // An English speaker in Phoenix learning Chinese (HSK 2), free Monday evenings.
      me = await person(t, {
        native: ['en'],
        learning: [['zh-Hans', 2]],
        interests: ['cooking', 'erhu', 'hiking', 'chess'],
        timeZone: 'America/Phoenix',
        availability: [MON(18), MON(19), MON(20)],
      });
      // Shanghai Tuesday 09–11 is Phoenix Monday 18–20.
      who.perfect = await person(t, {
        native: ['zh-Hans'],
        learning: [['en', 2]],
        interests: ['Cooking', 'erhu', 'hiking'],
        timeZone: 'Asia/Shanghai',
        availability: [TUE(9), TUE(10), TUE(11), TUE(12)],
      });
      who.traditional = await person(t, { native: ['zh-Hant'], learning: [['en', 4]], timeZone: 'Asia/Taipei' });
      who.oneWay = await person(t, { native: ['zh-Hans'], learning: [['ja', 3]], interests: ['cooking', 'erhu', 'hiking'] });
      who.wrongLanguage = await person(t, { native: ['ja'], learning: [['en', 3]], interests: ['cooking'] });
      who.closed = await person(t, { native: ['zh-Hans'], learning: [['en', 2]], open: false });
      who.blocked = await person(t, { native: ['zh-Hans'], learning: [['en', 2]], interests: ['cooking', 'erhu', 'hiking'] });
      who.blocker = await person(t, { native: ['zh-Hans'], learning: [['en', 2]], interests: ['cooking', 'erhu', 'hiking'] });
      await me.post(`/api/users/${who.blocked.handle}/block`);
      await who.blocker.post(`/api/users/${me.handle}/block`);
    });
    after(() => t.close());

    it('ranks complementary pairs first, with the reasons that put them there', async () => {
      const res = await me.get('/api/partners/suggestions');
      assert.equal(res.status, 200, res.text);
      const order = res.body.items.map((s: { user: { id: string } }) => s.user.id);
      assert.deepEqual(order, [who.perfect!.userId, who.traditional!.userId, who.oneWay!.userId]);
      const [perfect, traditional, oneWay] = res.body.items;
      assert.deepEqual(perfect.reasons, {
        speaksNatively: ['zh-Hans'],
        learning: [{ lang: 'en', level: 2 }],
        sharedInterests: ['cooking', 'erhu', 'hiking'],
        overlapHours: 3,
        activeRecently: true,
        newcomer: true,
      });
      assert.equal(perfect.timeZone, 'Asia/Shanghai');
      assert.deepEqual(traditional.reasons.speaksNatively, ['zh-Hant'], 'Traditional Chinese is Chinese to a learner');
      assert.deepEqual(oneWay.reasons.learning, [], 'not learning English: an exchange only one way');
    });

    it('never suggests someone across a block, a closed profile, or someone without my target language', async () => {
      const ids = (await me.get('/api/partners/suggestions')).body.items.map((s: { user: { id: string } }) => s.user.id);
      for (const name of ['blocked', 'blocker', 'closed', 'wrongLanguage']) assert.ok(!ids.includes(who[name]!.userId), name);
      // And the other way round: the person I blocked does not get me either.
      const theirs = (await who.blocked!.get('/api/partners/suggestions')).body.items.map((s: { user: { id: string } }) => s.user.id);
      assert.ok(!theirs.includes(me.userId));
    });

    it('never suggests someone I reported (moderation reports)', async () => {
      const reported = await person(t, { native: ['zh-Hans'], learning: [['en', 2]], interests: ['cooking', 'erhu', 'hiking'] });
      const ids = async () => (await me.get('/api/partners/suggestions')).body.items.map((s: { user: { id: string } }) => s.user.id);
      assert.ok((await ids()).includes(reported.userId));
      // Written as the moderation module stores a report of an account.
      await t.ctx.database.db
        .insertInto('moderation_reports')
        .values({ id: `r-${reported.userId}`, reporter_id: me.userId, subject_kind: 'account', subject_id: reported.userId, rule_id: 'spam', comment: '', created_at: Date.now(), resolved_event_id: null })
        .execute();
      assert.ok(!(await ids()).includes(reported.userId));
    });

    it('filters by language, level and region', async () => {
      const hant = await me.get('/api/partners/suggestions?lang=zh-Hant');
      assert.equal(hant.body.items.length, 3, 'zh-Hant and zh-Hans are both Chinese');
      const advanced = await me.get('/api/partners/suggestions?minLevel=4');
      assert.deepEqual(advanced.body.items.map((s: { user: { id: string } }) => s.user.id), [who.traditional!.userId]);
      await who.traditional!.patch('/api/me', { region: 'TW' });
      const tw = await me.get('/api/partners/suggestions?region=TW');
      assert.deepEqual(tw.body.items.map((s: { user: { id: string } }) => s.user.id), [who.traditional!.userId]);
    });

    it('refuses a time zone Intl does not know', async () => {
      const res = await me.put('/api/partners/profile', { timeZone: 'Mars/Olympus_Mons' });
      assert.equal(res.status, 400);
      assert.equal(res.body.code, 'time_zone_invalid');
    });
  });
}
