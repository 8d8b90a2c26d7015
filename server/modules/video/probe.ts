import { fileTypeFromFile } from 'file-type';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import { LIMITS } from '../../../contract/limits.js';
import type { VideoConfig } from '../../config.js';
import { AppError } from '../../errors.js';
import type { FencedTools } from './ffmpeg.js';

/** What the pipeline needs to know about a source, checked and normalized. */
export interface ProbedVideo {
  /** 'mp4' (mp4/mov family) or 'webm'. */
  container: 'mp4' | 'webm';
  durationMs: number;
  /** Display size: width and height after rotation. */
  width: number;
  height: number;
  video: { codec: string; pixFmt: string; profile: string; rotation: number; fps: number; bitRate: number | null };
  audio: { codec: string; channels: number } | null;
  bitRate: number | null;
}

/** Types sniffed from the first bytes that may go on to ffprobe; names and client claims are ignored. */
const SNIFFED: Record<string, ProbedVideo['container']> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mp4',
  'video/x-m4v': 'mp4',
  'video/webm': 'webm',
};

// The part of ffprobe's JSON we read. ffprobe is trusted code fed untrusted bytes: its output is
// validated like any other input before a number from it is believed.
const Num = Type.Union([Type.String({ maxLength: 64 }), Type.Number()]);
const ProbeStream = Type.Object({
  index: Type.Integer(),
  codec_type: Type.Optional(Type.String({ maxLength: 32 })),
  codec_name: Type.Optional(Type.String({ maxLength: 64 })),
  profile: Type.Optional(Type.String({ maxLength: 64 })),
  pix_fmt: Type.Optional(Type.String({ maxLength: 64 })),
  width: Type.Optional(Type.Integer({ minimum: 0 })),
  height: Type.Optional(Type.Integer({ minimum: 0 })),
  channels: Type.Optional(Type.Integer({ minimum: 0 })),
  avg_frame_rate: Type.Optional(Type.String({ maxLength: 64 })),
  r_frame_rate: Type.Optional(Type.String({ maxLength: 64 })),
  duration: Type.Optional(Num),
  bit_rate: Type.Optional(Num),
  disposition: Type.Optional(Type.Object({ attached_pic: Type.Optional(Type.Integer()) })),
  side_data_list: Type.Optional(Type.Array(Type.Object({ rotation: Type.Optional(Type.Number()) }))),
  tags: Type.Optional(Type.Object({ rotate: Type.Optional(Type.String({ maxLength: 16 })) })),
});
const ProbeOutput = Type.Object({
  streams: Type.Array(ProbeStream, { maxItems: 256 }),
  format: Type.Object({
    format_name: Type.String({ maxLength: 128 }),
    duration: Type.Optional(Num),
    bit_rate: Type.Optional(Num),
  }),
});
type ProbeOutput = Static<typeof ProbeOutput>;

const corrupt = () => new AppError(422, 'video_corrupt');

function num(v: string | number | undefined): number | null {
  if (v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

function rate(v: string | undefined): number {
  const m = /^(\d+)\/(\d+)$/.exec(v ?? '');
  if (!m || Number(m[2]) === 0) return 0;
  return Number(m[1]) / Number(m[2]);
}

/** Sniffs, probes and checks a source against the limits; throws a 4xx AppError for anything refused. */
export async function probeVideo(tools: FencedTools, config: VideoConfig, file: string): Promise<ProbedVideo> {
  const sniffed = await fileTypeFromFile(file).catch(() => undefined);
  const container = sniffed ? SNIFFED[sniffed.mime] : undefined;
  if (!container) throw new AppError(415, 'video_unsupported_type', { detected: sniffed?.mime ?? 'unknown' });

  const result = await tools.ffprobe(
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '--', file],
    { timeoutMs: config.probeTimeoutMs, maxStdoutBytes: 4 * 1024 * 1024 },
  );
  if (result.code !== 0) throw corrupt();
  let parsed: unknown;
  try {
    parsed = JSON.parse(result.stdout.toString('utf8'));
  } catch {
    throw corrupt();
  }
  if (!Value.Check(ProbeOutput, parsed)) throw corrupt();
  return checkProbe(parsed, container, config);
}

function checkProbe(out: ProbeOutput, container: ProbedVideo['container'], config: VideoConfig): ProbedVideo {
  const formats = out.format.format_name.split(',');
  const familyOk = container === 'webm' ? formats.includes('webm') : formats.includes('mp4') || formats.includes('mov');
  if (!familyOk) throw new AppError(415, 'video_unsupported_type', { detected: out.format.format_name });

  // Cover art in an MP4 is a "video" stream of one picture: it does not make a file a video.
  // No stream at all: the container's index is unreadable, which is damage, not an audio file.
  if (out.streams.length === 0) throw corrupt();
  const video = out.streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  if (!video) throw new AppError(422, 'video_no_video_stream');
  const audio = out.streams.find((s) => s.codec_type === 'audio');
  const rawW = video.width ?? 0;
  const rawH = video.height ?? 0;
  if (rawW < 2 || rawH < 2 || !video.codec_name) throw corrupt();

  const rotation = Math.round(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0)) || 0;
  const sideways = Math.abs(rotation) % 180 === 90;
  const [width, height] = sideways ? [rawH, rawW] : [rawW, rawH];
  if (Math.max(width, height) > LIMITS.video.maxDimension) {
    throw new AppError(422, 'video_resolution_too_large', { width, height, limit: LIMITS.video.maxDimension });
  }

  const seconds = num(out.format.duration) ?? num(video.duration);
  if (seconds === null || seconds <= 0) throw corrupt();
  if (seconds > config.maxDurationSeconds) {
    throw new AppError(422, 'video_too_long', {
      minutes: (seconds / 60).toFixed(1),
      limit: +(config.maxDurationSeconds / 60).toFixed(2),
    });
  }
  return {
    container,
    durationMs: Math.round(seconds * 1000),
    width,
    height,
    video: {
      codec: video.codec_name,
      pixFmt: video.pix_fmt ?? '',
      profile: video.profile ?? '',
      rotation,
      fps: rate(video.avg_frame_rate) || rate(video.r_frame_rate),
      bitRate: num(video.bit_rate),
    },
    audio: audio?.codec_name ? { codec: audio.codec_name, channels: audio.channels ?? 0 } : null,
    bitRate: num(out.format.bit_rate),
  };
}
