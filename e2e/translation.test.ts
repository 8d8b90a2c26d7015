// Reading across the language border: an English reader opens a Chinese note about hot pot, sees
// it (and its Chinese comments) in English with one click, turns on pinyin, opens a word card, flips
// Simplified → Traditional, and lets auto-translate and pinyin-by-default do it for them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { postNoteViaApi, signUpViaApi } from './fixtures.js';
import { DESKTOP, launchBrowser, newPerson, PHONE, type Server, screenshot, startServer, uniqueHandle } from './harness.js';
import { axeViolations } from './axe.js';


let server: Server;
let browser: Browser;
let author: { context: BrowserContext; page: Page };
let reader: { context: BrowserContext; page: Page };
let noteId: string;

/** Language detection runs after commit, off the request: wait until it has stored a language. */
async function detected(request: APIRequestContext, url: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const body = (await (await request.get(url)).json()) as { source: string | null };
    if (body.source) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no language detected for ${url}`);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  author = await newPerson(browser, server.url, 'zh-CN');
  reader = await newPerson(browser, server.url, 'en-US');
  await signUpViaApi(author.context.request, uniqueHandle('chef'), '川菜小王');
  await signUpViaApi(reader.context.request, uniqueHandle('sam'), 'Sam');
  await reader.context.request.patch('/api/me', { data: { languages: [{ lang: 'en', kind: 'native' }] } });
  noteId = await postNoteViaApi(author.context.request, {
    title: '成都火锅',
    body: '我们昨天去吃了火锅，汉字菜单很好看。#美食',
    photos: 1,
  });
  for (const body of ['这家火锅店在哪里？', '火锅太辣了，但是很好吃！']) {
    const res = await author.context.request.post(`/api/notes/${noteId}/comments`, { data: { body } });
    assert.equal(res.status(), 201, await res.text());
    await detected(author.context.request, `/api/comments/${((await res.json()) as { id: string }).id}/language`);
  }
  await detected(author.context.request, `/api/notes/${noteId}/language`);
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a Chinese note and its comments in English with one click, labelled as a word gloss', async () => {
  const page = reader.page;
  await page.setViewportSize(PHONE);
  const translationCalls: string[] = [];
  page.on('request', (r) => {
    if (/\/translations?$/.test(new URL(r.url()).pathname)) translationCalls.push(new URL(r.url()).pathname);
  });
  await page.goto(`/notes/${noteId}`);
  await page.getByRole('heading', { name: '成都火锅' }).waitFor();
  const tools = page.locator('.text-tools');
  const see = tools.getByRole('button', { name: 'See translation' });
  assert.equal(await see.getAttribute('aria-expanded'), 'false');
  await see.click();
  const panel = page.locator('.note-side > .translation');
  await panel.getByText(/hot pot/).first().waitFor();
  // Visible, and honest: a gloss is named as a gloss, with what made it.
  await panel.getByText('Word-by-word gloss, not a translation · Kuaan dictionary').waitFor();
  assert.equal(await tools.getByRole('button', { name: 'Hide translation' }).getAttribute('aria-expanded'), 'true');
  // The original stays; the translation is beside it, and toggles away.
  await page.locator('.note-body', { hasText: '我们昨天去吃了火锅' }).waitFor();
  await tools.getByRole('button', { name: 'Hide translation' }).click();
  await panel.waitFor({ state: 'detached' });
  await see.click();
  await panel.getByText(/hot pot/).first().waitFor();

  // Every comment on the page, in one batched request.
  translationCalls.length = 0;
  await page.getByRole('button', { name: 'Translate all comments' }).click();
  const comments = page.locator('li.comment');
  assert.equal(await comments.count(), 2);
  for (const comment of await comments.all()) {
    await comment.locator('.translation').getByText(/hot pot/).waitFor();
    await comment.locator('.translation-source').getByText('Word-by-word gloss').waitFor();
  }
  assert.deepEqual(translationCalls, [`/api/notes/${noteId}/comments/translations`]);
  await page.getByRole('button', { name: 'Show all originals' }).click();
  await page.locator('li.comment .translation').first().waitFor({ state: 'detached' });
  assert.equal(await page.locator('li.comment .translation').count(), 0);
  // One comment on its own.
  await comments.first().getByRole('button', { name: 'See translation' }).click();
  await comments.first().locator('.translation').getByText(/hot pot/).waitFor();
});

test('pinyin as ruby over the note and a comment; a word card that opens and closes with Escape', async () => {
  const page = reader.page;
  await page.goto(`/notes/${noteId}`);
  const tools = page.locator('.text-tools');
  const pinyin = tools.getByRole('button', { name: 'Pinyin' });
  assert.equal(await pinyin.getAttribute('aria-pressed'), 'false');
  await pinyin.click();
  assert.equal(await pinyin.getAttribute('aria-pressed'), 'true');
  const body = page.locator('.note-body');
  // Each word is a button named by what it shows (characters and readings); data-word is the word.
  const hotpot = body.locator('button.word[data-word="火锅"]');
  await hotpot.waitFor();
  assert.equal((await hotpot.locator('rt').allInnerTexts()).join(''), 'huǒguō');
  assert.equal(await hotpot.locator('ruby').first().evaluate((el) => (globalThis as any).getComputedStyle(el).display), 'ruby');
  assert.equal((await page.locator('#note-title rt').allInnerTexts()).join(' '), 'chéng dū huǒ guō');
  // The hashtag is still a link, with its pinyin.
  assert.equal((await body.locator('a.facet-link', { hasText: '#' }).locator('rt').allInnerTexts()).join(' '), 'měi shí');

  // Keyboard: the words are one tab stop; arrows move; Enter opens the card; Escape closes it.
  const first = body.locator('button.word[data-word="我们"]');
  await first.focus();
  assert.equal(await body.locator('button.word[tabindex="0"]').count(), 1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-word')), '火锅');
  await page.keyboard.press('Enter');
  const card = page.getByRole('dialog', { name: '火锅' });
  await card.waitFor();
  await card.getByText(/hot pot; hotpot/).waitFor();
  await card.getByText('火鍋').waitFor();
  await card.getByText('huǒ guō').first().waitFor();
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  assert.equal(await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute('data-word')), '火锅');
  // By pointer, closed with its button.
  await body.locator('button.word[data-word="汉字"]').click();
  const card2 = page.getByRole('dialog', { name: '汉字' });
  await card2.getByText(/Chinese character/).first().waitFor();
  await card2.getByRole('button', { name: 'Close' }).click();
  await card2.waitFor({ state: 'hidden' });

  // A Chinese comment gets the same tools.
  // (Newest first; located by position, since with pinyin on its text interleaves the readings.)
  const comment = page.locator('li.comment').first();
  await comment.getByText('火锅太辣了，但是很好吃！').waitFor();
  await comment.getByRole('button', { name: 'Pinyin' }).click();
  await comment.locator('button.word[data-word="火锅"]').waitFor();
  assert.match((await comment.locator('.comment-body rt').allInnerTexts()).join(' '), /huǒ guō tài là/);

  // Axe with translation and pinyin open, then the screenshots to look at.
  await tools.getByRole('button', { name: 'See translation' }).click();
  await page.locator('.note-side > .translation').getByText(/hot pot/).first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await axeViolations(page), [], `note with translation and pinyin at ${PHONE.width}px`);
  await page.locator('.note-title').scrollIntoViewIfNeeded();
  await screenshot(page, 'translation', PHONE);
  await page.evaluate(() => (globalThis as any).scrollTo(0, 0));
  await screenshot(page, 'translation', DESKTOP);
  assert.deepEqual(await axeViolations(page), [], `note with translation and pinyin at ${DESKTOP.width}px`);
  await hotpot.click();
  await page.getByRole('dialog', { name: '火锅' }).getByText(/hot pot; hotpot/).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'word card open');
  await screenshot(page, 'translation-word-card', PHONE);
  await page.keyboard.press('Escape');
  await page.setViewportSize(PHONE);
});

test('Simplified → Traditional and back', async () => {
  const page = reader.page;
  await page.goto(`/notes/${noteId}`);
  const toggle = page.locator('.text-tools').getByRole('button', { name: 'Traditional (繁)' });
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  const body = page.locator('.note-body');
  await body.getByText(/漢字菜單/).waitFor();
  await body.getByText(/火鍋/).waitFor();
  assert.equal(await body.getAttribute('lang'), 'zh-Hant');
  await page.getByRole('heading', { name: '成都火鍋' }).waitFor();
  // The hashtag link survives the conversion (same length, same offsets).
  await body.getByRole('link', { name: '#美食' }).waitFor();
  // With pinyin on, the words keep the Traditional forms.
  await page.locator('.text-tools').getByRole('button', { name: 'Pinyin' }).click();
  await body.locator('button.word[data-word="火鍋"]').waitFor();
  await page.locator('.text-tools').getByRole('button', { name: 'Pinyin' }).click();
  await toggle.click();
  await body.getByText(/汉字菜单/).waitFor();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
});

test('settings: auto-translate and pinyin by default are honoured', async () => {
  const page = reader.page;
  await page.goto('/settings');
  const card = page.locator('section', { has: page.getByRole('heading', { name: 'Translation and reading' }) });
  await card.getByLabel('Translate automatically').check();
  await card.getByLabel('Show pinyin by default').check();
  assert.equal(await card.getByRole('checkbox', { name: 'English' }).isChecked(), true);
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('Saved').waitFor();
  await page.goto(`/notes/${noteId}`);
  await page.locator('.note-side > .translation').getByText(/hot pot/).first().waitFor();
  assert.equal(await page.locator('.text-tools').getByRole('button', { name: 'Hide translation' }).getAttribute('aria-expanded'), 'true');
  for (const comment of await page.locator('li.comment').all()) await comment.locator('.translation').getByText(/hot pot/).waitFor();
  await page.locator('.note-body button.word[data-word="火锅"]').waitFor();

  // Reading Chinese too: nothing is offered for translation any more, and nothing is translated.
  await page.goto('/settings');
  await card.getByLabel('Show pinyin by default').uncheck();
  await card.getByRole('checkbox', { name: 'Chinese (China)' }).or(card.getByRole('checkbox', { name: 'Simplified Chinese' })).check();
  await card.getByRole('button', { name: 'Save' }).click();
  await card.getByText('Saved').waitFor();
  await page.goto(`/notes/${noteId}`);
  await page.getByRole('heading', { name: '成都火锅' }).waitFor();
  await page.locator('.text-tools').getByRole('button', { name: 'Pinyin' }).waitFor();
  assert.equal(await page.getByRole('button', { name: /See translation|Hide translation/ }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Translate all comments' }).count(), 0);
  assert.equal(await page.locator('.note-body ruby').count(), 0);
});
