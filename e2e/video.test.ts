// An author posts a video note: picks a file, watches the upload and processing progress, posts it,
// and the video plays on the note page (poster first, then frames advancing).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeClip } from '../server/test/video-factory.js';
import { axeViolations } from './axe.js';
import { signUpViaApi } from './fixtures.js';
import { launchBrowser, newPerson, PHONE, type Server, screenshot, startServer, uniqueHandle } from './harness.js';

let server: Server;
let browser: Browser;
let author: { context: BrowserContext; page: Page };
let clipFile: string;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  author = await newPerson(browser, server.url, 'en-US');
  await signUpViaApi(author.context.request, uniqueHandle('vid'), 'Video Author');
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-e2e-clip-'));
  clipFile = path.join(dir, 'dumplings.mp4');
  await fs.writeFile(clipFile, await makeClip({ seconds: 3, width: 1280, height: 720 }));
  await fs.writeFile(path.join(dir, 'captions.vtt'), 'WEBVTT\n\n00:00.000 --> 00:02.000\nFold the wrapper in half.\n');
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (clipFile) await fs.rm(path.dirname(clipFile), { recursive: true, force: true });
});

test('post a video note, follow its progress, and watch it play', async () => {
  const { page } = author;
  await page.goto('/compose');
  await page.getByLabel('Video', { exact: true }).check();
  await page.getByTestId('video-input').setInputFiles(clipFile);
  // Upload, then processing: a status the author can read, ending in "Ready".
  await page.getByText(/Uploading…|Waiting to be processed…|Processing…|Ready/).first().waitFor();
  await page.getByText(/Ready · \d+ s/).waitFor({ timeout: 30_000 });
  // Captions in English, attached before posting.
  await page.locator('.captions-add input[type=file]').setInputFiles(path.join(path.dirname(clipFile), 'captions.vtt'));
  await page.getByRole('button', { name: 'Remove' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'composer with a ready video');
  // A later frame as the cover.
  await page.getByLabel(/Frame at/).fill('2000');
  const chosen = page.waitForResponse((r) => r.url().endsWith('/poster') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Use this frame' }).click();
  assert.equal((await chosen).status(), 200);
  await screenshot(page, 'video-composer', PHONE);
  await page.getByLabel('Title').fill('Folding dumplings');
  await page.getByLabel('Body').fill('Four folds, one pinch #cooking');
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.waitForURL(/\/notes\/[^/]+$/);

  const video = page.getByTestId('video-player');
  await video.waitFor();
  assert.ok(await video.getAttribute('poster'), 'the poster shows before playback');
  await screenshot(page, 'video-note', PHONE);
  assert.deepEqual(await axeViolations(page), [], 'video note page');
  // Muted playback is allowed without a gesture; frames must actually advance.
  // The e2e project has no DOM lib: describe the few media-element members used.
  type Media = { muted: boolean; play(): Promise<void>; currentTime: number; readyState: number; currentSrc: string };
  const played = await video.evaluate(async (node) => {
    const el = node as unknown as Media;
    el.muted = true;
    await el.play();
    const start = el.currentTime;
    await new Promise((r) => setTimeout(r, 1500));
    return { readyState: el.readyState, start, now: el.currentTime, src: el.currentSrc };
  });
  assert.ok(played.readyState >= 2, `readyState ${played.readyState}`);
  assert.ok(played.now > played.start, `currentTime did not advance: ${JSON.stringify(played)}`);
  // A phone-sized screen gets the 360p rendition.
  assert.match(played.src, /\/media\/vid\/.+\/1\.mp4$/);
  assert.equal(await page.locator('video[data-testid=video-player] track').count(), 1, 'the English captions are offered');

  // On a reader's Discover (Latest) the card shows the poster and plays muted while in view.
  const reader = await newPerson(browser, server.url, 'en-US');
  await signUpViaApi(reader.context.request, uniqueHandle('watch'), 'Reader');
  const rp = reader.page;
  await rp.goto('/');
  await rp.getByRole('button', { name: 'Latest' }).click();
  const preview = rp.locator('.video-preview video').first();
  await preview.waitFor({ state: 'attached' });
  await rp.waitForFunction(() => {
    const v = (globalThis as any).document.querySelector('.video-preview video') as { currentTime: number; muted: boolean } | null;
    return v?.muted && v.currentTime > 0;
  }, null, { timeout: 15_000 });
  await rp.getByRole('button', { name: 'Turn sound on' }).first().click();
  assert.ok(!rp.url().includes('/notes/'), 'the sound button does not open the note');
  await screenshot(rp, 'video-discover', PHONE);
  assert.deepEqual(await axeViolations(rp), [], 'discover with a playing video card');
});
