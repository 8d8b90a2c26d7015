// Search in a real browser: the header typeahead, and a cross-language search with its badge.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { postNoteViaApi, signUpViaApi } from './fixtures.js';
import { DESKTOP, launchBrowser, newPerson, PHONE, type Server, screenshot, startServer, uniqueHandle } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Indexing runs as a background job after commit: wait until the API finds what we posted. */
async function waitForIndex(page: Page, path: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const res = await page.request.get(path);
    if (res.ok() && ((await res.json()) as { items: unknown[] }).items.length > 0) return;
    await page.waitForTimeout(200);
  }
  throw new Error(`search never found ${path}`);
}

test('typeahead in the header opens a topic; "hot pot" finds a Chinese 火锅 note, marked as matched through translation', async () => {
  const { context, page } = await newPerson(browser, server.url);
  await signUpViaApi(page.request, uniqueHandle('hotpot'), '火锅爱好者');
  await postNoteViaApi(page.request, { title: '重庆火锅真好吃', body: '周末和朋友去吃了 #火锅 🍲 太辣了', photos: 0 });
  await waitForIndex(page, `/api/search/topics?q=${encodeURIComponent('火锅')}`);
  await waitForIndex(page, `/api/search/notes?q=${encodeURIComponent('hot pot')}`);

  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search' });
  await box.click();
  await box.pressSequentially('huog', { delay: 30 });
  const listbox = page.getByRole('listbox', { name: 'Suggestions' });
  // The topic itself, not a person whose name starts with 火锅.
  const topicOption = listbox.getByRole('option', { name: /^#?火锅\s/ });
  await topicOption.waitFor();
  assert.equal(await box.getAttribute('aria-expanded'), 'true');
  // Keyboard: down to the topic, Enter opens it.
  const optionIds = await listbox.getByRole('option').evaluateAll((els) => els.map((el) => el.id));
  const index = optionIds.indexOf((await topicOption.getAttribute('id')) ?? '');
  assert.ok(index >= 0);
  for (let i = 0; i <= index; i++) await box.press('ArrowDown');
  assert.equal(await box.getAttribute('aria-activedescendant'), await topicOption.getAttribute('id'));
  await box.press('Enter');
  await page.waitForURL((u) => decodeURIComponent(u.pathname) === '/topics/火锅');
  await page.getByRole('heading', { name: '#火锅' }).waitFor();

  // Escape closes the list; Enter with nothing chosen searches notes.
  await box.fill('hot pot');
  await page.getByRole('option', { name: /Search notes for/ }).waitFor();
  await box.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
  await box.press('Enter');
  await page.waitForURL((u) => u.pathname === '/search' && u.searchParams.get('q') === 'hot pot');
  const card = page.locator('article.search-hit', { hasText: '重庆火锅真好吃' });
  await card.waitFor();
  await card.getByText('Matched through translation').waitFor();
  // The match is highlighted as text, in a <mark>.
  assert.equal(await card.locator('mark', { hasText: '火锅' }).count() > 0, true);
  await screenshot(page, 'search-hot-pot', PHONE);
  await screenshot(page, 'search-hot-pot', DESKTOP);

  // The empty search page shows trending topics with their views.
  await page.goto('/search');
  await page.getByRole('heading', { name: 'Trending topics' }).waitFor();
  await page.getByRole('link', { name: /#火锅/ }).waitFor();
  await context.close();
});
