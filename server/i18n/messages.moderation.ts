/** Messages of moderation: rules, reports, actions, appeals, notices. */
import type { UiLocale } from '../../contract/locales.js';

/** {name} is replaced with a parameter; a test checks that every key has all three languages. */
export const MODERATION_MESSAGES = {
  moderator_only: { en: 'Only moderators can do that.', 'zh-Hans': '只有审核员可以这样做。', 'zh-Hant': '只有審核員可以這樣做。' },
  moderation_rule_required: {
    en: 'Every moderation decision must name the rule it applies.',
    'zh-Hans': '每项审核决定都必须注明所依据的规则。',
    'zh-Hant': '每項審核決定都必須註明所依據的規則。',
  },
  moderation_rule_unknown: { en: 'There is no rule "{rule}".', 'zh-Hans': '没有规则“{rule}”。', 'zh-Hant': '沒有規則「{rule}」。' },
  moderation_note_required: {
    en: 'Add a note explaining the decision.',
    'zh-Hans': '请填写说明此决定的备注。',
    'zh-Hant': '請填寫說明此決定的備註。',
  },
  moderation_action_invalid: {
    en: 'The action "{action}" does not apply to this kind of content.',
    'zh-Hans': '操作“{action}”不适用于此类内容。',
    'zh-Hant': '操作「{action}」不適用於此類內容。',
  },
  moderation_days_required: {
    en: 'Say for how many days the account is suspended.',
    'zh-Hans': '请填写停用账号的天数。',
    'zh-Hant': '請填寫停用帳號的天數。',
  },
  account_banned: {
    en: 'This account has been banned and cannot post. See your notices for the rule and how to appeal.',
    'zh-Hans': '此账号已被封禁，不能发布内容。查看通知了解所依据的规则和申诉方式。',
    'zh-Hant': '此帳號已被封禁，不能發布內容。查看通知了解所依據的規則和申訴方式。',
  },
  account_suspended: {
    en: 'This account is suspended until {until} and cannot post. See your notices for the rule and how to appeal.',
    'zh-Hans': '此账号已被停用至 {until}，不能发布内容。查看通知了解所依据的规则和申诉方式。',
    'zh-Hant': '此帳號已被停用至 {until}，不能發布內容。查看通知了解所依據的規則和申訴方式。',
  },
  comments_closed: {
    en: 'The author does not take comments from you on this note.',
    'zh-Hans': '作者未开放你对这篇笔记的评论。',
    'zh-Hant': '作者未開放你對這篇筆記的留言。',
  },
  unavailable_in_region: {
    en: 'This note is not available in your region under rule "{rule}".',
    'zh-Hans': '根据规则“{rule}”，这篇笔记在你所在的地区不可用。',
    'zh-Hant': '根據規則「{rule}」，這篇筆記在你所在的地區不可用。',
  },
  // Rules edited from the admin page (ADR 0011)
  admin_only: { en: 'Only admins can do that.', 'zh-Hans': '只有管理员可以这样做。', 'zh-Hant': '只有管理員可以這樣做。' },
  rules_version_conflict: {
    en: 'Someone published the rules since you started editing (the latest version is {version}). Reload, then make your change again.',
    'zh-Hans': '你开始编辑后，已有人发布了新的规则（最新版本为 {version}）。请重新加载后再修改。',
    'zh-Hant': '你開始編輯後，已有人發布了新的規則（最新版本為 {version}）。請重新載入後再修改。',
  },
  rules_unchanged: {
    en: 'Nothing changed: this is the rule set already in force.',
    'zh-Hans': '没有任何改动：这就是当前生效的规则。',
    'zh-Hant': '沒有任何改動：這就是目前生效的規則。',
  },
  rules_empty: {
    en: 'The rule set cannot be empty: every decision must name a rule.',
    'zh-Hans': '规则不能为空：每项决定都必须注明所依据的规则。',
    'zh-Hant': '規則不能為空：每項決定都必須註明所依據的規則。',
  },
  rules_id_invalid: {
    en: 'The rule id "{rule}" must be lower-case letters, digits, "-" or "_", starting with a letter or digit.',
    'zh-Hans': '规则编号“{rule}”只能由小写字母、数字、“-”或“_”组成，并以字母或数字开头。',
    'zh-Hant': '規則編號「{rule}」只能由小寫字母、數字、「-」或「_」組成，並以字母或數字開頭。',
  },
  rules_id_duplicate: {
    en: 'Two rules have the id "{rule}"; ids must be unique.',
    'zh-Hans': '有两条规则的编号都是“{rule}”；编号不能重复。',
    'zh-Hant': '有兩條規則的編號都是「{rule}」；編號不能重複。',
  },
  rules_text_required: {
    en: 'Rule "{rule}" needs its title and text in every language ({lang} is missing).',
    'zh-Hans': '规则“{rule}”的标题和正文需要提供所有语言版本（缺少 {lang}）。',
    'zh-Hant': '規則「{rule}」的標題和內文需要提供所有語言版本（缺少 {lang}）。',
  },
  rules_note_required: {
    en: 'Write the changelog note in every language ({lang} is missing).',
    'zh-Hans': '请用所有语言填写更新说明（缺少 {lang}）。',
    'zh-Hant': '請用所有語言填寫更新說明（缺少 {lang}）。',
  },
  rules_regions_invalid: {
    en: 'Rule "{rule}": regions must be two-letter codes such as DE or US ("{region}" is not one); leave them empty for everywhere.',
    'zh-Hans': '规则“{rule}”：地区必须是 DE、US 这样的两字母代码（“{region}”不是）；适用于所有地区请留空。',
    'zh-Hant': '規則「{rule}」：地區必須是 DE、US 這樣的兩字母代碼（「{region}」不是）；適用於所有地區請留空。',
  },
  appeal_closed: {
    en: 'This decision can no longer be appealed (one appeal, within 30 days).',
    'zh-Hans': '此决定已无法申诉（每项决定可在 30 天内申诉一次）。',
    'zh-Hant': '此決定已無法申訴（每項決定可在 30 天內申訴一次）。',
  },
  appeal_same_moderator: {
    en: 'An appeal must be decided by a different moderator than the one who made the decision.',
    'zh-Hans': '申诉必须由作出原决定以外的审核员处理。',
    'zh-Hant': '申訴必須由作出原決定以外的審核員處理。',
  },
  appeal_not_open: { en: 'This appeal has already been decided.', 'zh-Hans': '此申诉已处理。', 'zh-Hant': '此申訴已處理。' },
  effect_dismiss: { en: 'No action: nothing changes.', 'zh-Hans': '不予处理：没有任何变化。', 'zh-Hant': '不予處理：沒有任何變化。' },
  effect_label: {
    en: 'Shown as sensitive: blurred until the reader chooses to see it.',
    'zh-Hans': '标记为敏感内容：读者选择查看前会被模糊处理。',
    'zh-Hant': '標記為敏感內容：讀者選擇查看前會被模糊處理。',
  },
  effect_limit: {
    en: 'Limited: not recommended in Discover, topics or search; still on your profile and by link.',
    'zh-Hans': '限制推荐：不出现在发现、话题和搜索中；仍显示在你的主页，也可通过链接查看。',
    'zh-Hant': '限制推薦：不出現在發現、話題和搜尋中；仍顯示在你的主頁，也可透過連結查看。',
  },
  effect_hold: {
    en: 'Held for review: only you can see it until a moderator has looked at it.',
    'zh-Hans': '等待审核：审核员查看之前只有你能看到。',
    'zh-Hant': '等待審核：審核員查看之前只有你能看到。',
  },
  effect_remove: { en: 'Removed: only you can see it.', 'zh-Hans': '已移除：只有你能看到。', 'zh-Hant': '已移除：只有你能看到。' },
  effect_remove_regional: {
    en: 'Not available in these regions: {regions}. Visible everywhere else.',
    'zh-Hans': '在以下地区不可用：{regions}。其他地区仍可见。',
    'zh-Hant': '在以下地區不可用：{regions}。其他地區仍可見。',
  },
  effect_warn: {
    en: 'A warning: nothing is removed or limited.',
    'zh-Hans': '警告：没有内容被移除或限制。',
    'zh-Hant': '警告：沒有內容被移除或限制。',
  },
  effect_suspend: {
    en: 'Your account cannot post until {until}.',
    'zh-Hans': '你的账号在 {until} 之前不能发布内容。',
    'zh-Hant': '你的帳號在 {until} 之前不能發布內容。',
  },
  effect_ban: { en: 'Your account cannot post any more.', 'zh-Hans': '你的账号不能再发布内容。', 'zh-Hant': '你的帳號不能再發布內容。' },
  effect_reverse: {
    en: 'An earlier decision was reversed: your content and its counts are restored.',
    'zh-Hans': '之前的决定已撤销：你的内容及其计数已恢复。',
    'zh-Hant': '之前的決定已撤銷：你的內容及其計數已恢復。',
  },
} satisfies Record<string, Record<UiLocale, string>>;
