// English Corner / 中文角: an English speaker and a Chinese speaker find each other as language
// partners, chat in real time, one translates a message, the other proposes a correction, and it
// appears as a word diff on both screens — two browser profiles, one real server.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { signUpViaApi } from './fixtures.js';
import { DESKTOP, launchBrowser, newPerson, PHONE, type Server, screenshot, startServer, uniqueHandle } from './harness.js';

let server: Server;
let browser: Browser;
let sam: { context: BrowserContext; page: Page };
let mei: { context: BrowserContext; page: Page };
const samHandle = uniqueHandle('sam');
const meiHandle = uniqueHandle('mei');

async function partnerProfile(request: APIRequestContext, data: Record<string, unknown>) {
  const res = await request.put('/api/partners/profile', { data });
  assert.equal(res.status(), 200, await res.text());
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  sam = await newPerson(browser, server.url, 'en-US');
  mei = await newPerson(browser, server.url, 'zh-CN');
  await signUpViaApi(sam.context.request, samHandle, 'Sam');
  await signUpViaApi(mei.context.request, meiHandle, '小梅');
  await mei.context.request.patch('/api/me', { data: { uiLocale: 'zh-Hans' } });
  await partnerProfile(sam.context.request, {
    open: true,
    timeZone: 'America/Phoenix',
    availability: [18, 19, 20],
    languages: [
      { lang: 'en', kind: 'native' },
      { lang: 'zh-Hans', kind: 'learning', level: 2 },
    ],
    interests: ['cooking', 'erhu', 'hiking'],
  });
  await partnerProfile(mei.context.request, {
    open: true,
    timeZone: 'Asia/Shanghai',
    availability: [33, 34, 35],
    languages: [
      { lang: 'zh-Hans', kind: 'native' },
      { lang: 'en', kind: 'learning', level: 3 },
    ],
    interests: ['cooking', 'hiking', 'photography'],
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('they match with the reasons shown, and become partners', async () => {
  const page = sam.page;
  await page.setViewportSize(PHONE);
  await page.goto('/partners');
  const card = page.locator('.suggestion', { hasText: '小梅' });
  await card.waitFor();
  const reasons = await card.locator('.suggestion-reasons').textContent() ?? '';
  assert.match(reasons, /speaks .*Chinese natively/);
  assert.match(reasons, /learning English B1/);
  assert.match(reasons, /2 shared interests: cooking, hiking/);
  assert.match(reasons, /3 h overlap/);
  await card.getByRole('button', { name: 'Ask to be partners' }).click();
  await card.getByRole('button', { name: 'Request sent' }).waitFor();
  await screenshot(page, 'partners', PHONE);

  await mei.page.setViewportSize(PHONE);
  await mei.page.goto('/partners');
  const request = mei.page.locator('.suggestion', { hasText: 'Sam' }).first();
  await request.getByRole('button', { name: '接受' }).click();
  await mei.page.getByRole('heading', { name: '我的语伴', exact: true }).waitFor();
  assert.deepEqual(await axeViolations(mei.page), []);
});

test('they chat live; Sam translates; Mei corrects and both see the diff', async () => {
  // Mei opens the conversation from her partner list.
  await mei.page.getByRole('link', { name: '发消息' }).click();
  await mei.page.waitForURL(/\/messages\/.+/);
  const conversationUrl = new URL(mei.page.url()).pathname;

  // Sam finds it in his inbox.
  await sam.page.goto('/messages');
  await sam.page.getByRole('link', { name: /小梅/ }).click();
  await sam.page.waitForURL(`**${conversationUrl}`);
  await sam.page.getByRole('textbox', { name: 'Message' }).waitFor();

  // Mei writes; it arrives on Sam's screen without a reload.
  await mei.page.getByRole('textbox', { name: '消息' }).fill('我喜欢火锅');
  await mei.page.getByRole('button', { name: '发送', exact: true }).click();
  await sam.page.locator('.chat-message', { hasText: '我喜欢火锅' }).waitFor();
  // Pinyin interleaves the text with readings, so the message is found by its seq from here on.
  const seq = await sam.page.locator('.chat-message', { hasText: '我喜欢火锅' }).getAttribute('data-seq');
  const fromMei = sam.page.locator(`.chat-message[data-seq="${seq}"]`);

  // Sam translates it inline.
  await fromMei.getByRole('button', { name: 'Translate' }).click();
  await fromMei.locator('.chat-translation').getByText(/hot ?pot/i).waitFor();
  await fromMei.getByRole('button', { name: 'Pinyin' }).click();
  await fromMei.locator('ruby').first().waitFor();

  // Sam answers with a mistake; Mei proposes a correction.
  await sam.page.getByRole('textbox', { name: 'Message' }).fill('Yesterday I goed to a hot pot restaurant');
  await sam.page.getByRole('textbox', { name: 'Message' }).press('Enter');
  const fromSam = mei.page.locator('.chat-message', { hasText: 'I goed to' });
  await fromSam.waitFor();
  await fromSam.getByRole('button', { name: '纠错' }).click();
  await fromSam.getByRole('textbox', { name: '修改后的句子' }).fill('Yesterday I went to a hot pot restaurant');
  await fromSam.getByRole('textbox', { name: '备注（可选）' }).fill('go → went');
  await fromSam.getByRole('button', { name: '发送纠错' }).click();
  await fromSam.locator('.correction del', { hasText: 'goed' }).waitFor();

  // Sam is told live: the correction appears under his message as a diff.
  const mine = sam.page.locator('.chat-message.mine', { hasText: 'I goed to' });
  await mine.locator('.correction del', { hasText: 'goed' }).waitFor();
  await mine.locator('.correction ins', { hasText: 'went' }).waitFor();
  await mine.getByText('go → went').waitFor();
  await screenshot(sam.page, 'chat-correction', PHONE);
  await screenshot(sam.page, 'chat-correction', DESKTOP);
  assert.deepEqual(await axeViolations(sam.page), []);
});

test('a corner room: Sam opens “English Corner”, Mei joins and talks, Sam hears it live', async () => {
  await sam.page.goto('/corner');
  await sam.page.getByRole('textbox', { name: 'Room name' }).fill('English Corner');
  await sam.page.getByRole('textbox', { name: 'Topic' }).fill('Small talk, mistakes welcome');
  await sam.page.getByRole('button', { name: 'Open a room' }).click();
  await sam.page.waitForURL(/\/corner\/.+/);
  await sam.page.getByRole('heading', { name: 'English Corner' }).waitFor();

  await mei.page.goto('/corner');
  await mei.page.getByRole('link', { name: /English Corner/ }).click();
  await mei.page.getByRole('button', { name: '加入聊天室' }).click();
  await mei.page.getByRole('textbox', { name: '消息' }).fill('Hello! Nice to meet you all.');
  await mei.page.getByRole('textbox', { name: '消息' }).press('Enter');
  await sam.page.locator('.chat-message', { hasText: 'Nice to meet you all' }).waitFor();
  await screenshot(sam.page, 'corner-room', PHONE);
  assert.deepEqual(await axeViolations(mei.page), []);
});
