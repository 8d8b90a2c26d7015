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
