import { Type } from 'typebox';
import { StickerPacks } from '../../../contract/stickers.js';
import type { AppContext } from '../../context.js';
import { notFound } from '../../errors.js';
import type { KuaanApp } from '../../plugins/types.js';

const FileParams = Type.Object(
  { pack: Type.String({ maxLength: 32 }), file: Type.String({ maxLength: 68 }) },
  { additionalProperties: false },
);

export function stickersRoutes(app: KuaanApp, ctx: AppContext): void {
  const catalog = ctx.stickers;

  app.get('/api/stickers', { schema: { tags: ['stickers'], response: { 200: StickerPacks } } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return { packs: catalog.packs };
  });

  app.get('/stickers/:pack/:file', { schema: { hide: true, params: FileParams } }, async (request, reply) => {
    // Only files read from validated packs at start are served: the lookup is by exact key, never a path.
    const file = catalog.files.get(`${request.params.pack}/${request.params.file}`);
    if (!file) throw notFound('sticker');
    return reply
      .type(file.contentType)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'")
      .header('cross-origin-resource-policy', 'same-origin')
      .header('cache-control', 'public, max-age=86400')
      .send(file.body);
  });
}
