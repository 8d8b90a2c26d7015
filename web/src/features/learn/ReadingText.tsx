import { Fragment, type KeyboardEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Facet, segmentsOf } from '../../../../contract/facets.js';
import { FacetNode } from '../../components/FacetNode.js';
import type { ChineseScriptTag, Token } from './learn.types.js';
import { clipToken, displayForm, isLookupWord, rubyPairs } from './ruby.js';
import { WordCardDialog } from './WordCardDialog.js';
import './learn.css';

interface Props {
  text: string;
  tokens: Token[];
  facets?: Facet[];
  /** Show the Simplified or Traditional form of each word (null: as written). */
  script: ChineseScriptTag | null;
}

function Ruby({ token, script }: { token: Token; script: ChineseScriptTag | null }) {
  const pairs = rubyPairs(displayForm(token, script), token.pinyin);
  if (pairs.length === 1 && pairs[0]!.rt === null) return <>{pairs[0]!.base}</>;
  return (
    <ruby>
      {pairs.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the characters of one word, fixed order
        <Fragment key={i}>
          {p.base}
          <rt>{p.rt ?? ''}</rt>
        </Fragment>
      ))}
    </ruby>
  );
}

/** Tokens that fall in [start, end), cut at the edges. */
function tokensIn(tokens: Token[], start: number, end: number): Token[] {
  return tokens.filter((tk) => tk.end > start && tk.start < end).map((tk) => clipToken(tk, start, end));
}

/**
 * Text with pinyin over every Chinese word, each word a button that opens its word card. The words
 * are one tab stop (arrow keys move between them), so a long note does not swallow the Tab key.
 * Hashtags, mentions and links stay links, with their pinyin.
 */
export default function ReadingText({ text, tokens, facets = [], script }: Props) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const [card, setCard] = useState<Token | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const group = useRef<HTMLSpanElement>(null);
  let wordIndex = 0;

  const onKeyDown = (e: KeyboardEvent<HTMLSpanElement>) => {
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    const home = e.key === 'Home' ? 0 : e.key === 'End' ? -1 : undefined;
    if (step === undefined && home === undefined) return;
    const words = [...(group.current?.querySelectorAll<HTMLButtonElement>('button.word') ?? [])];
    const at = words.indexOf(e.target as HTMLButtonElement);
    if (at < 0 || words.length === 0) return;
    e.preventDefault();
    const next = home === undefined ? Math.min(words.length - 1, Math.max(0, at + step!)) : home < 0 ? words.length - 1 : 0;
    setActive(next);
    words[next]!.focus();
  };

  const word = (tk: Token) => {
    if (!isLookupWord(tk)) return <Ruby key={tk.start} token={tk} script={script} />;
    const index = wordIndex++;
    const shown = displayForm(tk, script);
    return (
      <button
        key={tk.start}
        type="button"
        className="word"
        tabIndex={index === active ? 0 : -1}
        data-word={shown}
        aria-haspopup="dialog"
        onFocus={() => setActive(index)}
        onClick={(e) => {
          opener.current = e.currentTarget;
          setCard(tk);
        }}
      >
        <Ruby token={tk} script={script} />
      </button>
    );
  };

  let at = 0;
  const parts = segmentsOf(text, facets).map((seg) => {
    const start = at;
    const end = at + seg.text.length;
    at = end;
    const inner = tokensIn(tokens, start, end);
    const f = seg.facet;
    const key = `s${start}`;
    if (!f) return <Fragment key={key}>{inner.map(word)}</Fragment>;
    const ruby = inner.map((tk) => <Ruby key={tk.start} token={tk} script={script} />);
    // Hashtags and mentions keep their pinyin inside the link; other facets show as written.
    return (
      <FacetNode key={key} facet={f} text={seg.text}>
        {ruby}
      </FacetNode>
    );
  });

  return (
    <>
      {/* biome-ignore lint/a11y/useSemanticElements: a group of word buttons inside running text; fieldset cannot sit in a paragraph */}
      <span ref={group} className="reading" role="group" aria-label={t('learn.wordsLabel')} onKeyDown={onKeyDown}>
        {parts}
      </span>
      {card && (
        <WordCardDialog
          token={card}
          script={script}
          onClose={() => {
            setCard(null);
            opener.current?.focus();
          }}
        />
      )}
    </>
  );
}
