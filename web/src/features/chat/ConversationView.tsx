import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorText, ErrorNotice } from '../../components/ErrorNotice.js';
import { Spinner } from '../../components/Spinner.js';
import { request } from '../../api/http.js';
import { uploadImage } from '../../api/upload.js';
import { StickerPicker } from '../comments/StickerPicker.js';
import {
  acceptConversation,
  type ChatMessage,
  type Correction,
  fetchConversation,
  fetchCorrections,
  fetchMessages,
  leaveConversation,
  markRead,
  muteConversation,
  sendMessage,
} from './chat.api.js';
import type { Live } from './live.js';
import { MessageItem } from './MessageItem.js';

const newClientId = () => `c${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** A conversation (1:1, group or room): live messages, typing, receipts, the composer and learning tools. */
export function ConversationView({ conversationId, live, meId }: { conversationId: string; live: Live; meId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const conversation = useQuery({ queryKey: ['conversation', conversationId], queryFn: () => fetchConversation(conversationId) });
  const member = conversation.data?.viewer.state != null;
  const [messages, setMessages] = useState(new Map<string, ChatMessage>());
  const [hasMore, setHasMore] = useState(false);
  const [corrections, setCorrections] = useState(new Map<string, Correction[]>());
  const [typing, setTyping] = useState<string | null>(null);
  const [reads, setReads] = useState(new Map<string, number>());
  const [draft, setDraft] = useState('');
  const [error, setError] = useState('');
  const [stickers, setStickers] = useState(false);
  const [uploading, setUploading] = useState(false);
  const lastTyping = useRef(0);

  const add = (list: ChatMessage[]) => {
    setMessages((prev) => {
      const next = new Map(prev);
      for (const m of list) if (m.conversationId === conversationId) next.set(m.id, m);
      return next;
    });
    for (const m of list) if (m.conversationId === conversationId) live.saw(conversationId, m.seq);
  };
  const addCorrection = (c: Correction) =>
    setCorrections((prev) => {
      const list = prev.get(c.messageId) ?? [];
      if (list.some((x) => x.id === c.id)) return prev;
      return new Map(prev).set(c.messageId, [...list, c]);
    });

  // The newest page once a member; live frames do the rest.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the conversation or membership changes only
  useEffect(() => {
    setMessages(new Map());
    if (!member) return;
    let cancelled = false;
    void fetchMessages(conversationId).then((page) => {
      if (cancelled) return;
      add(page.items);
      setHasMore(page.hasMore);
      for (const m of page.items) if (m.corrections > 0) void fetchCorrections(m.id).then((r) => r.items.forEach(addCorrection));
    });
    return () => {
      cancelled = true;
    };
  }, [conversationId, member]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: one subscription per conversation
  useEffect(
    () =>
      live.subscribe((frame) => {
        if (frame.type === 'message' || frame.type === 'ack') add([frame.message]);
        else if (frame.type === 'correction' && frame.correction.conversationId === conversationId) addCorrection(frame.correction);
        else if (frame.type === 'typing' && frame.conversationId === conversationId) {
          setTyping(frame.userId);
          setTimeout(() => setTyping(null), 4000);
        } else if (frame.type === 'read' && frame.conversationId === conversationId) setReads((r) => new Map(r).set(frame.userId, frame.seq));
        else if ((frame.type === 'pinned' || frame.type === 'member') && frame.conversationId === conversationId) {
          void client.invalidateQueries({ queryKey: ['conversation', conversationId] });
        }
      }),
    [live, conversationId],
  );

  const sorted = useMemo(() => [...messages.values()].sort((a, b) => a.seq - b.seq), [messages]);
  const newest = sorted.at(-1)?.seq ?? 0;
  // Reading is seeing: the newest message on screen marks the conversation read.
  useEffect(() => {
    if (!member || newest === 0) return;
    if (!live.send({ type: 'read', conversationId, seq: newest })) void markRead(conversationId, newest).catch(() => {});
    void client.invalidateQueries({ queryKey: ['conversations'] });
  }, [member, newest, conversationId, live, client]);

  if (conversation.isPending) return <Spinner />;
  if (conversation.isError) return <ErrorNotice error={conversation.error} />;
  const c = conversation.data;
  const host = c.viewer.role === 'owner' || c.viewer.role === 'host';
  const title = c.kind === 'direct' ? (c.members[0]?.displayName ?? c.members[0]?.handle ?? '') : c.title;
  const otherRead = c.kind === 'direct' && c.members[0] ? (reads.get(c.members[0].id) ?? c.reads[0]?.seq ?? 0) : 0;
  // Rooms list no members: the typist's name comes from what they said before, if anything.
  const typist = typing ? (c.members.find((m) => m.id === typing) ?? sorted.find((m) => m.sender.id === typing)?.sender) : undefined;
  const typingName = typing ? (typist?.displayName || typist?.handle || t('chat.someone')) : null;
  const roomAction = (fn: () => Promise<unknown>) => () => void fn().then(() => client.invalidateQueries({ queryKey: ['conversation', conversationId] })).catch((e) => setError(errorText(e, t)));

  // Over the socket when it is up (the ack and the live frame bring the message back), else over HTTP.
  const deliver = async (content: { text?: string; stickerCode?: string; mediaId?: string }) => {
    setError('');
    const clientId = newClientId();
    if (live.send({ type: 'send', conversationId, ...content, clientId })) return true;
    try {
      add([await sendMessage(conversationId, { ...content, clientId })]);
      return true;
    } catch (e) {
      setError(errorText(e, t));
      return false;
    }
  };
  const send = async () => {
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    if (!(await deliver({ text }))) setDraft(text);
  };
  const sendImage = async (file: File) => {
    setUploading(true);
    try {
      const image = await uploadImage(file, () => {});
      await deliver({ mediaId: image.id });
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setUploading(false);
    }
  };

  return (
    <section className="conversation" aria-labelledby="conversation-title">
      <header className="conversation-head">
        <h2 id="conversation-title">{title}</h2>
        {c.topic && <p className="conversation-topic">{c.topic}</p>}
        {c.kind !== 'direct' && <span className="conversation-count">{t('chat.members', { count: c.memberCount })}</span>}
        {member && (
          <div className="row-actions">
            <button
              type="button"
              className="btn btn-small"
              aria-pressed={c.viewer.muted}
              onClick={roomAction(() => muteConversation(conversationId, !c.viewer.muted))}
            >
              {c.viewer.muted ? t('chat.unmute') : t('chat.mute')}
            </button>
            {c.viewer.role !== 'owner' && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void leaveConversation(conversationId).then(() => navigate(c.kind === 'room' ? '/corner' : '/messages'))}
              >
                {t('chat.leave')}
              </button>
            )}
          </div>
        )}
      </header>
      {c.pinned && (
        <p className="conversation-pinned">
          <strong>{t('corner.pinned')}</strong> {c.pinned.body}
        </p>
      )}
      {c.viewer.state === 'request' && (
        <section className="conversation-request" aria-label={t('chat.requestLabel')}>
          <p>{t('chat.requestExplain')}</p>
          <button type="button" className="btn btn-primary btn-small" onClick={roomAction(() => acceptConversation(conversationId))}>
            {t('chat.accept')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => void leaveConversation(conversationId).then(() => navigate('/messages'))}>
            {t('chat.decline')}
          </button>
        </section>
      )}
      {!member && c.kind === 'room' ? (
        <button type="button" className="btn btn-primary" onClick={roomAction(() => request('POST', `/api/corner/rooms/${conversationId}/join`, {}))}>
          {t('corner.join')}
        </button>
      ) : (
        <>
          {hasMore && (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => void fetchMessages(conversationId, sorted[0]?.seq).then((p) => {
                add(p.items);
                setHasMore(p.hasMore);
              })}
            >
              {t('common.loadMore')}
            </button>
          )}
          <ol className="chat-messages" aria-live="polite" aria-label={t('chat.messagesLabel')}>
            {sorted.map((m) => (
              <MessageItem
                key={m.id}
                message={m}
                mine={m.sender.id === meId}
                corrections={corrections.get(m.id) ?? []}
                onCorrected={addCorrection}
                hostTools={
                  host && c.kind === 'room'
                    ? {
                        pin: roomAction(() => request('PUT', `/api/corner/rooms/${conversationId}/pin`, { messageId: m.id })),
                        silence: roomAction(() => request('PUT', `/api/corner/rooms/${conversationId}/members/${m.sender.id}/silence`, { minutes: 10 })),
                        remove: roomAction(() => request('DELETE', `/api/corner/rooms/${conversationId}/members/${m.sender.id}`)),
                      }
                    : null
                }
              />
            ))}
          </ol>
          {otherRead > 0 && otherRead >= newest && sorted.at(-1)?.sender.id === meId && <p className="chat-seen">{t('chat.seen')}</p>}
          <p className="chat-typing" aria-live="polite">
            {typingName ? t('chat.typing', { name: typingName }) : ''}
          </p>
          <form
            className="chat-composer"
            onSubmit={(e) => {
              e.preventDefault();
              void send();
            }}
          >
            <label className="visually-hidden" htmlFor="chat-input">
              {t('chat.messageLabel')}
            </label>
            <textarea
              id="chat-input"
              rows={1}
              value={draft}
              placeholder={t('chat.placeholder')}
              onChange={(e) => {
                setDraft(e.target.value);
                if (Date.now() - lastTyping.current > 3000) {
                  lastTyping.current = Date.now();
                  live.send({ type: 'typing', conversationId });
                }
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  void send();
                }
              }}
            />
            <button type="button" className="btn btn-small" aria-expanded={stickers} onClick={() => setStickers(!stickers)}>
              {t('chat.stickers')}
            </button>
            <label className="btn btn-small">
              {uploading ? t('chat.uploading') : t('chat.image')}
              <input
                type="file"
                accept="image/jpeg,image/png,image/webp,image/heic"
                className="visually-hidden"
                disabled={uploading}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  e.target.value = '';
                  if (file) void sendImage(file);
                }}
              />
            </label>
            <button type="submit" className="btn btn-primary">
              {t('chat.send')}
            </button>
          </form>
          {stickers && (
            <StickerPicker
              onPick={(code) => {
                setStickers(false);
                void deliver({ stickerCode: code.replace(/^\[|\]$/g, '') });
              }}
            />
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </section>
  );
}
