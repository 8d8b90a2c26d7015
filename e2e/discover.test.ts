// Discover in a real browser: "Why am I seeing this?", "Not interested" with undo, and the
// language-mix setting that takes other-language notes out of the waterfall.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations } from './axe.js';
import { postNoteViaApi, signUpViaApi } from './fixtures.js';
import { launchBrowser, newPerson, PHONE, type Server, screenshot, startServer, uniqueHandle } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  // Discover ranked on threads of its own (DISCOVER_THREADS), as an operator with cores to spare runs it.
  server = await startServer({ DISCOVER_THREADS: '2' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Language detection runs after commit: wait until the note has one. */
async function waitForLanguage(page: Page, noteId: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await page.request.get(`/api/notes/${noteId}/language`);
    if (res.ok() && ((await res.json()) as { lang: string | null }).lang) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`note ${noteId} never got a language`);
}

test('a card says why it is there; "not interested" hides it with undo; a share of 0 keeps other languages out', async () => {
  const author = await newPerson(browser, server.url);
  await signUpViaApi(author.page.request, uniqueHandle('shan'), '山里人');
  const title = '周末去爬山，风景很美';
  const noteId = await postNoteViaApi(author.page.request, { title, body: '今天天气很好，我们去爬山了，山上的风景非常美丽。', photos: 1 });
  await waitForLanguage(author.page, noteId);

  const { context, page } = await newPerson(browser, server.url);
  await signUpViaApi(page.request, uniqueHandle('reader'), 'Reader');
  await page.request.patch('/api/me', { data: { languages: [{ lang: 'en', kind: 'native' }] } });

  await page.goto('/');
  const card = page.locator('article.note-card', { hasText: title });
  await card.waitFor();
  const more = card.getByRole('button', { name: 'Why this note, and more options' });
  await more.click();
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  await card.getByText('Why am I seeing this?').waitFor();
  await card.getByText(/^Written in .*Chinese.*; the built-in word gloss helps you read it$/).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'discover-why', PHONE);
  // Escape closes the panel and gives focus back to its button.
  await page.keyboard.press('Escape');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await more.evaluate((el) => el === el.ownerDocument.activeElement), true);

  await more.click();
  await card.getByRole('button', { name: 'Not interested in this note' }).click();
  const hidden = page.getByRole('status').filter({ hasText: 'Hidden. You will not see this note on Discover again.' });
  await hidden.waitFor();
  await hidden.getByRole('button', { name: 'Undo' }).click();
  await page.locator('article.note-card', { hasText: title }).waitFor();

  // The language mix: move the slider to "None" with the keyboard and save.
  await page.goto('/settings');
  const slider = page.getByRole('slider', { name: 'Notes in languages you don’t speak' });
  await slider.focus();
  await page.keyboard.press('Home');
  assert.equal(await slider.getAttribute('aria-valuetext'), 'None');
  await page.locator('section', { has: page.getByRole('heading', { name: 'Discover' }) }).getByRole('button', { name: 'Save' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
  await page.goto('/');
  await page.getByRole('button', { name: 'Latest' }).waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await page.locator('article.note-card', { hasText: title }).count(), 0, 'share 0: the Chinese note is gone');

  // The chronological order shows everything newest first, and says so.
  await page.getByRole('button', { name: 'Latest' }).click();
  const latest = page.locator('article.note-card', { hasText: title });
  await latest.waitFor();
  await latest.getByRole('button', { name: 'Why this note, and more options' }).click();
  await latest.getByText('Newest first: you chose the chronological order').waitFor();
  await context.close();
  await author.context.close();
});
