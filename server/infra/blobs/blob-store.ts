import type { Readable } from 'node:stream';

export interface BlobObject {
  body: Readable;
  size: number;
  contentType: string;
}

/** Byte range, inclusive on both ends, as HTTP Range uses it. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Where media bytes live: a folder on disk for the embedded deployment, an S3-compatible bucket
 * for a cluster. Keys are opaque paths such as `img/0190…/1080.webp`.
 */
export interface BlobStore {
  readonly kind: 'disk' | 's3';
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /**
   * Stores a file's bytes without reading it into memory (videos run to a gigabyte). The store may
   * move the file instead of copying it: the caller gives it away.
   */
  putFile(key: string, file: string, contentType: string): Promise<void>;
  /** The object, or null when no such key exists. With a range, only those bytes. */
  get(key: string, range?: ByteRange): Promise<BlobObject | null>;
  /** Size and type without the body, or null. */
  head(key: string): Promise<{ size: number; contentType: string } | null>;
  /** Deletes keys; missing keys are not an error. */
  delete(keys: string[]): Promise<void>;
}
