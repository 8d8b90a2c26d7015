// Transparent moderation (issue 7) in the browser: report → decision → notice in 简体中文 with the
// evidence highlighted → appeal → reversal by a second moderator → content restored → notice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { grantRole } from '../server/modules/moderation/roles.js';
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

test('report, remove under a named rule, notice in 简体中文, appeal, reversal by another moderator, restored', async () => {
  const author = await newPerson(browser, server.url, 'zh-CN');
  const reporter = await newPerson(browser, server.url);
  const modA = await newPerson(browser, server.url);
  const modB = await newPerson(browser, server.url);
  const authorHandle = uniqueHandle('chef');
  const [modAHandle, modBHandle] = [uniqueHandle('moda'), uniqueHandle('modb')];
  await signUpViaApi(author.context.request, authorHandle, '川菜小王');
  await signUpViaApi(reporter.context.request, uniqueHandle('rep'), 'Rita');
  await signUpViaApi(modA.context.request, modAHandle, 'Mod A');
  await signUpViaApi(modB.context.request, modBHandle, 'Mod B');
  assert.ok(await grantRole(server.ctx.database.db, modAHandle, 'moderator'));
  assert.ok(await grantRole(server.ctx.database.db, modBHandle, 'admin'));
  const title = '刀工练习 Knife skills';
  const noteId = await postNoteViaApi(author.context.request, { title, body: 'Knife skills: 把土豆切成细丝 #厨房', photos: 1 });

  // The reporter reports the note under a rule they pick.
  const r = reporter.page;
  await r.goto(`/notes/${noteId}`);
  await r.getByRole('heading', { name: title }).waitFor();
  await r.getByRole('button', { name: 'Report' }).click();
  await r.getByRole('dialog').getByLabel('Spam and manipulation').check();
  await r.getByRole('button', { name: 'Send report' }).click();
  await r.getByText(/Thank you\. A moderator will look at it/).waitFor();
  await r.getByRole('button', { name: 'Close' }).click();

  // Moderator A takes it from the queue and removes it under the spam rule, quoting the evidence.
  const a = modA.page;
  await a.goto('/moderation');
  await a.getByRole('heading', { name: 'Moderation' }).waitFor();
  await a.locator('button.queue-item', { hasText: '刀工练习' }).click();
  await a.locator('#subject-title').waitFor();
  await screenshot(a, 'moderation-console', DESKTOP);
  await a.getByLabel('Action').selectOption('remove');
  await a.getByLabel('Rule', { exact: true }).selectOption('spam');
  await a.getByLabel('Evidence: words quoted from the text').fill('Knife skills');
  await a.getByLabel('Note (required)').fill('Looks like advertising');
  await a.getByRole('button', { name: 'Apply decision' }).click();
  await a.locator('#subject-title').waitFor({ state: 'detached' });

  // Gone for others; the reporter sees the outcome of their report.
  await r.goto(`/notes/${noteId}`);
  await r.getByRole('alert').waitFor();
  await r.goto('/notices');
  await r.locator('.report-row', { hasText: 'Removed' }).waitFor();

  // The author reads the notice in 简体中文: the rule, the effect, the quoted words highlighted.
  const p = author.page;
  await p.goto('/settings');
  await p.locator('input[name=ui-locale][value=zh-Hans]').check();
  await p.waitForFunction(() => (globalThis as any).document.documentElement.lang === 'zh-Hans');
  await p.goto('/notifications');
  await p.getByRole('link', { name: '审核通知：查看所依据的规则、证据和申诉方式' }).click();
  await p.waitForURL('**/notices');
  const notice = p.locator('article.notice').first();
  await notice.getByRole('link', { name: '垃圾信息与操纵' }).waitFor();
  await notice.getByText('影响：已移除：只有你能看到。').waitFor();
  assert.equal(await notice.locator('mark').first().textContent(), 'Knife skills');
  await p.setViewportSize(PHONE);
  await screenshot(p, 'moderation-notice-zh', PHONE);
  await p.goto(`/notes/${noteId}`);
  await p.getByTestId('distribution').getByText('分发状态：已移除').waitFor();

  // One appeal, from the notice.
  await p.goto('/notices');
  await notice.getByRole('button', { name: '申诉' }).click();
  await notice.getByLabel('为什么这个决定是错误的？').fill('这是我自己的厨房教学，不是广告。');
  await notice.getByRole('button', { name: '提交申诉' }).click();
  await notice.getByText('申诉：等待审核员处理').waitFor();

  // The moderator who decided may not decide the appeal.
  const open = (await (await a.request.get('/api/moderation/appeals')).json()) as { items: Array<{ id: string }> };
  assert.equal(open.items.length, 1);
  const self = await a.request.post(`/api/moderation/appeals/${open.items[0]!.id}/decide`, { data: { decision: 'reverse', note: 'x' } });
  assert.equal(self.status(), 403);

  // Another moderator reverses it.
  const b = modB.page;
  await b.goto('/moderation');
  const appeal = b.getByLabel(`Appeal from @${authorHandle}`);
  await appeal.getByText('这是我自己的厨房教学').waitFor();
  await appeal.getByRole('button', { name: 'Reverse' }).click();
  await appeal.waitFor({ state: 'detached' });

  // Restored for everyone, and the author is told, in Chinese.
  await r.goto(`/notes/${noteId}`);
  await r.getByRole('heading', { name: title }).waitFor();
  await p.goto('/notices');
  await p.locator('article.notice').first().getByText('之前的决定已撤销：你的内容及其计数已恢复。').waitFor();
  await p.getByText('申诉：决定已撤销').waitFor();
  await p.goto(`/notes/${noteId}`);
  await p.getByTestId('distribution').getByText('分发状态：正常').waitFor();

  // The rules and the figures are public: what happened here is counted, in the reader's language.
  await p.goto('/rules');
  await p.getByRole('heading', { name: '社区规则' }).waitFor();
  await p.locator('#spam').getByText('垃圾信息与操纵').waitFor();
  await p.goto('/transparency');
  await p.getByRole('heading', { name: '透明度报告' }).waitFor();
  await p.getByText(/申诉 1 个，撤销 1 个（100%）/).waitFor();
  await screenshot(p, 'moderation-transparency-zh', PHONE);
});
