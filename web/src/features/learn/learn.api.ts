import type { ChineseScriptTag, Segmentation, Token, WordCard } from './learn.types.js';
import { get, post } from '../../api/http.js';

const enc = encodeURIComponent;

export const fetchNoteReading = (noteId: string) =>
  get<{ noteId: string; title: Token[]; body: Token[] }>(`/api/notes/${enc(noteId)}/reading`);
export const segmentText = (text: string) => post<Segmentation>('/api/learn/segment', { text });
export const fetchWord = (word: string) => get<WordCard>(`/api/learn/word/${enc(word)}`);
export const convertScript = (text: string, to: ChineseScriptTag) => post<{ text: string; to: ChineseScriptTag }>('/api/learn/convert', { text, to });
