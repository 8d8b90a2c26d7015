// The ARIA combobox pattern: focus stays in the body field, options are chosen via aria-activedescendant.
// biome-ignore-all lint/a11y/noNoninteractiveElementToInteractiveRole: listbox/option on ul/li is the combobox pattern
// biome-ignore-all lint/a11y/useFocusableInteractive: options are reached through aria-activedescendant, not focus
import { useTranslation } from 'react-i18next';

export interface Suggestion {
  value: string;
  label: string;
  detail?: string;
}

/** A listbox of completions under the body field; the body keeps focus (arrow keys move, Enter picks). */
export function Suggestions({
  id,
  items,
  active,
  onPick,
}: {
  id: string;
  items: Suggestion[];
  active: number;
  onPick: (s: Suggestion) => void;
}) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <ul id={id} className="suggestions" role="listbox" aria-label={t('composer.suggestions')}>
      {items.map((s, i) => (
        <li
          key={s.value}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : ''}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(s);
          }}
        >
          <span>{s.label}</span>
          {s.detail && <span className="hint">{s.detail}</span>}
        </li>
      ))}
    </ul>
  );
}
