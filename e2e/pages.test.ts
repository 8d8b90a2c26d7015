// Every main page: no serious or critical axe-core violations, and screenshots at phone and
// desktop width written to e2e/screenshots/ for people to look at.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { postNoteViaApi, signUpViaApi } from './fixtures.js';
import { DESKTOP, launchBrowser, newPerson, PHONE, type Server, screenshot, startServer, uniqueHandle } from './harness.js';
import { axeViolations } from './axe.js';


let server: Server;
let browser: Browser;
let person: { context: BrowserContext; page: Page };
let guest: { context: BrowserContext; page: Page };
let handle: string;
let noteId: string;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  person = await newPerson(browser, server.url);
  guest = await newPerson(browser, server.url);
  handle = uniqueHandle('mei');
  await signUpViaApi(person.context.request, handle, '美美 Mei');
  noteId = await postNoteViaApi(person.context.request, {
    title: '周末咖啡馆 ☕ Weekend café',
    body: 'Found a quiet café in Da\'an with the best pour-over. 大安区的安静咖啡馆，手冲超好喝 #咖啡 #taipei',
    photos: 3,
  });
  await postNoteViaApi(person.context.request, { title: 'Hiking Elephant Mountain 🐘', body: '象山步道 #hiking', photos: 1 });
  await postNoteViaApi(person.context.request, { title: '', body: 'Text-only note: 今天学会了一个新词「打卡」#中文', photos: 0 });
  await person.context.request.post(`/api/notes/${noteId}/comments`, { data: { body: '看起来好舒服 [laugh]' } });
  // Discover does not recommend people their own notes: someone else posts for Mei's waterfall.
  const friend = await newPerson(browser, server.url);
  await signUpViaApi(friend.context.request, uniqueHandle('lin'), '林 Lin');
  await postNoteViaApi(friend.context.request, { title: 'Night market snacks 夜市小吃', body: '士林夜市 #美食 #taipei', photos: 2 });
  await postNoteViaApi(friend.context.request, { title: 'Rainy day reading', body: 'A good book and tea #reading', photos: 0 });
  // Two people like Mei's note: her notifications show one "Lin and 1 other liked your note".
  const another = await newPerson(browser, server.url);
  await signUpViaApi(another.context.request, uniqueHandle('ana'), 'Ana');
  for (const fan of [another, friend]) await fan.context.request.post(`/api/notes/${noteId}/like`);
  await another.context.close();
  await friend.context.close();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const PAGES: Array<{ name: string; path: () => string; ready: string; signedOut?: boolean; axe?: boolean }> = [
  { name: 'discover', path: () => '/', ready: 'article.note-card', axe: true },
  { name: 'note', path: () => `/notes/${noteId}`, ready: '.comment', axe: true },
  { name: 'composer', path: () => '/compose', ready: 'main h1', axe: true },
  { name: 'profile', path: () => `/users/${handle}`, ready: 'article.note-card', axe: true },
  { name: 'settings', path: () => '/settings', ready: '.session-list', axe: true },
  { name: 'topic', path: () => `/topics/${encodeURIComponent('咖啡')}`, ready: 'article.note-card' },
  { name: 'notifications', path: () => '/notifications', ready: 'main h1' },
  { name: 'onboarding', path: () => '/onboarding', ready: 'main h1' },
  { name: 'sign-in', path: () => '/sign-in', ready: 'main h1', signedOut: true, axe: true },
  { name: 'sign-up', path: () => '/sign-up', ready: 'main h1', signedOut: true },
];

for (const p of PAGES) {
  test(`${p.name}: ${p.axe ? 'no serious accessibility violations; ' : ''}screenshots at 375 and 1280 px`, async () => {
    const page = p.signedOut ? guest.page : person.page;
    await page.setViewportSize(PHONE);
    await page.goto(p.path());
    await page.locator(p.ready).first().waitFor();
    // Let covers load so the screenshots show photos, not placeholders.
    await page.waitForLoadState('networkidle');
    if (p.axe) assert.deepEqual(await axeViolations(page), [], `${p.name} at ${PHONE.width}px`);
    await screenshot(page, p.name, PHONE);
    await screenshot(page, p.name, DESKTOP);
    if (p.axe) assert.deepEqual(await axeViolations(page), [], `${p.name} at ${DESKTOP.width}px`);
  });
}

test('dark theme and Chinese: discover and note screenshots', async () => {
  const page = person.page;
  await page.goto('/settings');
  await page.locator('input[name=theme][value=dark]').check();
  await page.locator('input[name=ui-locale][value=zh-Hans]').check();
  await page.getByRole('group', { name: '界面语言' }).waitFor();
  await page.goto('/');
  await page.locator('article.note-card').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'discover-dark-zh', PHONE);
  await page.goto(`/notes/${noteId}`);
  await page.locator('.comment').first().waitFor();
  await page.waitForLoadState('networkidle');
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'note-dark-zh', DESKTOP);
  await page.goto('/settings');
  await page.locator('input[name=theme][value=system]').check();
  await page.locator('input[name=ui-locale][value=en]').check();
});
