import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import type { Image } from '../../contract/common.js';
import type { Client, Response } from './client.js';
import type { TestApp } from './harness.js';

export interface ImageOptions {
  width?: number;
  height?: number;
  /** Any CSS colour sharp understands, e.g. '#d33' or 'teal'. */
  color?: string;
  /** EXIF orientation tag (1–8) written into the file; the pixels are stored unrotated. */
  orientation?: number;
  /** Writes GPS EXIF (Beijing, unless given) plus a camera make and an XMP packet. */
  gps?: boolean | { lat: number; lon: number };
  /** Embeds a Display P3 ICC profile. */
  icc?: boolean;
}

/** The camera make written into EXIF by makeJpeg; tests look for it in served bytes. */
export const EXIF_MARKER = 'KuaanTestCam';

function dms(deg: number): string {
  const a = Math.abs(deg);
  const d = Math.floor(a);
  const m = Math.floor((a - d) * 60);
  const s = Math.round(((a - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

function canvas(opts: ImageOptions) {
  return sharp({
    create: { width: opts.width ?? 640, height: opts.height ?? 480, channels: 3, background: opts.color ?? '#c0392b' },
  });
}

/** A real JPEG made with sharp, optionally carrying orientation, GPS EXIF, XMP and an ICC profile. */
export async function makeJpeg(opts: ImageOptions = {}): Promise<Buffer> {
  let img = canvas(opts).jpeg({ quality: 90 });
  if (opts.orientation) img = img.withMetadata({ orientation: opts.orientation });
  if (opts.icc) img = img.withIccProfile('p3');
  if (opts.gps) {
    const { lat, lon } = opts.gps === true ? { lat: 39.9042, lon: 116.4074 } : opts.gps;
    img = img
      .withExif({
        IFD0: { Make: EXIF_MARKER, Model: 'GPS test' },
        IFD3: {
          GPSLatitudeRef: lat >= 0 ? 'N' : 'S',
          GPSLatitude: dms(lat),
          GPSLongitudeRef: lon >= 0 ? 'E' : 'W',
          GPSLongitude: dms(lon),
        },
      })
      .withXmp(
        `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="39,54.25N"/></rdf:RDF></x:xmpmeta>`,
      );
  }
  return img.toBuffer();
}

/** A real PNG made with sharp. */
export async function makePng(opts: ImageOptions = {}): Promise<Buffer> {
  return canvas(opts).png().toBuffer();
}

/** A real WebP made with sharp. */
export async function makeWebp(opts: ImageOptions = {}): Promise<Buffer> {
  return canvas(opts).webp().toBuffer();
}

/** True when EXIF bytes carry a GPS IFD pointer (tag 0x8825, either byte order). */
export function exifHasGps(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  return exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88]));
}

/** A hand-built multipart/form-data body with one file part (what a browser's FormData sends). */
export function multipartBody(
  file: Buffer,
  opts: { field?: string; filename?: string; contentType?: string; extraFields?: Record<string, string> } = {},
): { body: Buffer; contentType: string } {
  const boundary = `----kuaan${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(opts.extraFields ?? {})) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  const head =
    `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.filename ?? 'photo.jpg'}"\r\n` +
    `Content-Type: ${opts.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  parts.push(Buffer.from(head), file, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** POSTs a file to /api/media as the client and returns the raw response (for refusal tests). */
export function postUpload(
  client: Client,
  file: Buffer,
  opts: Parameters<typeof multipartBody>[1] & { headers?: Record<string, string> } = {},
): Promise<Response> {
  const { body, contentType } = multipartBody(file, opts);
  return client.request('POST', '/api/media', { raw: body, contentType, ...(opts.headers ? { headers: opts.headers } : {}) });
}

/** Uploads an image (a fresh 640×480 JPEG unless given) and returns the Image DTO; asserts 201. */
export async function uploadImage(client: Client, buffer?: Buffer, filename = 'photo.jpg'): Promise<Image> {
  const file = buffer ?? (await makeJpeg({ color: `#${randomBytes(3).toString('hex')}` }));
  const res = await postUpload(client, file, { filename, contentType: 'image/jpeg' });
  assert.equal(res.status, 201, `upload failed: ${res.text}`);
  return res.body as Image;
}

/** Fetches a served media file as raw bytes (the test client only decodes JSON). */
export async function fetchMediaBytes(
  client: Client,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const res = await client.t.app.inject({ method: 'GET', url, headers });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A tiny PNG whose header claims width × height pixels of RGB, with a few compressed rows of
 * pixel data: the shape of a decompression bomb, without the cost of making a real one.
 */
export function makePngHeaderBomb(width = 9000, height = 9000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = zlib.deflateSync(Buffer.alloc((width * 3 + 1) * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** How many media rows a person owns (tests never assume an empty database, so count per owner). */
export async function mediaRowCount(t: TestApp, ownerId: string): Promise<number> {
  const row = await t.ctx.database.db
    .selectFrom('media')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('owner_id', '=', ownerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Files in the disk blob store of a test app (0 when nothing was ever stored). */
export async function storedFileCount(t: TestApp): Promise<number> {
  const root = path.join(t.ctx.config.dataDir, 'media');
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).length;
}
