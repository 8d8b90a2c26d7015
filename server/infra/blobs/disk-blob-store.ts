import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { BlobObject, BlobStore, ByteRange } from './blob-store.js';

const TYPES: Record<string, string> = {
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.mp4': 'video/mp4',
  '.vtt': 'text/vtt',
  '.json': 'application/json',
};

/** Blobs as files under one root; the content type follows the key's extension. */
export class DiskBlobStore implements BlobStore {
  readonly kind = 'disk' as const;

  constructor(private readonly root: string) {}

  private pathOf(key: string): string {
    // Keys are made by the server, but refuse anything that could leave the root all the same.
    if (!/^[A-Za-z0-9._\-/]+$/.test(key) || key.includes('..') || key.startsWith('/')) {
      throw new Error(`Invalid blob key: ${key}`);
    }
    return path.join(this.root, key);
  }

  private typeOf(key: string): string {
    return TYPES[path.extname(key).toLowerCase()] ?? 'application/octet-stream';
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.pathOf(key);
    await fsp.mkdir(path.dirname(file), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fsp.writeFile(tmp, data);
      await fsp.rename(tmp, file);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  async putFile(key: string, file: string): Promise<void> {
    const target = this.pathOf(key);
    await fsp.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      // A rename on the same file system is instant; across file systems fall back to a copy.
      await fsp.rename(file, tmp).catch(async (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EXDEV') throw err;
        await fsp.copyFile(file, tmp);
        await fsp.rm(file, { force: true });
      });
      await fsp.rename(tmp, target);
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
  }

  async head(key: string): Promise<{ size: number; contentType: string } | null> {
    try {
      const stat = await fsp.stat(this.pathOf(key));
      return { size: stat.size, contentType: this.typeOf(key) };
    } catch {
      return null;
    }
  }

  async get(key: string, range?: ByteRange): Promise<BlobObject | null> {
    // Open first, then stream from the handle: a file deleted after this point still reads whole,
    // and a missing one is a clean null rather than an error mid-response.
    let handle: fsp.FileHandle;
    try {
      handle = await fsp.open(this.pathOf(key), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    const { size } = await handle.stat();
    const body = handle.createReadStream(range ? { start: range.start, end: range.end } : {});
    return { body, size: range ? range.end - range.start + 1 : size, contentType: this.typeOf(key) };
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(keys.map((k) => fsp.rm(this.pathOf(k), { force: true })));
  }
}
