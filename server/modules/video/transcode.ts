import fsp from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from '../../../contract/limits.js';
import type { VideoConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import type { FencedTools, RunResult } from './ffmpeg.js';
import type { ProbedVideo } from './probe.js';

export interface PlannedRendition {
  /** The nominal height of the short side (720, 360, or the source's own when it is smaller). */
  label: number;
  width: number;
  height: number;
  /** Remux the source's streams instead of re-encoding them. */
  copy: boolean;
}

export interface TranscodedRendition extends PlannedRendition {
  file: string;
  bytes: number;
}

/** Above this the source is re-encoded even if its codecs would do: a 720p rendition should stream on a phone. */
const COPY_MAX_BITRATE = 5_000_000;
const COPY_PROFILES = new Set(['Constrained Baseline', 'Baseline', 'Main', 'High']);
const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * The renditions a source gets: each of LIMITS.video.renditions that is not larger than the source
 * (never upscaled), or one at the source's own size when it is smaller than all of them. A portrait
 * video's "720p" is 720 wide. The long side is kept to 16:9 of the label so a panorama does not
 * become a giant file.
 */
export function planRenditions(p: ProbedVideo): PlannedRendition[] {
  const short = Math.min(p.width, p.height);
  const labels = LIMITS.video.renditions.filter((l) => l <= short);
  if (labels.length === 0) labels.push(short as never);
  const out: PlannedRendition[] = [];
  for (const label of labels) {
    const long = Math.max(p.width, p.height);
    const f = Math.min(label / short, Math.round((label * 16) / 9) / long, 1);
    const width = even(p.width * f);
    const height = even(p.height * f);
    if (out.some((r) => r.width === width && r.height === height)) continue;
    out.push({ label, width, height, copy: false });
  }
  // Where the source already is what we would make, copy its streams: no generation loss, no CPU.
  const top = out[0]!;
  const v = p.video;
  const copyable =
    p.container === 'mp4' &&
    v.codec === 'h264' &&
    v.pixFmt === 'yuv420p' &&
    COPY_PROFILES.has(v.profile) &&
    v.rotation === 0 &&
    v.fps > 0 &&
    v.fps <= 60 &&
    (p.audio === null || p.audio.codec === 'aac') &&
    top.width === p.width &&
    top.height === p.height &&
    (p.bitRate ?? Number.POSITIVE_INFINITY) <= COPY_MAX_BITRATE;
  if (copyable) top.copy = true;
  return out;
}

function outputArgs(r: PlannedRendition, threads: number, file: string): string[] {
  // Nothing of the source's metadata travels: no global or per-stream tags (location, device, dates),
  // no chapters, no data or subtitle streams (GPS tracks ride in those), no encoder version strings.
  const common = ['-map', '0:v:0', '-map', '0:a:0?', '-map_metadata', '-1', '-map_chapters', '-1', '-dn', '-sn'];
  const tail = ['-fflags', '+bitexact', '-movflags', '+faststart', '-f', 'mp4', file];
  if (r.copy) return [...common, '-c', 'copy', ...tail];
  const crf = r.label >= 720 ? '23' : '26';
  return [
    ...common,
    '-vf',
    `scale=${r.width}:${r.height}:flags=bicubic,format=yuv420p`,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    crf,
    '-profile:v',
    'high',
    '-fpsmax',
    '60',
    '-threads',
    String(threads),
    '-flags:v',
    '+bitexact',
    '-c:a',
    'aac',
    '-b:a',
    r.label >= 720 ? '128k' : '96k',
    '-ac',
    '2',
    '-flags:a',
    '+bitexact',
    ...tail,
  ];
}

/** How long a run over this source may take before it is killed. */
export function transcodeTimeoutMs(config: VideoConfig, durationMs: number): number {
  return 60_000 + durationMs * config.timeoutFactor;
}

/**
 * Makes every planned rendition in one ffmpeg run (one decode feeds all outputs), reporting progress
 * as a fraction of the source's duration, then checks each output really is as long as the source
 * claimed: a truncated file decodes "successfully" into a short video.
 */
export async function transcode(
  tools: FencedTools,
  config: VideoConfig,
  source: string,
  outDir: string,
  probe: ProbedVideo,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<TranscodedRendition[]> {
  const plan = planRenditions(probe);
  const files = plan.map((r) => path.join(outDir, `${r.label}.mp4`));
  const args = ['-v', 'error', '-nostats', '-progress', 'pipe:1', '-i', source];
  for (const [i, r] of plan.entries()) args.push(...outputArgs(r, config.threads, files[i]!));
  const result = await tools.ffmpeg(args, {
    timeoutMs: transcodeTimeoutMs(config, probe.durationMs),
    ...(signal ? { signal } : {}),
    onLine: (line) => {
      const m = /^out_time_us=(\d+)$/.exec(line);
      if (m) onProgress(Math.min(1, Number(m[1]) / 1000 / probe.durationMs));
    },
  });
  if (result.code !== 0) throw failure(result);

  const out: TranscodedRendition[] = [];
  for (const [i, r] of plan.entries()) {
    const file = files[i]!;
    const seconds = await outputDuration(tools, config, file);
    // A little slack for the last frame and audio priming; a truncated source falls far short.
    if (seconds * 1000 < probe.durationMs * 0.9 - 500) throw new AppError(422, 'video_corrupt');
    out.push({ ...r, file, bytes: (await fsp.stat(file)).size });
  }
  return out;
}

/** A non-zero exit is the file's fault unless ffmpeg ran out of the memory we allowed it. */
function failure(result: RunResult): Error {
  if (/Cannot allocate memory|out of memory/i.test(result.stderr)) {
    return new AppError(422, 'video_processing_failed');
  }
  return new AppError(422, 'video_corrupt');
}

async function outputDuration(tools: FencedTools, config: VideoConfig, file: string): Promise<number> {
  const r = await tools.ffprobe(['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', '--', file], {
    timeoutMs: config.probeTimeoutMs,
    maxStdoutBytes: 1024,
  });
  const seconds = Number(r.stdout.toString('utf8').trim());
  if (r.code !== 0 || !Number.isFinite(seconds)) throw new AppError(422, 'video_corrupt');
  return seconds;
}

/** One frame at `atMs` as PNG, at most 1080 px wide (the photo pipeline then makes WebP and a blurhash). */
export async function frameAt(tools: FencedTools, config: VideoConfig, source: string, atMs: number): Promise<Buffer> {
  const result = await tools.ffmpeg(
    ['-v', 'error', '-ss', (atMs / 1000).toFixed(3), '-i', source, '-frames:v', '1', '-vf', "scale='min(1080,iw)':-2", '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
    { timeoutMs: config.probeTimeoutMs * 2, maxStdoutBytes: 32 * 1024 * 1024 },
  );
  if (result.code !== 0 || result.stdout.length === 0) throw new AppError(422, 'video_corrupt');
  return result.stdout;
}
