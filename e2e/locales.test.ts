// Switching the UI language changes every visible label, in both Chinese scripts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { signUpViaApi } from './fixtures.js';
import { launchBrowser, newPerson, type Server, startServer, uniqueHandle } from './harness.js';

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

const LABELS = {
  en: ['Discover', 'Post', 'Notifications', 'Me', 'Settings', 'App language', 'Theme', 'Change password', 'Signed-in devices'],
  'zh-Hans': ['发现', '发布', '消息', '我', '设置', '界面语言', '外观', '修改密码', '已登录的设备'],
  'zh-Hant': ['探索', '發佈', '通知', '我', '設定', '介面語言', '外觀', '變更密碼', '已登入的裝置'],
} as const;

/** Visible text with the person's own data and language names taken out: what is left is UI labels. */
async function uiText(page: Page, remove: string[]): Promise<string> {
  // innerText, not textContent: only what is visible on screen counts.
  // biome-ignore lint/performance/useDomNodeTextContent: visible text is the point
  let text = await page.locator('body').innerText();
  for (const r of remove) text = text.split(r).join(' ');
  return text;
}

test('every visible label changes in 简体中文 and 繁體中文, and back in English', async () => {
  const { context, page } = await newPerson(browser, server.url);
  const handle = uniqueHandle('lin');
  await signUpViaApi(context.request, handle, 'Lin');
  const ownData = [handle, 'Lin', 'Designer in Taipei', 'English', '简体中文', '繁體中文', 'Kuaan'];

  for (const locale of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    await page.goto('/settings');
    await page.locator(`input[name=ui-locale][value=${locale}]`).check();
    await page.waitForFunction((l) => (globalThis as any).document.documentElement.lang === l, locale);
    for (const label of LABELS[locale]) {
      await page.getByText(label, { exact: true }).filter({ visible: true }).first().waitFor({ timeout: 5000 });
    }
    if (locale !== 'en') {
      for (const english of LABELS.en.filter((l) => l !== 'Me')) {
        assert.equal(await page.getByText(english, { exact: true }).filter({ visible: true }).count(), 0, `"${english}" still shown in ${locale}`);
      }
      // Pages without user agents or other foreign data: no Latin word may remain.
      for (const path of ['/', '/compose', '/notifications', `/users/${handle}`]) {
        await page.goto(path);
        await page.locator('main h1, main .empty').first().waitFor();
        await page.waitForTimeout(300);
        const leftover = (await uiText(page, ownData)).match(/[A-Za-z]{3,}/g);
        assert.equal(leftover, null, `${locale} ${path}: untranslated ${leftover?.join(', ')}`);
      }
    }
  }
  // The choice sticks across a reload (and the account carries it).
  await page.locator(`input[name=ui-locale][value=zh-Hant]`).check();
  await page.reload();
  await page.getByRole('group', { name: '介面語言' }).waitFor();
  const me = await (await context.request.get('/api/me')).json();
  assert.equal(me.uiLocale, 'zh-Hant');
  await context.close();
});
