/** Messages of video notes (upload, processing, captions). */
import type { UiLocale } from '../../contract/locales.js';

/** {name} is replaced with a parameter; a test checks that every key has all three languages. */
export const VIDEO_MESSAGES = {
  video_unsupported_type: {
    en: 'This file is not a supported video (MP4, MOV or WebM). Detected: {detected}.',
    'zh-Hans': '不支持此文件（支持 MP4、MOV、WebM 视频）。检测到：{detected}。',
    'zh-Hant': '不支援此檔案（支援 MP4、MOV、WebM 影片）。偵測到：{detected}。',
  },
  video_no_video_stream: {
    en: 'This file has no picture (audio only or empty).',
    'zh-Hans': '这个文件没有画面（只有音频或为空）。',
    'zh-Hant': '這個檔案沒有畫面（只有音訊或為空）。',
  },
  video_corrupt: {
    en: 'The video is truncated or damaged and cannot be read.',
    'zh-Hans': '视频不完整或已损坏，无法读取。',
    'zh-Hant': '影片不完整或已損壞，無法讀取。',
  },
  video_too_long: {
    en: 'The video is {minutes} minutes long; the limit is {limit} minutes.',
    'zh-Hans': '视频长 {minutes} 分钟，最长 {limit} 分钟。',
    'zh-Hant': '影片長 {minutes} 分鐘，最長 {limit} 分鐘。',
  },
  video_resolution_too_large: {
    en: 'The video is {width}×{height} pixels; at most {limit} pixels a side are accepted.',
    'zh-Hans': '视频为 {width}×{height} 像素，每边最多 {limit} 像素。',
    'zh-Hant': '影片為 {width}×{height} 像素，每邊最多 {limit} 像素。',
  },
  video_too_large: {
    en: 'The video is too large (at most {limit} MB).',
    'zh-Hans': '视频太大了（最多 {limit} MB）。',
    'zh-Hant': '影片太大了（最多 {limit} MB）。',
  },
  video_processing_failed: {
    en: 'The video could not be processed. Please try another file.',
    'zh-Hans': '视频处理失败，请换一个文件试试。',
    'zh-Hant': '影片處理失敗，請換一個檔案試試。',
  },
  video_not_ready: {
    en: 'The video is not ready yet ({state}).',
    'zh-Hans': '视频还没准备好（{state}）。',
    'zh-Hant': '影片還沒準備好（{state}）。',
  },
  video_in_use: {
    en: 'This video already belongs to a note.',
    'zh-Hans': '这个视频已属于一篇笔记。',
    'zh-Hant': '這部影片已屬於一篇筆記。',
  },
  video_note_needs_video: {
    en: 'A video note needs one video.',
    'zh-Hans': '视频笔记需要一个视频。',
    'zh-Hant': '影片筆記需要一部影片。',
  },
  video_only_in_video_notes: {
    en: 'Only a video note can have a video.',
    'zh-Hans': '只有视频笔记才能带视频。',
    'zh-Hant': '只有影片筆記才能帶影片。',
  },
  video_frame_out_of_range: {
    en: 'The video is only {seconds} seconds long.',
    'zh-Hans': '视频只有 {seconds} 秒长。',
    'zh-Hant': '影片只有 {seconds} 秒長。',
  },
  upload_not_found: {
    en: 'This upload does not exist or has expired; please start it again.',
    'zh-Hans': '上传不存在或已过期，请重新开始。',
    'zh-Hant': '上傳不存在或已過期，請重新開始。',
  },
  caption_invalid: {
    en: 'This is not a valid WebVTT caption file ({problem}).',
    'zh-Hans': '这不是有效的 WebVTT 字幕文件（{problem}）。',
    'zh-Hant': '這不是有效的 WebVTT 字幕檔（{problem}）。',
  },
  caption_too_large: {
    en: 'The caption file is too large (at most {limit} KB).',
    'zh-Hans': '字幕文件太大了（最多 {limit} KB）。',
    'zh-Hant': '字幕檔太大了（最多 {limit} KB）。',
  },
  captions_too_many: {
    en: 'A video can have at most {limit} caption languages.',
    'zh-Hans': '一个视频最多可有 {limit} 种语言的字幕。',
    'zh-Hant': '一部影片最多可有 {limit} 種語言的字幕。',
  },
} satisfies Record<string, Record<UiLocale, string>>;
