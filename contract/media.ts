import { Type } from 'typebox';
import { Image } from './common.js';

/** The multipart form field an upload arrives in. */
export const UPLOAD_FIELD = 'file';

/** What the server accepts, by type sniffed from the bytes (never the name or the client's claim). */
export const ACCEPTED_IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/apng',
  'image/webp',
  'image/gif',
  'image/avif',
  'image/heic',
  'image/heif',
] as const;

/** POST /api/media answers with the stored image, ready to attach to a note or profile. */
export const UploadImageResponse = Image;

/** The multipart body of POST /api/media, as the OpenAPI document describes it. */
export const UploadImageBody = Type.Object({
  [UPLOAD_FIELD]: Type.String({ format: 'binary', description: 'JPEG, PNG, WebP, GIF, AVIF or HEIC, at most 20 MB.' }),
});
