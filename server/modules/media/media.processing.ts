import os from 'node:os';
import { encode } from 'blurhash';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata, type OutputInfo, type SharpOptions } from 'sharp';
import { LIMITS } from '../../../contract/limits.js';
import { ACCEPTED_IMAGE_TYPES } from '../../../contract/media.js';
import { AppError } from '../../errors.js';

export interface ProcessedVariant {
  width: number;
  height: number;
  data: Buffer;
  mime: 'image/webp';
}

export interface ProcessedImage {
  /** Dimensions after EXIF orientation, of the original upload. */
  width: number;
  height: number;
  blurhash: string;
  color: string;
  /** Largest first. */
  variants: ProcessedVariant[];
}

/** Formats sharp reports for the types we accept; anything else (svg, pdf, tiff, raw …) is refused. */
const DECODABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'heif']);
/** A variant is never taller than this many times its width: WebP cannot exceed 16383 px a side. */
const MAX_ASPECT = 4;
const WEBP = { quality: 82, effort: 4 } as const;

/** Counts concurrent jobs and queues the rest, so a burst of uploads cannot take every core. */
class Gate {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.slots) {
      if (this.waiting.length >= this.maxWaiting) throw new AppError(503, 'media_busy');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter, so `active` only drops when nobody waits.
      if (next) next();
      else this.active--;
    }
  }
}

const unsupported = (detected: string) => new AppError(415, 'image_unsupported_type', { detected });
const corrupt = () => new AppError(422, 'image_corrupt');

function hex(n: number): string {
  return Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');
}

/**
 * Turns untrusted upload bytes into clean WebP variants. All sharp calls are the async ones, which
 * run on libuv's thread pool; the gate keeps at most (cores − 1) images in flight on top of that.
 */
export class ImageProcessor {
  private readonly gate: Gate;

  constructor(slots = Math.max(1, os.availableParallelism() - 1)) {
    this.gate = new Gate(slots, 32);
    // libvips' operation cache only helps when the same image is processed twice; uploads never are.
    sharp.cache(false);
  }

  /** Sniffs, checks and re-encodes one upload; throws AppError (4xx) for anything it will not take. */
  async process(input: Buffer): Promise<ProcessedImage> {
    const mime = await this.sniff(input);
    const { width, height } = await this.inspect(input);
    return this.gate.run(() => this.render(input, width, height, mime));
  }

  /** The type from magic bytes; the file name and the client's content type are never consulted. */
  private async sniff(input: Buffer): Promise<string> {
    const found = await fileTypeFromBuffer(input);
    if (!found) {
      const head = input.subarray(0, 512).toString('utf8').toLowerCase();
      throw unsupported(head.includes('<svg') ? 'image/svg+xml' : 'unknown');
    }
    if (!(ACCEPTED_IMAGE_TYPES as readonly string[]).includes(found.mime)) {
      const isSvg = found.mime === 'application/xml' && input.subarray(0, 4096).toString('utf8').toLowerCase().includes('<svg');
      throw unsupported(isSvg ? 'image/svg+xml' : found.mime);
    }
    return found.mime;
  }

  /** Reads dimensions from the header only, before any pixel is decoded (decompression bombs). */
  private async inspect(input: Buffer): Promise<{ width: number; height: number }> {
    let meta: Metadata;
    try {
      meta = await sharp(input, { failOn: 'none' }).metadata();
    } catch {
      throw corrupt();
    }
    if (!DECODABLE.has(meta.format ?? '')) throw unsupported(meta.format ? `image/${meta.format}` : 'unknown');
    if (!meta.width || !meta.height) throw corrupt();
    // Only the first frame of an animation is decoded, so that is what counts.
    const frameHeight = meta.pageHeight ?? meta.height;
    const pixels = meta.width * frameHeight;
    if (pixels > LIMITS.upload.maxPixels) {
      throw new AppError(413, 'image_too_many_pixels', {
        megapixels: (pixels / 1e6).toFixed(1),
        limit: LIMITS.upload.maxPixels / 1e6,
      });
    }
    const swapped = (meta.orientation ?? 1) >= 5;
    return swapped ? { width: frameHeight, height: meta.width } : { width: meta.width, height: frameHeight };
  }

  private async render(input: Buffer, width: number, height: number, mime: string): Promise<ProcessedImage> {
    const [largest, ...smaller] = [...LIMITS.upload.widths].sort((a, b) => b - a) as number[];
    let base: { data: Buffer; info: OutputInfo };
    try {
      // One decode of the original: orient, convert to sRGB, shrink to the largest display size, and
      // keep it as raw pixels. Every output is encoded from these pixels, so no input metadata
      // (EXIF, GPS, XMP, IPTC, ICC) can reach a served file.
      base = await sharp(input, { failOn: 'truncated', limitInputPixels: LIMITS.upload.maxPixels, pages: 1 })
        .rotate()
        .toColourspace('srgb')
        .resize({
          width: largest,
          height: largest! * MAX_ASPECT,
          fit: 'inside',
          withoutEnlargement: true,
        })
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
    } catch (err) {
      throw this.decodeError(err, mime);
    }
    const raw = { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } };
    const widths = [base.info.width, ...smaller.filter((w) => w < base.info.width)];
    const variants = await Promise.all(
      widths.map(async (w) => {
        const out = await sharp(base.data, raw).resize({ width: w }).webp(WEBP).toBuffer({ resolveWithObject: true });
        return { width: out.info.width, height: out.info.height, data: out.data, mime: 'image/webp' as const };
      }),
    );
    const { blurhash, color } = await this.placeholder(base.data, raw);
    return { width, height, blurhash, color, variants };
  }

  private async placeholder(pixels: Buffer, raw: SharpOptions): Promise<{ blurhash: string; color: string }> {
    const tiny = await sharp(pixels, raw)
      .resize(32, 32, { fit: 'inside' })
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height } = tiny.info;
    const [cx, cy] = width >= height ? [4, 3] : [3, 4];
    const blurhash = encode(new Uint8ClampedArray(tiny.data), width, height, cx, cy);
    const { dominant } = await sharp(tiny.data, { raw: { width, height, channels: 4 } }).stats();
    return { blurhash, color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` };
  }

  private decodeError(err: unknown, mime: string): AppError {
    const message = err instanceof Error ? err.message : String(err);
    // Prebuilt sharp decodes AVIF but not HEVC-coded HEIC (patents); say so rather than "corrupt".
    if ((mime === 'image/heic' || mime === 'image/heif') && /unsupported|plugin|codec|compression/i.test(message)) {
      return unsupported(mime);
    }
    if (/pixel limit/i.test(message)) {
      return new AppError(413, 'image_too_many_pixels', { megapixels: '?', limit: LIMITS.upload.maxPixels / 1e6 });
    }
    return corrupt();
  }
}
