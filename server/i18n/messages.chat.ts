/** Messages of chat and English Corner: conversations, WebSocket, partners, rooms. */
import type { UiLocale } from '../../contract/locales.js';

/** {name} is replaced with a parameter; a test checks that every key has all three languages. */
export const CHAT_MESSAGES = {
  chat_self: {
    en: 'Add at least one other person to the conversation.',
    'zh-Hans': '请至少添加一位其他成员。',
    'zh-Hant': '請至少新增一位其他成員。',
  },
  chat_not_accepting: {
    en: 'This person is not accepting messages from you.',
    'zh-Hans': '对方目前不接收你的私信。',
    'zh-Hant': '對方目前不接收你的私訊。',
  },
  chat_silenced: {
    en: 'A host has muted you in this room for now.',
    'zh-Hans': '主持人暂时将你禁言了。',
    'zh-Hant': '主持人暫時將你禁言了。',
  },
  chat_one_attachment: {
    en: 'A message carries text, one image or one sticker; a sticker goes alone.',
    'zh-Hans': '一条消息只能包含文字、一张图片或一个表情；表情需单独发送。',
    'zh-Hant': '一則訊息只能包含文字、一張圖片或一個貼圖；貼圖需單獨傳送。',
  },
  sticker_unknown: { en: 'There is no sticker "{code}".', 'zh-Hans': '没有表情“{code}”。', 'zh-Hant': '沒有貼圖「{code}」。' },
  correction_own: {
    en: 'You cannot correct your own message; edit it by sending a new one.',
    'zh-Hans': '不能纠正自己的消息，可以重新发送一条。',
    'zh-Hant': '不能糾正自己的訊息，可以重新傳送一則。',
  },
  correction_not_text: {
    en: 'Only text can be corrected.',
    'zh-Hans': '只能纠正文字内容。',
    'zh-Hant': '只能糾正文字內容。',
  },
  correction_same: {
    en: 'The correction is the same as the original.',
    'zh-Hans': '纠正后的内容与原文相同。',
    'zh-Hant': '糾正後的內容與原文相同。',
  },
  phrasebook_full: {
    en: 'Your phrasebook is full ({limit} phrases). Remove some first.',
    'zh-Hans': '短语本已满（{limit} 条），请先删除一些。',
    'zh-Hant': '片語本已滿（{limit} 則），請先刪除一些。',
  },
  room_full: {
    en: 'This room is full ({limit} people).',
    'zh-Hans': '这个房间已满（{limit} 人）。',
    'zh-Hant': '這個房間已滿（{limit} 人）。',
  },
  room_host_only: {
    en: 'Only a host of this room can do that.',
    'zh-Hans': '只有房间主持人可以这样做。',
    'zh-Hant': '只有房間主持人可以這樣做。',
  },
  time_zone_invalid: {
    en: '"{zone}" is not a time zone (use a name like Asia/Shanghai).',
    'zh-Hans': '“{zone}”不是有效的时区（例如 Asia/Shanghai）。',
    'zh-Hant': '「{zone}」不是有效的時區（例如 Asia/Taipei）。',
  },
  partner_request_limit: {
    en: 'You can send {limit} partner requests a day. Try again tomorrow.',
    'zh-Hans': '每天最多发送 {limit} 个语伴请求，明天再试吧。',
    'zh-Hant': '每天最多傳送 {limit} 個語伴請求，明天再試吧。',
  },
  partner_request_self: {
    en: 'You cannot be your own language partner.',
    'zh-Hans': '不能把自己加为语伴。',
    'zh-Hant': '不能把自己加為語伴。',
  },
  partner_request_exists: {
    en: 'There is already a request or partnership between you.',
    'zh-Hans': '你们之间已经有请求或语伴关系。',
    'zh-Hant': '你們之間已經有請求或語伴關係。',
  },
  partner_request_answered: {
    en: 'This request has already been answered.',
    'zh-Hans': '这个请求已经处理过了。',
    'zh-Hant': '這個請求已經處理過了。',
  },
} satisfies Record<string, Record<UiLocale, string>>;
