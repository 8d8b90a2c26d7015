import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import type { Note } from '../../contract/notes.js';
import type { Client } from './client.js';
import { uploadImage } from './media-factory.js';

export interface NoteOverrides {
  /** Alt text per image, by position (photo notes). */
  alts?: string[];
  title?: string;
  body?: string;
  visibility?: 'public' | 'mutuals' | 'private';
  locationLabel?: string | null;
}

/**
 * What makes a default title unique. Digits, not random letters: language detection reads the title,
 * and random hex made the same test note English in one run and French or Italian in another. The
 * leading 9 keeps the profanity filter's leetspeak from reading a word at the start of the number:
 * "note 455…" is "ass", which held about one note in 800 where automated moderation is on. None in a
 * million draws now.
 */
function uniqueNumber(): string {
  return `9${randomInt(1_000_000_000)}`;
}

/** Posts a text note through the API (unique title unless given) and returns the Note DTO. */
export async function createTextNote(client: Client, overrides: NoteOverrides = {}): Promise<Note> {
  const res = await client.post<Note>('/api/notes', {
    type: 'text',
    title: overrides.title ?? `note ${uniqueNumber()}`,
    body: overrides.body ?? 'Hello from a test note.',
    ...(overrides.visibility ? { visibility: overrides.visibility } : {}),
    ...(overrides.locationLabel !== undefined ? { locationLabel: overrides.locationLabel } : {}),
  });
  assert.equal(res.status, 201, `creating a text note failed: ${res.text}`);
  return res.body;
}

/** Uploads imageCount fresh JPEGs and posts them as a photo note; returns the Note DTO. */
export async function createPhotoNote(client: Client, imageCount = 1, overrides: NoteOverrides = {}): Promise<Note> {
  const images = [];
  for (let i = 0; i < imageCount; i++) images.push(await uploadImage(client));
  const res = await client.post<Note>('/api/notes', {
    type: 'photo',
    title: overrides.title ?? `photos ${uniqueNumber()}`,
    body: overrides.body ?? 'A photo note from a test.',
    images: images.map((img, i) => ({ mediaId: img.id, ...(overrides.alts?.[i] !== undefined ? { alt: overrides.alts[i] } : {}) })),
    ...(overrides.visibility ? { visibility: overrides.visibility } : {}),
    ...(overrides.locationLabel !== undefined ? { locationLabel: overrides.locationLabel } : {}),
  });
  assert.equal(res.status, 201, `creating a photo note failed: ${res.text}`);
  return res.body;
}
