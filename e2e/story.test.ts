// The user story, as two people in two browsers would live it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { jpeg, signUpViaApi } from './fixtures.js';
import { launchBrowser, newPerson, type Server, signUpThroughUi, startServer, uniqueHandle } from './harness.js';

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

test('A posts a three-photo note; B finds, likes, collects and comments in Chinese; A is notified and replies', async () => {
  const a = await newPerson(browser, server.url);
  const b = await newPerson(browser, server.url);
  const aHandle = uniqueHandle('amy');
  const bHandle = uniqueHandle('bo');
  const title = 'Sunset at Tamsui 🌅';

  // A: sign up, onboard, compose.
  await signUpThroughUi(a.page, aHandle, 'Amy Chen');
  await a.page.getByRole('link', { name: 'Post' }).click();
  await a.page.getByRole('heading', { name: 'New note' }).waitFor();
  const photos = await Promise.all([jpeg(800, 600, 1), jpeg(600, 800, 2), jpeg(700, 700, 3)]);
  await a.page.locator('input[type=file]').setInputFiles(
    photos.map((buffer, i) => ({ name: `photo-${i + 1}.jpg`, mimeType: 'image/jpeg', buffer })),
  );
  await a.page.getByText('3/18 photos').waitFor();
  await a.page.locator('.upload-item.uploading').first().waitFor({ state: 'detached' });
  assert.equal(await a.page.locator('.upload-item.done').count(), 3);
  await a.page.getByLabel('Description of photo 1').fill('The river at dusk, boats in silhouette');
  await a.page.getByLabel('Title').fill(title);
  await a.page.getByLabel('Body').fill('Golden hour by the river #淡水 <script>alert("x")</script> see you there');
  await a.page.getByRole('button', { name: 'Publish' }).click();
  await a.page.waitForURL(/\/notes\/[\w-]+$/);
  const noteUrl = new URL(a.page.url()).pathname;
  await a.page.getByRole('heading', { name: title }).waitFor();
  // User text is text: the script tag is shown, never run.
  await a.page.getByText('<script>alert("x")</script>', { exact: false }).waitFor();
  assert.equal(await a.page.locator('.note-body script').count(), 0);
  assert.equal(await a.page.locator('.carousel-slide').count(), 3);
  await a.page.getByRole('link', { name: '#淡水' }).first().waitFor();
  assert.equal(await a.page.getByRole('img', { name: 'The river at dusk, boats in silhouette' }).count(), 1);

  // B: sign up, find the note on Discover, like it from the card.
  await signUpThroughUi(b.page, bHandle, '小波');
  const card = b.page.locator('article.note-card', { hasText: title });
  await card.waitFor();
  await card.getByRole('button', { name: /^Like/ }).click();
  await card.getByRole('button', { name: /^Unlike/ }).waitFor();
  await card.getByRole('link', { name: title }).click();
  await b.page.waitForURL(`**${noteUrl}`);
  await b.page.getByRole('heading', { name: title }).waitFor();
  assert.equal(await b.page.getByRole('button', { name: /Like/ }).first().getAttribute('aria-pressed'), 'true');

  // Carousel: arrow keys and dots.
  await b.page.locator('.carousel-track').focus();
  await b.page.keyboard.press('ArrowRight');
  await b.page.getByRole('button', { name: 'Photo 2 of 3' }).and(b.page.locator('[aria-current="true"]')).waitFor();

  // Collect into a new board.
  await b.page.getByRole('button', { name: 'Collect' }).click();
  const dialog = b.page.getByRole('dialog', { name: 'Collect into a board' });
  await dialog.getByLabel('New board').check();
  await dialog.getByLabel('Board name').fill('台北旅行');
  await dialog.getByRole('button', { name: 'Create and collect' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await b.page.getByRole('button', { name: 'Collect' }).and(b.page.locator('[aria-pressed="true"]')).waitFor();

  // Comment in Chinese.
  await b.page.getByRole('textbox', { name: 'Comment' }).fill('太美了！下次去淡水一定要看日落 😍');
  await b.page.getByRole('button', { name: 'Send' }).click();
  await b.page.getByText('太美了！下次去淡水一定要看日落 😍').waitFor();

  // C likes it too: A gets one notification for both likes.
  const c = await newPerson(browser, server.url);
  await signUpViaApi(c.context.request, uniqueHandle('cy'), 'Cy');
  assert.equal((await c.context.request.post(`/api/notes${noteUrl.slice('/notes'.length)}/like`)).status(), 200);
  await c.context.close();

  // A: the badge, the notification, the reply.
  await a.page.goto('/');
  await a.page.locator('.tabbar .badge').waitFor();
  await a.page.getByRole('link', { name: /Notifications/ }).click();
  await a.page.getByRole('heading', { name: 'Notifications' }).waitFor();
  await a.page.getByText('commented on your note').waitFor();
  await a.page.locator('.notification', { hasText: 'Cy and 1 other liked your note' }).waitFor();
  assert.equal(await a.page.getByText('liked your note').count(), 1);
  await a.page.getByText('collected your note').waitFor();
  await a.page.getByRole('link', { name: 'commented on your note' }).click();
  await a.page.waitForURL(`**${noteUrl}*`);
  const comment = a.page.locator('li.comment', { hasText: '太美了' });
  await comment.getByRole('button', { name: 'Reply' }).first().click();
  await a.page.getByRole('textbox', { name: 'Comment' }).fill('Thank you! 谢谢你 🙏');
  await a.page.getByRole('button', { name: 'Send' }).click();
  await comment.locator('.replies').getByText('Thank you! 谢谢你 🙏').waitFor();

  // B sees the reply in their notifications.
  await b.page.goto('/notifications');
  await b.page.getByText('replied to your comment').waitFor();

  // The shared link unfurls: Open Graph tags rendered by the server, escaped.
  const html = await (await fetch(`${server.url}${noteUrl}`)).text();
  assert.match(html, /<meta property="og:title" content="Sunset at Tamsui 🌅" \/>/);
  assert.match(html, /<meta property="og:image" content="http:\/\/[^"]+\/media\/[^"]+"/);
  assert.match(html, /og:description" content="Golden hour by the river #淡水 &lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);

  await a.context.close();
  await b.context.close();
});
