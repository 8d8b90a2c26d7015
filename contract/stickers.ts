import { type Static, Type } from 'typebox';

export const LocalizedLabel = Type.Object({ en: Type.String(), 'zh-Hans': Type.String(), 'zh-Hant': Type.String() });

export const Sticker = Type.Object({
  /** The canonical bracket code without brackets, e.g. `laugh` for `[laugh]`. */
  code: Type.String(),
  /** Other codes that mean the same sticker, e.g. `笑哭`. */
  aliases: Type.Array(Type.String()),
  label: LocalizedLabel,
  url: Type.String(),
});
export type Sticker = Static<typeof Sticker>;

export const StickerPack = Type.Object({
  id: Type.String(),
  name: LocalizedLabel,
  builtIn: Type.Boolean(),
  stickers: Type.Array(Sticker),
});
export type StickerPack = Static<typeof StickerPack>;

export const StickerPacks = Type.Object({ packs: Type.Array(StickerPack) });
