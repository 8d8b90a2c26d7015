// Transparent moderation (issue 7) in the browser: report → decision → notice in 简体中文 with the
// evidence highlighted → appeal → reversal by a second moderator → content restored → notice.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { grantRole } from '../server/modules/moderation/roles.js';
import { axeViolations } from './axe.js';
import { postNoteViaApi, signUpViaApi } from './fixtures.js';
import { DESKTOP, launchBrowser, newPerson, PHONE, type Server, screenshot, startServer, uniqueHandle } from './harness.js';

let server: Server;
let browser: Browser;

before(async () => {
  // The proxy's region header: the rules-editor story restricts a note in one region.
  server = await startServer({ MODERATION_REGION_HEADER: 'x-region' });
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

test('an admin edits the rules from the web (keyboard, 375 px): adds a regional rule, amends one, retires one; the public page and a reader in that region see it', async () => {
  const admin = await newPerson(browser, server.url);
  const mod = await newPerson(browser, server.url);
  const author = await newPerson(browser, server.url);
  const reader = await newPerson(browser, server.url);
  const [adminHandle, modHandle, authorHandle] = [uniqueHandle('adm'), uniqueHandle('mod'), uniqueHandle('baker')];
  await signUpViaApi(admin.context.request, adminHandle, 'Ada Admin');
  await signUpViaApi(mod.context.request, modHandle, 'Mo Mod');
  await signUpViaApi(author.context.request, authorHandle, 'Bea Baker');
  await signUpViaApi(reader.context.request, uniqueHandle('read'), 'Ria');
  assert.ok(await grantRole(server.ctx.database.db, adminHandle, 'admin'));
  assert.ok(await grantRole(server.ctx.database.db, modHandle, 'moderator'));

  // Moderators review; editing the rules is for admins only.
  await mod.page.goto('/moderation');
  await mod.page.getByRole('heading', { name: 'Moderation' }).waitFor();
  assert.equal(await mod.page.getByRole('link', { name: 'Edit the community rules (admins)' }).count(), 0);
  await mod.page.goto('/moderation/rules');
  await mod.page.getByText('Only admins can edit the community rules.').waitFor();

  const p = admin.page;
  await p.goto('/moderation');
  await p.getByRole('link', { name: 'Edit the community rules (admins)' }).click();
  await p.getByRole('heading', { name: 'Edit the community rules' }).waitFor();

  // A new rule, by keyboard: type its id and press Enter; it opens for its words in three languages.
  await p.getByLabel('Id of the new rule').fill('local-law');
  await p.keyboard.press('Enter');
  const rule = p.locator('details[data-rule="local-law"]');
  await rule.getByLabel('Severity (1–5)').selectOption('2');
  await rule.getByLabel('Regions where it applies').fill('de');
  const words = {
    English: ['Local law (Germany)', 'Content unlawful in Germany.'],
    简体中文: ['当地法律（德国）', '在德国违法的内容。'],
    繁體中文: ['當地法律（德國）', '在德國違法的內容。'],
  };
  for (const [lang, [title, text]] of Object.entries(words)) {
    await rule.getByLabel(`Title (${lang})`).fill(title!);
    await rule.getByLabel(`Text (${lang})`).fill(text!);
  }
  // Amend one (opened from the keyboard) and retire another.
  const spam = p.locator('details[data-rule="spam"]');
  await spam.locator('summary').focus();
  await p.keyboard.press('Enter');
  await spam.getByLabel('Severity (1–5)').selectOption('4');
  const retired = p.locator('details[data-rule="impersonation"]');
  await retired.locator('summary').click();
  await retired.getByRole('button', { name: 'Retire this rule' }).click();
  await retired.getByRole('button', { name: 'Keep this rule' }).waitFor();
  await p.getByLabel('What changed and why (English)').fill('A rule for German law; spam is more serious.');
  await p.getByLabel('What changed and why (简体中文)').fill('新增德国法律规则；垃圾信息更严重。');
  await p.getByLabel('What changed and why (繁體中文)').fill('新增德國法律規則；垃圾訊息更嚴重。');
  assert.deepEqual(await axeViolations(p), []);
  assert.ok(await p.evaluate(() => (globalThis as any).document.documentElement.scrollWidth <= 375), 'no sideways scrolling at 375 px');
  await screenshot(p, 'rules-editor', PHONE);
  await p.getByRole('button', { name: 'Publish a new version' }).click();
  await p.getByRole('status').getByText('Published as version 2.').waitFor();

  // Publishing the same set again is refused, in words.
  await p.getByRole('button', { name: 'Edit again' }).click();
  await p.getByText(/Version 2 is in force/).waitFor();
  await p.getByRole('button', { name: 'Publish a new version' }).click();
  await p.getByRole('alert').getByText(/Write the changelog note in every language/).waitFor();

  // The public rules page and changelog show the new version.
  await p.goto('/rules');
  await p.locator('#local-law').getByText('applies in: DE').waitFor();
  await p.getByText(/v2 .*A rule for German law/).waitFor();
  await p.getByText('added local-law').waitFor();
  await p.getByText('retired impersonation').waitFor();

  // Removed under the new regional rule: a reader in Germany sees a placeholder naming it; the author does not.
  const noteId = await postNoteViaApi(author.context.request, { title: 'Pretzel dough', body: 'Lye pretzels at home #baking', photos: 1 });
  const removed = await mod.context.request.post('/api/moderation/actions', {
    data: { subjectKind: 'note', subjectId: noteId, action: 'remove', ruleId: 'local-law', note: 'court order' },
  });
  assert.equal(removed.status(), 201);
  await reader.context.setExtraHTTPHeaders({ 'x-region': 'DE' });
  await reader.page.goto(`/users/${authorHandle}`);
  await reader.page.getByText('Not available in your region under rule “Local law (Germany)”.').waitFor();
  await screenshot(reader.page, 'regional-placeholder', PHONE);
  await author.context.setExtraHTTPHeaders({ 'x-region': 'DE' });
  await author.page.goto(`/users/${authorHandle}`);
  await author.page.getByRole('heading', { name: 'Pretzel dough' }).waitFor();
});
