import * as tus from 'tus-js-client';
import { VIDEO_ID_HEADER, VIDEO_UPLOAD_PATH, type Video } from '../../../contract/video.js';
import { ApiError, del, get, post, problemFrom, requestHeaders } from './http.js';

export type { Video };

const enc = encodeURIComponent;
/** Each PATCH carries at most this much: a dropped connection costs one chunk at worst. */
const CHUNK = 8 * 1024 * 1024;

/**
 * Uploads a video with the tus protocol: interrupted uploads continue from where the server says
 * they stopped (tus-js-client remembers the upload by file fingerprint, so even a reload resumes).
 * Resolves with the video id once the last byte is in.
 */
export function uploadVideo(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    let videoId: string | null = null;
    let finished = false;
    const upload = new tus.Upload(file, {
      endpoint: VIDEO_UPLOAD_PATH,
      chunkSize: CHUNK,
      retryDelays: [0, 1000, 3000, 5000, 10000, 20000],
      removeFingerprintOnSuccess: true,
      headers: requestHeaders(false),
      onProgress: (sent, total) => onProgress(total ? sent / total : 0),
      onAfterResponse: (_req, res) => {
        videoId = res.getHeader(VIDEO_ID_HEADER) ?? videoId;
      },
      onSuccess: () => {
        // The id is also the last segment of the upload URL (a resumed upload may not see the header).
        const id = videoId ?? upload.url?.split('/').pop() ?? '';
        finished = true;
        onProgress(1);
        resolve(id);
      },
      onError: (err) => {
        const res = (err as tus.DetailedError).originalResponse;
        reject(res ? problemOf(res.getStatus(), res.getBody()) : new ApiError(0, 'network_error', ''));
      },
    });
    // Abandoning an unfinished upload deletes its partial file on the server; a finished one is a video now.
    signal?.addEventListener('abort', () => {
      if (!finished) void upload.abort(true).catch(() => undefined);
    });
    void upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    });
  });
}

function problemOf(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { code?: string; detail?: string };
    return new ApiError(status, body.code ?? 'http_error', body.detail ?? '');
  } catch {
    return new ApiError(status, 'http_error', '');
  }
}

export const fetchVideo = (id: string) => get<Video>(`/api/videos/${enc(id)}`);
export const deleteVideo = (id: string) => del<unknown>(`/api/videos/${enc(id)}`);
export const chooseVideoFrame = (id: string, atMs: number) => post<Video>(`/api/videos/${enc(id)}/poster`, { atMs });
/** A caption track translated into `to`, as a URL a <track> can load. */
export const translatedCaptionUrl = (id: string, lang: string, to: string) =>
  `/api/videos/${enc(id)}/captions/${enc(lang)}/translation?to=${enc(to)}`;

/** Adds or replaces the caption track in `lang` (the WebVTT text as is); answers with the video. */
export async function putCaption(id: string, lang: string, vtt: string): Promise<Video> {
  let res: Response;
  try {
    res = await fetch(`/api/videos/${enc(id)}/captions/${enc(lang)}`, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { ...requestHeaders(false), 'Content-Type': 'text/vtt' },
      body: vtt,
    });
  } catch {
    throw new ApiError(0, 'network_error', '');
  }
  const text = await res.text();
  if (!res.ok) throw problemFrom(res.status, text);
  return JSON.parse(text) as Video;
}
export const deleteCaption = (id: string, lang: string) => del<Video>(`/api/videos/${enc(id)}/captions/${enc(lang)}`);
