// Browser tests: the REAL server on a fresh SQLite database in a temp folder, serving the BUILT web
// app (web/dist), driven by Debian's Chromium through playwright-core. No browser is downloaded.
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { type AppContext, createContext } from '../server/context.js';
import { migrateToLatest } from '../server/db/migrations/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(root, 'e2e', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 900 };

export interface Server {
  url: string;
  /** The server's context (moderation tests grant roles through it, as `kuaan admin grant` does). */
  ctx: AppContext;
  close(): Promise<void>;
}

/**
 * The whole app on 127.0.0.1 with a random port and a fresh database; rate limits out of the way.
 * `env` adds settings a story needs (e.g. MODERATION_REGION_HEADER).
 */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  if (!existsSync(path.join(root, 'web', 'dist', 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build:web` before the browser tests');
  }
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    // E2E_LOG_LEVEL=debug shows what the server did (jobs, errors) when a story fails.
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'silent',
    HOST: '127.0.0.1',
    PORT: '0',
    RATE_LIMIT_SIGNUP_PER_HOUR: '100000',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '100000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    VIEW_FLUSH_MS: '200',
    ...env,
  });
  const ctx = await createContext(config);
  await migrateToLatest(ctx.database);
  const app = await buildApp(ctx);
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: address,
    ctx,
    async close() {
      await app.close();
      await ctx.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (its own cookies): one per person in a story. */
export async function newPerson(browser: Browser, baseURL: string, locale = 'en-US'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, locale, viewport: PHONE, permissions: ['clipboard-read', 'clipboard-write'] });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[page error] ${e.message}`));
  return { context, page };
}

/** Writes a screenshot of the current page at the given width into e2e/screenshots/. */
export async function screenshot(page: Page, name: string, size: { width: number; height: number }): Promise<void> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.setViewportSize(size);
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${size.width}.png`), fullPage: false });
}

let handleSeq = 0;
/** A handle that is unique within this run. */
export function uniqueHandle(prefix: string): string {
  return `${prefix}${Date.now().toString(36).slice(-5)}${handleSeq++}`;
}

/** Signs up through the UI with an email, then finishes onboarding. */
export async function signUpThroughUi(page: Page, handle: string, displayName: string): Promise<void> {
  await page.goto('/sign-up');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(`${handle}@example.com`);
  await page.getByRole('textbox', { name: 'Handle' }).fill(handle);
  await page.getByLabel(/Display name/).fill(displayName);
  await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/onboarding');
  await page.getByRole('heading', { name: 'Tell us about you' }).waitFor();
  await page.getByLabel('I have read the community rules').check();
  await page.getByRole('button', { name: 'Start exploring' }).click();
  await page.waitForURL((u) => u.pathname === '/');
}
