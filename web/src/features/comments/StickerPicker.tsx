import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n/index.js';
import { useStickers } from './useStickers.js';

/** A grid of stickers; picking one inserts its bracket code, e.g. "[laugh]". */
export function StickerPicker({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const stickers = useStickers();
  if (stickers.length === 0) return null;
  const locale = currentLocale();
  return (
    <fieldset className="sticker-picker">
      <legend className="visually-hidden">{t('comments.stickers')}</legend>
      {stickers.map((s) => (
        <button type="button" key={s.code} className="sticker-btn" onClick={() => onPick(`[${s.code}]`)} aria-label={s.label[locale]}>
          <img src={s.url} alt="" width={36} height={36} />
        </button>
      ))}
    </fieldset>
  );
}
