import { problemFrom, requestHeaders } from './http.js';
import type { Image } from './types.js';

/**
 * Uploads one file as multipart `file` with XMLHttpRequest, because fetch cannot report upload
 * progress. `onProgress` gets 0..1. Abort with the signal.
 */
export function uploadImage(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<Image> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media');
    xhr.withCredentials = true;
    for (const [k, v] of Object.entries(requestHeaders(false))) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(JSON.parse(xhr.responseText) as Image);
      } else reject(problemFrom(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(problemFrom(0, ''));
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
