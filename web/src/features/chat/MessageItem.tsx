import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../components/Avatar.js';
import { errorText } from '../../components/ErrorNotice.js';
import { RichText } from '../../components/RichText.js';
import { ReportButton } from '../moderation/ReportDialog.js';
import { Sensitive } from '../moderation/Sensitive.js';
import type { Token } from '../../../../contract/translation.js';
import { type ChatMessage, type Correction, type MessageTranslation, proposeCorrection, readMessage, savePhrase, translateMessage } from './chat.api.js';
import { CorrectionDiff } from './CorrectionDiff.js';

const ReadingText = lazy(() => import('../learn/ReadingText.js'));
const HAN = /\p{Script=Han}/u;

interface Props {
  message: ChatMessage;
  mine: boolean;
  corrections: Correction[];
  onCorrected: (c: Correction) => void;
  /** Host tools in a room (pin, silence, remove), when the viewer hosts it. */
  hostTools?: { pin: () => void; silence: () => void; remove: () => void } | null;
}

/** One message with its learning tools: translate, pinyin, propose a correction, save as a phrase. */
export function MessageItem({ message, mine, corrections, onCorrected, hostTools }: Props) {
  const { t } = useTranslation();
  const [translation, setTranslation] = useState<MessageTranslation | null>(null);
  const [tokens, setTokens] = useState<Token[] | null>(null);
  const [correcting, setCorrecting] = useState(false);
  const [draft, setDraft] = useState(message.body);
  const [note, setNote] = useState('');
  const [status, setStatus] = useState('');
  const hasText = message.body.trim() !== '';

  const run = async (fn: () => Promise<void>) => {
    setStatus('');
    try {
      await fn();
    } catch (e) {
      setStatus(errorText(e, t));
    }
  };

  return (
    <li className={`chat-message ${mine ? 'mine' : ''}`} data-seq={message.seq}>
      {!mine && <Avatar user={message.sender} size={32} />}
      <div className="chat-bubble-wrap">
        {!mine && <span className="chat-sender">{message.sender.displayName || message.sender.handle}</span>}
        {/* Held or removed by moderation: others get an empty placeholder; the sender still has the content. */}
        {message.moderation && !mine ? (
          <p className="chat-bubble chat-moderated" role="note">
            {t(message.moderation === 'removed' ? 'chat.messageRemoved' : 'chat.messageHeld')}
          </p>
        ) : (
          <Sensitive sensitive={message.sensitive}>
            <div className="chat-bubble">
              {message.moderation && <small className="chat-notice">{t('chat.yourMessageModerated')}</small>}
              {message.image && <img className="chat-image" src={message.image.variants.at(-1)?.url} alt={message.image.alt} />}
              {message.sticker && <img className="chat-sticker" src={message.sticker.url} alt={message.sticker.code} width={96} height={96} />}
              {hasText &&
                (tokens ? (
                  <Suspense fallback={<RichText text={message.body} facets={message.facets} />}>
                    <ReadingText text={message.body} tokens={tokens} facets={message.facets} script={null} />
                  </Suspense>
                ) : (
                  <p className="chat-text">
                    <RichText text={message.body} facets={message.facets} />
                  </p>
                ))}
              {translation && (
                <p className="chat-translation" lang={translation.targetLang}>
                  {translation.text}
                  {translation.notice && <small className="chat-notice">{translation.notice}</small>}
                </p>
              )}
            </div>
          </Sensitive>
        )}
        {corrections.map((c) => (
          <CorrectionDiff key={c.id} correction={c} />
        ))}
        {hasText && (
          <div className="chat-tools">
            <button
              type="button"
              className="link-btn"
              aria-pressed={translation !== null}
              onClick={() => run(async () => setTranslation(translation ? null : await translateMessage(message.id)))}
            >
              {translation ? t('chat.hideTranslation') : t('chat.translate')}
            </button>
            {HAN.test(message.body) && (
              <button
                type="button"
                className="link-btn"
                aria-pressed={tokens !== null}
                onClick={() => run(async () => setTokens(tokens ? null : (await readMessage(message.id)).tokens))}
              >
                {t('chat.pinyin')}
              </button>
            )}
            {!mine && message.kind === 'text' && (
              <button type="button" className="link-btn" aria-expanded={correcting} onClick={() => setCorrecting(!correcting)}>
                {t('chat.correct')}
              </button>
            )}
            <button type="button" className="link-btn" onClick={() => run(async () => {
              await savePhrase(message.id);
              setStatus(t('chat.phraseSaved'));
            })}>
              {t('chat.savePhrase')}
            </button>
            {!mine && <ReportButton kind="message" id={message.id} className="link-btn" />}
            {hostTools && (
              <>
                <button type="button" className="link-btn" onClick={hostTools.pin}>
                  {t('corner.pin')}
                </button>
                {!mine && (
                  <>
                    <button type="button" className="link-btn" onClick={hostTools.silence}>
                      {t('corner.silence')}
                    </button>
                    <button type="button" className="link-btn" onClick={hostTools.remove}>
                      {t('corner.remove')}
                    </button>
                  </>
                )}
              </>
            )}
          </div>
        )}
        {/* A photo or sticker alone has no text tools, but can still be reported. */}
        {!hasText && !mine && !message.moderation && (
          <div className="chat-tools">
            <ReportButton kind="message" id={message.id} className="link-btn" />
          </div>
        )}
        {correcting && (
          <form
            className="chat-correct-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run(async () => {
                onCorrected(await proposeCorrection(message.id, draft, note));
                setCorrecting(false);
              });
            }}
          >
            <label>
              {t('chat.correctionLabel')}
              <textarea value={draft} onChange={(e) => setDraft(e.target.value)} rows={2} />
            </label>
            <label>
              {t('chat.correctionNote')}
              <input value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="submit" className="btn btn-primary btn-small">
              {t('chat.sendCorrection')}
            </button>
          </form>
        )}
        {status && (
          <p className="chat-status" role="status">
            {status}
          </p>
        )}
      </div>
    </li>
  );
}
