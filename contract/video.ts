import { type Static, Type } from 'typebox';
import { Id, Image, Timestamp } from './common.js';
import { LIMITS } from './limits.js';
import { LanguageTag } from './translation.js';

/** Where tus clients create uploads (POST) and continue them (HEAD/PATCH on the returned URL). */
export const VIDEO_UPLOAD_PATH = '/api/uploads/video';
/** Response header of the creating POST: the id of the video the upload becomes. */
export const VIDEO_ID_HEADER = 'x-kuaan-video-id';

export const VideoState = Type.Union([
  Type.Literal('uploading'),
  Type.Literal('queued'),
  Type.Literal('processing'),
  Type.Literal('ready'),
  Type.Literal('failed'),
]);
export type VideoState = Static<typeof VideoState>;

export const VideoRendition = Type.Object({
  url: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  /** Nominal height of the short side: 720, 360, or the source's own when smaller. */
  label: Type.Integer(),
  bytes: Type.Integer(),
});
export type VideoRendition = Static<typeof VideoRendition>;

export const VideoCaption = Type.Object({ lang: Type.String(), url: Type.String() });
export type VideoCaption = Static<typeof VideoCaption>;

/** A video as its author follows it (state, progress, failure) and as readers play it. */
export const Video = Type.Object({
  id: Id,
  state: VideoState,
  /** 0–100 while processing. */
  progress: Type.Integer(),
  /** Why processing failed, in the caller's language. */
  error: Type.Union([Type.Object({ code: Type.String(), message: Type.String() }), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  width: Type.Union([Type.Integer(), Type.Null()]),
  height: Type.Union([Type.Integer(), Type.Null()]),
  /** Sum of the renditions' sizes. */
  bytes: Type.Union([Type.Integer(), Type.Null()]),
  poster: Type.Union([Image, Type.Null()]),
  /** Largest first. */
  renditions: Type.Array(VideoRendition),
  captions: Type.Array(VideoCaption),
  createdAt: Timestamp,
});
export type Video = Static<typeof Video>;

/** What a waterfall card needs to play a muted preview. */
export const VideoPreview = Type.Object({ durationMs: Type.Integer(), url: Type.String() });
export type VideoPreview = Static<typeof VideoPreview>;

/** A video note's video in a create request; the cover is the chosen frame unless an uploaded image is given. */
export const NoteVideoInput = Type.Object({ id: Id, coverMediaId: Type.Optional(Id) }, { additionalProperties: false });

export const ChooseFrameBody = Type.Object(
  { atMs: Type.Integer({ minimum: 0, maximum: LIMITS.video.maxDurationSeconds * 1000 }) },
  { additionalProperties: false },
);
export type ChooseFrameBody = Static<typeof ChooseFrameBody>;

export const CaptionParams = Type.Object({ id: Id, lang: LanguageTag }, { additionalProperties: false });
export type CaptionParams = Static<typeof CaptionParams>;

export const CaptionTranslateQuery = Type.Object({ to: LanguageTag }, { additionalProperties: false });

/** PUT body of a caption track: the WebVTT text itself (text/vtt). */
export const CaptionBody = Type.String({ maxLength: LIMITS.video.captionBytes, description: 'A WebVTT file.' });
