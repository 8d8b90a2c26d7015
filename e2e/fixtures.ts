import type { APIRequestContext } from 'playwright-core';
import sharp from 'sharp';

/** A real JPEG photo: a warm gradient with noise, so it compresses and decodes like a camera picture. */
export async function jpeg(width: number, height: number, hue: number): Promise<Buffer> {
  const channels = 3;
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * channels;
      const noise = (Math.random() - 0.5) * 30;
      pixels[i] = Math.max(0, Math.min(255, 255 * ((Math.sin(hue) + 1) / 2) * (1 - y / height) + 60 + noise));
      pixels[i + 1] = Math.max(0, Math.min(255, 140 * (x / width) + 40 + noise));
      pixels[i + 2] = Math.max(0, Math.min(255, 255 * ((Math.cos(hue) + 1) / 2) * (y / height) + 30 + noise));
    }
  }
  return sharp(pixels, { raw: { width, height, channels } }).jpeg({ quality: 85 }).toBuffer();
}

/** Signs a person up through the API on a browser context's cookie jar (for pages the story does not cover). */
export async function signUpViaApi(request: APIRequestContext, handle: string, displayName: string): Promise<void> {
  const res = await request.post('/api/auth/sign-up', {
    data: { email: `${handle}@example.com`, password: 'correct horse battery', handle, displayName, uiLocale: 'en' },
  });
  if (!res.ok()) throw new Error(`sign-up failed: ${res.status()} ${await res.text()}`);
  await request.patch('/api/me', {
    data: {
      onboarded: true,
      bio: '住在台北的设计师 🌿 Designer in Taipei',
      languages: [
        { lang: 'zh', kind: 'native' },
        { lang: 'en', kind: 'learning', level: 3 },
      ],
    },
  });
}

/** Posts a photo note through the API; returns its id. */
export async function postNoteViaApi(
  request: APIRequestContext,
  note: { title: string; body: string; photos: number },
): Promise<string> {
  const images: Array<{ mediaId: string; alt: string }> = [];
  for (let i = 0; i < note.photos; i++) {
    const res = await request.post('/api/media', {
      multipart: { file: { name: `p${i}.jpg`, mimeType: 'image/jpeg', buffer: await jpeg(600, 450 + i * 150, i + 1) } },
    });
    if (!res.ok()) throw new Error(`upload failed: ${res.status()} ${await res.text()}`);
    images.push({ mediaId: ((await res.json()) as { id: string }).id, alt: `Photo ${i + 1}` });
  }
  const res = await request.post('/api/notes', {
    data: { type: note.photos > 0 ? 'photo' : 'text', title: note.title, body: note.body, images, visibility: 'public' },
  });
  if (!res.ok()) throw new Error(`note failed: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}
