// An author edits a photo note (title, order, alt text, a removed photo, visibility), corrects its
// language (and an English reader's "See translation" follows), and gets @mention suggestions from
// the server's typeahead in the composer. Nobody else sees Edit; a visitor is asked to sign in to translate.
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
const authorHandle = uniqueHandle('mei');
const readerHandle = uniqueHandle('sam');
let noteId: string;

async function json<T>(request: APIRequestContext, url: string): Promise<T> {
  const res = await request.get(url);
  assert.ok(res.ok(), `${url}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Detection and indexing run after commit, off the request: poll until they are done. */
async function eventually(what: string, check: () => Promise<boolean>, withinMs = 15_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}`);
}

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  author = await newPerson(browser, server.url, 'en-US');
  reader = await newPerson(browser, server.url, 'en-US');
  await signUpViaApi(author.context.request, authorHandle, 'Mei Lin');
  await signUpViaApi(reader.context.request, readerHandle, 'Sam Reader');
  await reader.context.request.patch('/api/me', { data: { languages: [{ lang: 'en', kind: 'native' }] } });
  // Mutual followers, so the reader still sees the note after it is narrowed to mutuals.
  for (const [who, whom] of [
    [author, readerHandle],
    [reader, authorHandle],
  ] as const) {
    const res = await who.context.request.post(`/api/users/${whom}/follow`);
    assert.ok(res.ok(), await res.text());
  }
  noteId = await postNoteViaApi(author.context.request, {
    title: 'Morning market',
    body: 'We walked to the morning market and bought fresh bread, peaches and flowers for the weekend.',
    photos: 3,
  });
  await eventually('language detection', async () => {
    const lang = await json<{ source: string | null }>(author.context.request, `/api/notes/${noteId}/language`);
    return lang.source !== null;
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('the author edits a photo note: title, order, alt text, a removed photo, visibility', async () => {
  const page = author.page;
  await page.setViewportSize(PHONE);
  const before = await json<{ images: Array<{ id: string; alt: string }> }>(page.request, `/api/notes/${noteId}`);
  const [p1, p2] = before.images;

  await page.goto(`/notes/${noteId}`);
  await page.getByRole('heading', { name: 'Morning market' }).waitFor();
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await page.waitForURL(`**/notes/${noteId}/edit`);
  await page.getByRole('heading', { name: 'Edit note' }).waitFor();

  // Prefilled: title, body, photos in order with their alt texts, visibility.
  assert.equal(await page.getByLabel('Title').inputValue(), 'Morning market');
  assert.match(await page.getByRole('combobox', { name: 'Body' }).inputValue(), /morning market/);
  for (let n = 1; n <= 3; n++) assert.equal(await page.getByLabel(`Description of photo ${n}`).inputValue(), `Photo ${n}`);
  assert.equal(await page.getByRole('radio', { name: 'Public' }).isChecked(), true);

  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'edit', PHONE);
  await screenshot(page, 'edit', DESKTOP);
  await page.setViewportSize(PHONE);

  await page.getByLabel('Title').fill('Morning market, revised');
  await page.getByRole('button', { name: 'Move photo 2 earlier' }).click();
  // Photo 2 is now first: describe it better.
  assert.equal(await page.getByLabel('Description of photo 1').inputValue(), 'Photo 2');
  await page.getByLabel('Description of photo 1').fill('Fresh bread on the counter');
  await page.getByRole('button', { name: 'Remove photo 3' }).click();
  assert.equal(await page.locator('.upload-item').count(), 2);
  await page.getByRole('radio', { name: 'Mutual followers' }).check();
  await page.getByLabel(/Location/).fill('Taipei');
  await page.getByRole('button', { name: 'Save changes' }).click();

  await page.waitForURL((u) => u.pathname === `/notes/${noteId}`);
  await page.getByRole('heading', { name: 'Morning market, revised' }).waitFor();
  const alts = await page.locator('.note-media img').evaluateAll((els) => els.map((el) => el.getAttribute('alt')));
  assert.deepEqual(alts.slice(0, 2), ['Fresh bread on the counter', 'Photo 1']);
  await page.locator('.note-date', { hasText: 'Mutual followers' }).waitFor();
  await page.locator('.note-date', { hasText: 'Taipei' }).waitFor();

  const after = await json<{ images: Array<{ id: string; alt: string }>; visibility: string; title: string }>(
    page.request,
    `/api/notes/${noteId}`,
  );
  assert.deepEqual(
    after.images.map((i) => [i.id, i.alt]),
    [
      [p2!.id, 'Fresh bread on the counter'],
      [p1!.id, 'Photo 1'],
    ],
  );
  assert.equal(after.visibility, 'mutuals');
  assert.equal(after.title, 'Morning market, revised');
});

test('someone else sees no Edit button, and cannot use the edit page', async () => {
  const page = reader.page;
  await page.goto(`/notes/${noteId}`);
  await page.locator('#note-title').waitFor();
  assert.equal(await page.getByRole('link', { name: 'Edit', exact: true }).count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Change' }).count(), 0);
  await page.goto(`/notes/${noteId}/edit`);
  await page.getByText('Only the author can edit this note.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Save changes' }).count(), 0);
});

