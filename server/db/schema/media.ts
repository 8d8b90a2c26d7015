export interface MediaVariant {
  /** Blob key in the media store. */
  key: string;
  width: number;
  height: number;
  bytes: number;
  mime: string;
}

export interface MediaTable {
  id: string;
  owner_id: string;
  kind: 'image';
  width: number;
  height: number;
  blurhash: string;
  /** Dominant colour as #rrggbb, shown before the blurhash is decoded. */
  color: string;
  /** JSON MediaVariant[], largest first. */
  variants: string;
  created_at: number;
}
