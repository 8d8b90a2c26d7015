/**
 * `node --import tsx bench/video.ts [--seconds 60] [--skip-load] [--nice N]`
 *
 * The video pipeline's speed claims (issue 9), against the real server (`kuaan serve`, SQLite, one
 * job worker, ffmpeg at VIDEO_FFMPEG_NICE, default 19) in a child process:
 *   - upload complete → ready for a 60-second 1080p H.264/AAC clip (both renditions re-encoded) and
 *     for a 60-second 720p one (720p stream-copied, 360p encoded), with the transcoding throughput
 *     (seconds of video per wall-clock second);
 *   - feed latency (GET /api/feed/discover?mode=chronological, 8 connections) alone and while the
 *     1080p clip transcodes: the p99 ratio is the "web keeps serving" claim.
 * Prints one JSON object; the numbers go into bench/video.md by hand.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { VIDEO_UPLOAD_PATH } from '../contract/video.js';
import { runLoad } from './load.js';
import { startServer } from './server-process.js';

const run = promisify(execFile);
const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const seconds = Number(arg('--seconds')) || 60;
const skipLoad = process.argv.includes('--skip-load');
const LOAD_SECONDS = 10;

async function makeClip(file: string, width: number, height: number, bitrate: string): Promise<void> {
  // A moving test pattern with a tone: hard enough to encode to be honest, cheap to make.
  await run('ffmpeg', [
    '-v', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=30:duration=${seconds}`,
    '-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`,
    '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', bitrate, '-pix_fmt', 'yuv420p',
    '-c:a', 'aac', '-shortest', file,
  ]);
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kuaan-bench-video-'));
const clips = {
  '1080p': path.join(dir, '1080.mp4'),
  '720p': path.join(dir, '720.mp4'),
};
await makeClip(clips['1080p'], 1920, 1080, '6M');
await makeClip(clips['720p'], 1280, 720, '2500k');

const nice = arg('--nice');
const server = await startServer({ dataDir: path.join(dir, 'data'), databaseUrl: null, env: nice ? { VIDEO_FFMPEG_NICE: nice } : {} });
const base = server.url;
const origin = new URL(base).origin;
try {
  await server.settle(30);
  const signUp = await fetch(`${base}/api/auth/sign-up`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ handle: 'bench_video', password: 'correct horse battery', displayName: 'Bench', email: 'bench_video@example.com' }),
  });
  if (!signUp.ok) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  const cookie = (signUp.headers.get('set-cookie') ?? '').split(';')[0]!;
  const headers = { cookie, origin };
  // Something for the feed to show.
  for (let i = 0; i < 30; i++) {
    await fetch(`${base}/api/notes`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'text', title: `Bench ${i}`, body: `Note ${i} #bench` }),
    });
  }

  /** Uploads one clip with tus, then polls until ready: timings in seconds. */
  async function processClip(file: string) {
    const bytes = await fs.readFile(file);
    const created = await fetch(`${base}${VIDEO_UPLOAD_PATH}`, {
      method: 'POST',
      headers: { ...headers, 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length) },
    });
    const url = created.headers.get('location');
    if (created.status !== 201 || !url) throw new Error(`create: ${created.status}`);
    const uploadStart = performance.now();
    const patched = await fetch(`${base}${url}`, {
      method: 'PATCH',
      headers: { ...headers, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
      body: bytes,
    });
    if (patched.status !== 204) throw new Error(`patch: ${patched.status} ${await patched.text()}`);
    const complete = performance.now();
    const id = url.split('/').pop();
    let processingAt: number | null = null;
    for (;;) {
      const video = (await (await fetch(`${base}/api/videos/${id}`, { headers })).json()) as { state: string; error: unknown; renditions: Array<{ bytes: number; height: number }> };
      if (video.state === 'processing' && processingAt === null) processingAt = performance.now();
      if (video.state === 'failed') throw new Error(`failed: ${JSON.stringify(video.error)}`);
      if (video.state === 'ready') {
        const ready = performance.now();
        const busy = (ready - (processingAt ?? complete)) / 1000;
        return {
          mb: +(bytes.length / 1024 / 1024).toFixed(1),
          upload_s: +((complete - uploadStart) / 1000).toFixed(2),
          complete_to_ready_s: +((ready - complete) / 1000).toFixed(2),
          video_seconds_per_wall_second: +(seconds / busy).toFixed(2),
          renditions: video.renditions.map((r) => `${r.height}p ${(r.bytes / 1024 / 1024).toFixed(1)} MB`),
        };
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  const feed = () => ({ method: 'GET' as const, path: '/api/feed/discover?mode=chronological', headers: { cookie } });
  const alone = skipLoad ? null : await runLoad({ url: base, connections: 8, duration: LOAD_SECONDS, next: feed });

  const result: Record<string, unknown> = { seconds, cores: os.availableParallelism(), nice: nice ?? 'default (19)', load_before: os.loadavg()[0]!.toFixed(2) };
  if (skipLoad) {
    result['1080p'] = await processClip(clips['1080p']);
  } else {
    // The feed is measured while the 1080p clip transcodes (it takes longer than the load window).
    const [processed, during] = await Promise.all([
      processClip(clips['1080p']),
      new Promise((r) => setTimeout(r, 3000)).then(() => runLoad({ url: base, connections: 8, duration: LOAD_SECONDS, next: feed })),
    ]);
    result['1080p'] = processed;
    result.feed = {
      alone: { rps: alone!.rps, p50_ms: alone!.p50_ms, p99_ms: alone!.p99_ms, errors: alone!.errors },
      during_transcode: { rps: during.rps, p50_ms: during.p50_ms, p99_ms: during.p99_ms, errors: during.errors },
      p99_ratio: +(during.p99_ms / Math.max(alone!.p99_ms, 0.001)).toFixed(2),
    };
  }
  result['720p'] = await processClip(clips['720p']);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await server.stop();
  await fs.rm(dir, { recursive: true, force: true });
}
