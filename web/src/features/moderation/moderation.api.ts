// moderation (issue 7): the typed calls the rules, notices, reports, console and safety screens make.
import type {
  Appeal,
  Distribution,
  MyReport,
  Notice,
  PublishRulesBody,
  QueueItem,
  RuleSet,
  SafetySettings,
  SubjectDetail,
  Transparency,
} from '../../../../contract/moderation.js';
import { del, get, patch, post, request } from '../../api/http.js';

export type { Appeal, Distribution, MyReport, Notice, QueueItem, RuleSet, SafetySettings, SubjectDetail, Transparency };
export type SubjectKind = 'note' | 'comment' | 'message' | 'account';
export interface RuleChange {
  version: number;
  publishedAt: string;
  added: string[];
  changed: string[];
  retired: string[];
  note: Record<string, string>;
}

const enc = encodeURIComponent;

export const fetchRules = () => get<RuleSet>('/api/rules');
export const fetchChangelog = () => get<{ items: RuleChange[] }>('/api/rules/changelog');
/** Admins: publish a new version of the rules (409 when someone published since basedOn). */
export const publishRules = (body: PublishRulesBody) => post<{ version: number }>('/api/rules/versions', body);
export const fetchTransparency = () => get<Transparency>('/api/transparency');
export const fileReport = (subjectKind: SubjectKind, subjectId: string, ruleId: string, comment: string) =>
  post<{ id: string }>('/api/moderation/reports', { subjectKind, subjectId, ruleId, ...(comment ? { comment } : {}) });
export const fetchMyReports = () => get<{ items: MyReport[] }>('/api/moderation/reports/mine');
export const fetchNotices = () => get<{ items: Notice[] }>('/api/moderation/notices');
export const fileAppeal = (noticeId: string, statement: string) => post<{ id: string }>(`/api/moderation/notices/${enc(noticeId)}/appeal`, { statement });
export const fetchDistribution = (noteId: string) => get<Distribution>(`/api/moderation/notes/${enc(noteId)}/distribution`);
export const fetchQueue = (lang: string) => get<{ items: QueueItem[] }>(`/api/moderation/queue${lang ? `?lang=${enc(lang)}` : ''}`);
export const fetchSubject = (kind: SubjectKind, id: string) => get<SubjectDetail>(`/api/moderation/subjects/${kind}/${enc(id)}`);
export const decide = (body: { subjectKind: SubjectKind; subjectId: string; action: string; ruleId: string; note: string; days?: number; quotes?: string[] }) =>
  post<{ id: string }>('/api/moderation/actions', body);
export const fetchAppeals = () => get<{ items: Appeal[] }>('/api/moderation/appeals');
export const decideAppeal = (id: string, decision: 'uphold' | 'reverse', note: string) =>
  post<unknown>(`/api/moderation/appeals/${enc(id)}/decide`, { decision, note });
export const fetchSafety = () => get<SafetySettings>('/api/me/safety');
export const saveSafety = (body: { commentPolicy?: string; keywords?: string[] }) => patch<SafetySettings>('/api/me/safety', body);
export const mute = (userId: string) => request<unknown>('PUT', `/api/users/${enc(userId)}/mute`);
export const unmute = (userId: string) => del<unknown>(`/api/users/${enc(userId)}/mute`);
