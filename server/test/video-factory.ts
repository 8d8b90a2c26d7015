import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Video } from '../../contract/video.js';
import { VIDEO_ID_HEADER, VIDEO_UPLOAD_PATH } from '../../contract/video.js';
import type { Client, Response } from './client.js';

const run = promisify(execFile);

/** The place (Eiffel tower) written into test clips' location metadata; served files must not carry it. */
export const GPS = { iso6709: '+48.8584+002.2945/', marker: '48.8584' };

export interface ClipOptions {
  seconds?: number;
  width?: number;
  height?: number;
  /** 'h264' (with AAC) or 'vp9' (WebM with Opus). */
  codec?: 'h264' | 'vp9';
  /** No audio stream. */
  silent?: boolean;
  /** Writes location (both the 3GPP ©xyz and the QuickTime ISO 6709 key) and a device make. */
  gps?: boolean;
  /** Moves the index to the front (as phones and our renditions do). */
  faststart?: boolean;
}

/** A real clip made by ffmpeg from a test pattern and a tone. */
export async function makeClip(opts: ClipOptions = {}): Promise<Buffer> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kuaan-clip-'));
  const webm = opts.codec === 'vp9';
  const file = path.join(dir, webm ? 'clip.webm' : 'clip.mp4');
  const seconds = opts.seconds ?? 2;
  const size = `${opts.width ?? 320}x${opts.height ?? 240}`;
  const args = ['-hide_banner', '-v', 'error', '-y', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=25:duration=${seconds}`];
  if (!opts.silent) args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`);
  if (webm) args.push('-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '200k');
  else args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (!opts.silent) args.push('-c:a', webm ? 'libopus' : 'aac', '-shortest');
  if (opts.gps) {
    args.push('-metadata', `location=${GPS.iso6709}`, '-metadata', `com.apple.quicktime.location.ISO6709=${GPS.iso6709}`);
    args.push('-metadata', 'make=KuaanTestCam', '-movflags', `use_metadata_tags${opts.faststart ? '+faststart' : ''}`);
  } else if (opts.faststart && !webm) {
    args.push('-movflags', '+faststart');
  }
  args.push(file);
  await run('ffmpeg', args);
  const bytes = await fsp.readFile(file);
  await fsp.rm(dir, { recursive: true, force: true });
  return bytes;
}

/** ffprobe's view of some bytes (format and stream tags included). */
export async function probeBytes(bytes: Buffer): Promise<{ format: { tags?: Record<string, string>; duration?: string }; streams: Array<Record<string, any>> }> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'kuaan-probe-'));
  const file = path.join(dir, 'f.mp4');
  await fsp.writeFile(file, bytes);
  try {
    const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
    return JSON.parse(stdout);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

const TUS = { 'tus-resumable': '1.0.0' };

/** Creates a tus upload of `length` bytes; returns its URL and the video id. */
export async function createUpload(client: Client, length: number): Promise<{ url: string; id: string; res: Response }> {
  const res = await client.request('POST', VIDEO_UPLOAD_PATH, { headers: { ...TUS, 'upload-length': String(length) } });
  assert.equal(res.status, 201, `creating the upload failed: ${res.status} ${res.text}`);
  const url = String(res.headers.location);
  return { url, id: url.split('/').pop()!, res };
}

/** Sends bytes from `offset` in one PATCH. */
export function patchUpload(client: Client, url: string, offset: number, bytes: Buffer): Promise<Response> {
  return client.request('PATCH', url, {
    raw: bytes,
    contentType: 'application/offset+octet-stream',
    headers: { ...TUS, 'upload-offset': String(offset) },
  });
}

/** The server's offset of an upload (tus HEAD). */
export async function uploadOffset(client: Client, url: string): Promise<number> {
  const res = await client.request('HEAD', url, { headers: TUS });
  assert.equal(res.status, 200, `HEAD failed: ${res.status}`);
  return Number(res.headers['upload-offset']);
}

/** Uploads a whole file the tus way; returns the video id. */
export async function uploadVideo(client: Client, bytes: Buffer): Promise<string> {
  const { url, id } = await createUpload(client, bytes.length);
  const res = await patchUpload(client, url, 0, bytes);
  assert.equal(res.status, 204, `PATCH failed: ${res.status} ${res.text}`);
  assert.equal(res.headers[VIDEO_ID_HEADER], id);
  return id;
}

/** Runs the queue until the video is no longer waiting or processing, and returns it. */
export async function settleVideo(client: Client, id: string): Promise<Video> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await client.t.ctx.queue.drain();
    const res = await client.get<Video>(`/api/videos/${id}`);
    assert.equal(res.status, 200, res.text);
    if (res.body.state === 'ready' || res.body.state === 'failed') return res.body;
    if (Date.now() > deadline) throw new Error(`video ${id} still ${res.body.state}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Uploads a clip, processes it and asserts it is ready. */
export async function readyVideo(client: Client, bytes?: Buffer): Promise<Video> {
  const id = await uploadVideo(client, bytes ?? (await makeClip()));
  const video = await settleVideo(client, id);
  assert.equal(video.state, 'ready', `video failed: ${JSON.stringify(video.error)}`);
  return video;
}
