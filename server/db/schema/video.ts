import type { MediaVariant } from './media.js';

export type VideoState = 'uploading' | 'queued' | 'processing' | 'ready' | 'failed';

/** One playable MP4 of a video (e.g. the 720p and the 360p one). */
export interface VideoRendition {
  /** Blob key in the media store. */
  key: string;
  width: number;
  height: number;
  bytes: number;
  /** The source's streams were copied rather than re-encoded. */
  copied: boolean;
}

/** The poster frame, stored like a photo: WebP variants plus its placeholder. */
export interface VideoPoster {
  width: number;
  height: number;
  blurhash: string;
  color: string;
  /** Largest first. */
  variants: MediaVariant[];
}

export interface VideosTable {
  id: string;
  owner_id: string;
  /** The note the video belongs to; null until the author posts it. */
  note_id: string | null;
  state: VideoState;
  /** 0–100 while processing. */
  progress: number;
  /** The refusal or failure code (a server message key) when state is failed. */
  error_code: string | null;
  /** JSON parameters of the error message ({limit}, {detected} …). */
  error_params: string | null;
  /** Blob key of the uploaded original, until processing no longer needs it. Never served. */
  source_key: string | null;
  source_bytes: number;
  duration_ms: number | null;
  width: number | null;
  height: number | null;
  /** Sum of the renditions' sizes. */
  bytes: number | null;
  /** JSON VideoRendition[], largest first. */
  renditions: string;
  /** JSON VideoPoster, or null before processing made one. */
  poster: string | null;
  created_at: number;
  updated_at: number;
}

export interface VideoCaptionsTable {
  video_id: string;
  /** BCP 47 language of the track. */
  lang: string;
  key: string;
  bytes: number;
  created_at: number;
}
