import type { UiLocale } from '../../contract/locales.js';
import { CHAT_MESSAGES } from './messages.chat.js';
import { MODERATION_MESSAGES } from './messages.moderation.js';
import { VIDEO_MESSAGES } from './messages.video.js';

type Catalog = Record<UiLocale, string>;

/**
 * Every message the server sends to people, in the three UI languages. `{name}` is replaced with a
 * parameter. A test checks that every key has all three.
 */
export const MESSAGES = {
  internal_error: {
    en: 'Something went wrong on our side. Please try again.',
    'zh-Hans': '服务器出错了，请稍后再试。',
    'zh-Hant': '伺服器出錯了，請稍後再試。',
  },
  not_found: { en: 'Not found: {what}.', 'zh-Hans': '找不到：{what}。', 'zh-Hant': '找不到：{what}。' },
  uri_too_long: {
    en: 'A part of the address is too long.',
    'zh-Hans': '网址中的某一部分太长了。',
    'zh-Hant': '網址中的某一部分太長了。',
  },
  bad_url: {
    en: 'The address is malformed.',
    'zh-Hans': '网址格式不正确。',
    'zh-Hant': '網址格式不正確。',
  },
  route_not_found: {
    en: 'There is no such API endpoint.',
    'zh-Hans': '没有这个接口。',
    'zh-Hant': '沒有這個介面。',
  },
  unauthorized: { en: 'Please sign in first.', 'zh-Hans': '请先登录。', 'zh-Hant': '請先登入。' },
  forbidden: {
    en: 'You are not allowed to do that.',
    'zh-Hans': '你没有权限这样做。',
    'zh-Hant': '你沒有權限這樣做。',
  },
  csrf_rejected: {
    en: 'This request came from another site and was refused.',
    'zh-Hans': '此请求来自其他网站，已被拒绝。',
    'zh-Hant': '此請求來自其他網站，已被拒絕。',
  },
  rate_limited: {
    en: 'Too many requests. Try again in {seconds} seconds.',
    'zh-Hans': '请求过于频繁，请 {seconds} 秒后再试。',
    'zh-Hant': '請求過於頻繁，請 {seconds} 秒後再試。',
  },
  validation_failed: {
    en: '{field}: {problem}',
    'zh-Hans': '{field}：{problem}',
    'zh-Hant': '{field}：{problem}',
  },
  field_required: { en: 'is required', 'zh-Hans': '为必填项', 'zh-Hant': '為必填項' },
  field_type: { en: 'must be a {type}', 'zh-Hans': '必须是 {type}', 'zh-Hant': '必須是 {type}' },
  field_too_long: {
    en: 'is too long (at most {limit})',
    'zh-Hans': '太长了（最多 {limit}）',
    'zh-Hant': '太長了（最多 {limit}）',
  },
  field_too_short: {
    en: 'is too short (at least {limit})',
    'zh-Hans': '太短了（至少 {limit}）',
    'zh-Hant': '太短了（至少 {limit}）',
  },
  field_too_many: {
    en: 'has too many items (at most {limit})',
    'zh-Hans': '项目太多（最多 {limit} 个）',
    'zh-Hant': '項目太多（最多 {limit} 個）',
  },
  field_too_few: {
    en: 'needs at least {limit} items',
    'zh-Hans': '至少需要 {limit} 项',
    'zh-Hant': '至少需要 {limit} 項',
  },
  field_range: {
    en: 'is out of range ({limit})',
    'zh-Hans': '超出范围（{limit}）',
    'zh-Hant': '超出範圍（{limit}）',
  },
  field_enum: { en: 'must be one of: {allowed}', 'zh-Hans': '必须是以下之一：{allowed}', 'zh-Hant': '必須是以下之一：{allowed}' },
  field_format: { en: 'is not a valid {format}', 'zh-Hans': '不是有效的 {format}', 'zh-Hant': '不是有效的 {format}' },
  field_unknown: { en: 'is not a known field', 'zh-Hans': '是未知字段', 'zh-Hant': '是未知欄位' },
  field_invalid: { en: 'is not valid', 'zh-Hans': '无效', 'zh-Hant': '無效' },
  invalid_json: {
    en: 'The request body is not valid JSON.',
    'zh-Hans': '请求内容不是有效的 JSON。',
    'zh-Hant': '請求內容不是有效的 JSON。',
  },
  invalid_utf8: {
    en: 'The request body is not valid UTF-8 text.',
    'zh-Hans': '请求内容不是有效的 UTF-8 文本。',
    'zh-Hant': '請求內容不是有效的 UTF-8 文字。',
  },
  unsupported_media_type: {
    en: 'Unsupported content type: {type}.',
    'zh-Hans': '不支持的内容类型：{type}。',
    'zh-Hant': '不支援的內容類型：{type}。',
  },
  payload_too_large: {
    en: 'The request is too large (at most {limit}).',
    'zh-Hans': '请求太大（最多 {limit}）。',
    'zh-Hant': '請求太大（最多 {limit}）。',
  },
  text_control_chars: {
    en: '{field} contains invisible control characters.',
    'zh-Hans': '{field} 含有不可见的控制字符。',
    'zh-Hant': '{field} 含有不可見的控制字元。',
  },
  text_bidi_chars: {
    en: '{field} contains text-direction override characters, which can disguise text.',
    'zh-Hans': '{field} 含有可伪装文字的方向控制字符。',
    'zh-Hant': '{field} 含有可偽裝文字的方向控制字元。',
  },
  text_invalid_unicode: {
    en: '{field} contains broken Unicode (an unpaired surrogate).',
    'zh-Hans': '{field} 含有损坏的 Unicode 字符。',
    'zh-Hant': '{field} 含有損壞的 Unicode 字元。',
  },
  text_empty: { en: '{field} cannot be empty.', 'zh-Hans': '{field} 不能为空。', 'zh-Hant': '{field} 不能為空。' },
  text_too_long: {
    en: '{field} is too long: {length} of at most {limit} characters.',
    'zh-Hans': '{field} 太长：{length} 字，最多 {limit} 字。',
    'zh-Hant': '{field} 太長：{length} 字，最多 {limit} 字。',
  },

  // accounts
  contact_required: {
    en: 'Give an email address or a phone number, not both.',
    'zh-Hans': '请填写邮箱或手机号（二选一）。',
    'zh-Hant': '請填寫電子郵件或手機號碼（二選一）。',
  },
  email_invalid: {
    en: 'That is not a valid email address.',
    'zh-Hans': '邮箱地址无效。',
    'zh-Hant': '電子郵件地址無效。',
  },
  phone_invalid: {
    en: 'That is not a valid phone number for {country}. Include the country code, e.g. +1 or +86.',
    'zh-Hans': '手机号无效（{country}）。请包含国家区号，例如 +86 或 +1。',
    'zh-Hant': '手機號碼無效（{country}）。請包含國碼，例如 +886 或 +1。',
  },
  email_taken: {
    en: 'An account with this email already exists.',
    'zh-Hans': '该邮箱已注册。',
    'zh-Hant': '此電子郵件已註冊。',
  },
  phone_taken: {
    en: 'An account with this phone number already exists.',
    'zh-Hans': '该手机号已注册。',
    'zh-Hant': '此手機號碼已註冊。',
  },
  handle_invalid: {
    en: 'A handle is 3–24 letters, digits, _ or . (no spaces).',
    'zh-Hans': '用户名为 3–24 个字母、数字、_ 或 .（不含空格）。',
    'zh-Hant': '使用者名稱為 3–24 個字母、數字、_ 或 .（不含空格）。',
  },
  handle_reserved: {
    en: 'The handle "{handle}" is reserved.',
    'zh-Hans': '用户名“{handle}”为保留字。',
    'zh-Hant': '使用者名稱「{handle}」為保留字。',
  },
  handle_taken: {
    en: 'The handle "{handle}" is taken.',
    'zh-Hans': '用户名“{handle}”已被占用。',
    'zh-Hant': '使用者名稱「{handle}」已被使用。',
  },
  password_weak: {
    en: 'Passwords need at least {limit} characters.',
    'zh-Hans': '密码至少需要 {limit} 个字符。',
    'zh-Hant': '密碼至少需要 {limit} 個字元。',
  },
  credentials_invalid: {
    en: 'Wrong account or password.',
    'zh-Hans': '账号或密码错误。',
    'zh-Hant': '帳號或密碼錯誤。',
  },
  password_incorrect: {
    en: 'Your current password is not correct.',
    'zh-Hans': '当前密码不正确。',
    'zh-Hant': '目前密碼不正確。',
  },
  code_invalid: {
    en: 'That code is wrong or has expired.',
    'zh-Hans': '验证码错误或已过期。',
    'zh-Hant': '驗證碼錯誤或已過期。',
  },
  language_invalid: {
    en: '"{lang}" is not a language tag we know (use BCP 47, e.g. en, zh-Hans).',
    'zh-Hans': '“{lang}”不是有效的语言代码（例如 en、zh-Hans）。',
    'zh-Hant': '「{lang}」不是有效的語言代碼（例如 en、zh-Hant）。',
  },

  // notes
  title_too_long: {
    en: 'The title is {units} units long; the limit is {limit} (a Chinese character or emoji counts 1, a Latin letter ½).',
    'zh-Hans': '标题长度为 {units}，上限为 {limit}（汉字或表情计 1，英文字母计 ½）。',
    'zh-Hant': '標題長度為 {units}，上限為 {limit}（漢字或表情計 1，英文字母計 ½）。',
  },
  too_many_hashtags: {
    en: 'A note can have at most {limit} hashtags.',
    'zh-Hans': '一篇笔记最多 {limit} 个话题。',
    'zh-Hant': '一篇筆記最多 {limit} 個話題。',
  },
  too_many_mentions: {
    en: 'You can mention at most {limit} people.',
    'zh-Hans': '最多可以 @ {limit} 个人。',
    'zh-Hant': '最多可以 @ {limit} 個人。',
  },
  photo_note_needs_images: {
    en: 'A photo note needs 1 to {limit} images.',
    'zh-Hans': '图文笔记需要 1 到 {limit} 张图片。',
    'zh-Hant': '圖文筆記需要 1 到 {limit} 張圖片。',
  },
  text_note_has_images: {
    en: 'A text note cannot have images; post a photo note instead.',
    'zh-Hans': '文字笔记不能带图片，请发布图文笔记。',
    'zh-Hant': '文字筆記不能帶圖片，請發佈圖文筆記。',
  },
  note_empty: {
    en: 'A note needs a title or some text.',
    'zh-Hans': '笔记需要标题或正文。',
    'zh-Hant': '筆記需要標題或內文。',
  },
  media_not_yours: {
    en: 'Image {id} does not exist or is not yours.',
    'zh-Hans': '图片 {id} 不存在或不属于你。',
    'zh-Hant': '圖片 {id} 不存在或不屬於你。',
  },
  media_duplicate: {
    en: 'The same image is listed twice.',
    'zh-Hans': '同一张图片出现了两次。',
    'zh-Hant': '同一張圖片出現了兩次。',
  },
  media_in_use: {
    en: 'Image {id} is already part of another note.',
    'zh-Hans': '图片 {id} 已用于另一篇笔记。',
    'zh-Hant': '圖片 {id} 已用於另一篇筆記。',
  },
  note_type_unchangeable: {
    en: 'A note cannot change between photo and text.',
    'zh-Hans': '笔记不能在图文和文字之间切换。',
    'zh-Hant': '筆記不能在圖文和文字之間切換。',
  },

  // media
  upload_missing_file: {
    en: 'No file was uploaded (send it as multipart form field "file").',
    'zh-Hans': '没有上传文件（请用 multipart 字段 "file" 上传）。',
    'zh-Hant': '沒有上傳檔案（請用 multipart 欄位 "file" 上傳）。',
  },
  image_too_large: {
    en: 'The file is larger than {limit} MB.',
    'zh-Hans': '文件超过 {limit} MB。',
    'zh-Hant': '檔案超過 {limit} MB。',
  },
  image_too_many_pixels: {
    en: 'The image is {megapixels} megapixels; the limit is {limit}.',
    'zh-Hans': '图片为 {megapixels} 百万像素，上限为 {limit}。',
    'zh-Hant': '圖片為 {megapixels} 百萬像素，上限為 {limit}。',
  },
  image_unsupported_type: {
    en: 'This file is not a supported image (JPEG, PNG, WebP, GIF, AVIF or HEIC). Detected: {detected}.',
    'zh-Hans': '不支持此文件（支持 JPEG、PNG、WebP、GIF、AVIF、HEIC）。检测到：{detected}。',
    'zh-Hant': '不支援此檔案（支援 JPEG、PNG、WebP、GIF、AVIF、HEIC）。偵測到：{detected}。',
  },
  image_corrupt: {
    en: 'The image is truncated or damaged and cannot be read.',
    'zh-Hans': '图片不完整或已损坏，无法读取。',
    'zh-Hant': '圖片不完整或已損壞，無法讀取。',
  },
  media_busy: {
    en: 'The server is busy processing other images. Please try again in a moment.',
    'zh-Hans': '服务器正忙于处理其他图片，请稍后再试。',
    'zh-Hant': '伺服器正忙於處理其他圖片，請稍後再試。',
  },
  range_not_satisfiable: {
    en: 'The requested byte range is outside the file ({size} bytes).',
    'zh-Hans': '请求的字节范围超出了文件大小（{size} 字节）。',
    'zh-Hant': '請求的位元組範圍超出了檔案大小（{size} 位元組）。',
  },
  media_attached: {
    en: 'This image is used by a note or as a profile picture; remove it there first.',
    'zh-Hans': '这张图片正被笔记或头像使用，请先在那里移除。',
    'zh-Hant': '這張圖片正被筆記或頭像使用，請先在那裡移除。',
  },

  ...VIDEO_MESSAGES,

  // social
  self_follow: {
    en: 'You cannot follow yourself.',
    'zh-Hans': '不能关注自己。',
    'zh-Hant': '不能追蹤自己。',
  },
  self_block: { en: 'You cannot block yourself.', 'zh-Hans': '不能拉黑自己。', 'zh-Hant': '不能封鎖自己。' },
  blocked: {
    en: 'You cannot interact with this account.',
    'zh-Hans': '你无法与该账号互动。',
    'zh-Hant': '你無法與此帳號互動。',
  },
  board_limit: {
    en: 'You can have at most {limit} boards.',
    'zh-Hans': '最多可以创建 {limit} 个专辑。',
    'zh-Hant': '最多可以建立 {limit} 個專輯。',
  },
  board_name_taken: {
    en: 'You already have a board called "{name}".',
    'zh-Hans': '你已经有名为“{name}”的专辑。',
    'zh-Hant': '你已經有名為「{name}」的專輯。',
  },
  reply_too_deep: {
    en: 'Replies go under the top-level comment; they cannot be nested deeper.',
    'zh-Hans': '回复只能在一级评论下，不能继续嵌套。',
    'zh-Hant': '回覆只能在一級留言下，不能繼續巢狀。',
  },
  comment_wrong_note: {
    en: 'That comment belongs to a different note.',
    'zh-Hans': '该评论属于另一篇笔记。',
    'zh-Hant': '該留言屬於另一篇筆記。',
  },
  translation_gloss: {
    en: 'Word-by-word gloss from a dictionary, not a translation.',
    'zh-Hans': '这是词典逐词释义，不是翻译。',
    'zh-Hant': '這是詞典逐詞釋義，不是翻譯。',
  },
  translation_fallback: {
    en: 'The translation service is unavailable right now, so this is a word-by-word gloss, not a translation.',
    'zh-Hans': '翻译服务暂时不可用，以下是逐词释义，不是翻译。',
    'zh-Hant': '翻譯服務暫時無法使用，以下是逐詞釋義，不是翻譯。',
  },
  translation_unavailable: {
    en: 'No translation is available for this language yet; showing the original.',
    'zh-Hans': '暂时无法翻译这种语言，显示原文。',
    'zh-Hant': '暫時無法翻譯這種語言，顯示原文。',
  },
  translation_conversion: {
    en: 'Converted between Simplified and Traditional characters.',
    'zh-Hans': '已在简体与繁体之间转换。',
    'zh-Hant': '已在簡體與繁體之間轉換。',
  },
  word_not_in_dictionary: {
    en: '"{word}" is not in the dictionary.',
    'zh-Hans': '词典里没有“{word}”。',
    'zh-Hant': '詞典裡沒有「{word}」。',
  },
  ...MODERATION_MESSAGES,
  ...CHAT_MESSAGES,
} satisfies Record<string, Catalog>;

export type MessageKey = keyof typeof MESSAGES;

/** Formats a message in the given locale, filling {params}. */
export function t(locale: UiLocale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template: string = MESSAGES[key][locale] ?? MESSAGES[key].en;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}