test('the author corrects the language; an English reader is offered a translation only afterwards', async () => {
  const page = author.page;
  await page.goto(`/notes/${noteId}`);
  const control = page.locator('.language-control');
  await control.getByText('Language: English · detected').waitFor();

  await reader.page.goto(`/notes/${noteId}`);
  await reader.page.locator('#note-title').waitFor();
  await reader.page.locator('.note-actions, .note-date').first().waitFor();
  assert.equal(await reader.page.getByRole('button', { name: 'See translation' }).count(), 0);

  await control.getByRole('button', { name: 'Change' }).click();
  await control.getByLabel('Language', { exact: true }).selectOption('zh-Hans');
  await control.getByRole('button', { name: 'Save' }).click();
  await control.getByText('Language: Simplified Chinese · set by you').waitFor();
  const stored = await json<{ lang: string; source: string }>(page.request, `/api/notes/${noteId}/language`);
  assert.deepEqual([stored.lang, stored.source], ['zh-Hans', 'author']);

  await reader.page.reload();
  await reader.page.getByRole('button', { name: 'See translation' }).waitFor();
});

test('a signed-out visitor is asked to sign in to translate, and comes back to the note', async () => {
  const visitor = await newPerson(browser, server.url, 'en-US');
  // Visitors cannot see a mutuals-only note: make it public again.
  const res = await author.context.request.patch(`/api/notes/${noteId}`, { data: { visibility: 'public' } });
  assert.ok(res.ok(), await res.text());
  const page = visitor.page;
  await page.goto(`/notes/${noteId}`);
  const link = page.getByRole('link', { name: 'Sign in to see a translation' });
  await link.click();
  await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('next') === `/notes/${noteId}`);
  await page.getByLabel('Email, phone or handle').fill(readerHandle);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).last().click();
  await page.waitForURL((u) => u.pathname === `/notes/${noteId}`);
  await page.getByRole('button', { name: 'See translation' }).waitFor();
  await visitor.context.close();
});

test('the composer suggests an existing @handle from the typeahead and inserts it', async () => {
  const page = author.page;
  // Someone the author has never met: only the server's typeahead can know her.
  const stranger = await newPerson(browser, server.url);
  const strangerHandle = uniqueHandle('carol');
  await signUpViaApi(stranger.context.request, strangerHandle, 'Carol Wu');
  await stranger.context.close();
  const prefix = strangerHandle.slice(0, 6);
  // The sign-up is indexed after commit, off the request. The prefix ends in a digit about one run in
  // four ("carol3" for carol3x…): letters and digits are indexed apart, and the typeahead must still complete it.
  await eventually('the typeahead index', async () => {
    const hits = await json<{ users: Array<{ user: { handle: string } }> }>(page.request, `/api/search/typeahead?q=${prefix}`);
    return hits.users.some((h) => h.user.handle === strangerHandle);
  });

  await page.goto('/compose');
  const body = page.getByRole('combobox', { name: 'Body' });
  await body.click();
  const typeahead = page.waitForResponse((r) => r.url().includes('/api/search/typeahead'));
  await body.pressSequentially(`Market day with @${prefix}`, { delay: 20 });
  await typeahead;
  const list = page.locator('#composer-suggestions');
  const option = list.getByRole('option', { name: new RegExp(`@${strangerHandle}`) });
  await option.waitFor();
  assert.equal(await body.getAttribute('aria-expanded'), 'true');
  const ids = await list.getByRole('option').evaluateAll((els) => els.map((el) => el.id));
  const index = ids.indexOf((await option.getAttribute('id')) ?? '');
  for (let i = 0; i < index; i++) await body.press('ArrowDown');
  assert.equal(await body.getAttribute('aria-activedescendant'), await option.getAttribute('id'));
  await body.press('Enter');
  assert.equal(await body.inputValue(), `Market day with @${strangerHandle} `);
  assert.equal(await body.getAttribute('aria-expanded'), 'false');

  // With the typeahead down, people this browser knows (the author follows the reader) still complete.
  await page.route('**/api/search/typeahead*', (route) => route.abort());
  await body.pressSequentially(`and @${readerHandle.slice(0, 4)}`, { delay: 20 });
  await list.getByRole('option', { name: new RegExp(`@${readerHandle}`) }).waitFor();
  await page.unroute('**/api/search/typeahead*');
});
