import { buffer } from 'node:stream/consumers';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Facet } from '../../../contract/facets.js';
import type { AppContext } from '../../context.js';
import type { MediaVariant, SubjectKind } from '../../db/schema/index.js';
import { ActionsService } from './actions.service.js';
import { ImageCheck } from './checks/image.js';
import { spamFindings } from './checks/spam.js';
import { EnglishTextCheck } from './checks/text-en.js';
import { ChineseTextCheck } from './checks/text-zh.js';
import type { Finding } from './checks/types.js';
import * as repo from './moderation.repo.js';
import { subscribeNotices } from './notices.subscribers.js';

export const CHECK_JOB = 'moderation.check';
const CHECK_BATCH = 20;
interface CheckPayload {
  kind: SubjectKind;
  id: string;
}

/** Confidence → outcome by the operator's thresholds (percent). */
export function outcomeOf(confidence: number, t: AppContext['config']['moderation']['thresholds']) {
  const pct = confidence * 100;
  if (pct >= t.reject) return 'remove' as const;
  if (pct >= t.hold) return 'hold' as const;
  if (pct >= t.label) return 'label' as const;
  return 'allow' as const;
}

/**
 * Automated checks run as durable jobs after commit, never inside the request: text (obscenity for
 * English, mint-filter for Chinese), spam (SimHash duplicates, link floods, mass mentions, new-account
 * limits) and images (nsfwjs). The strongest finding decides by threshold: allow, label, hold or
 * reject — recorded in the log like any decision, with rule, evidence and confidence.
 */
export class Checks {
  private readonly en = new EnglishTextCheck();
  private readonly zh: ChineseTextCheck;
  private readonly image = new ImageCheck();

  constructor(
    private readonly ctx: AppContext,
    private readonly actions: ActionsService,
  ) {
    this.zh = new ChineseTextCheck(ctx.config.moderation.wordsFile);
  }

  /** Runs every check on one subject and acts on the outcome; returns the findings (for tests and logs). */
  async check(kind: SubjectKind, id: string): Promise<Finding[]> {
    const db = this.ctx.database.db;
    const subject = await repo.loadSubject(db, kind, id);
    if (!subject) return [];
    const now = this.ctx.clock.now();
    const findings = [...this.en.run(subject.fields), ...this.zh.run(subject.fields)];
    if (kind === 'note' || kind === 'comment') {
      const table = kind === 'note' ? 'notes' : 'comments';
      const row = await db.selectFrom(table).select(['facets', 'created_at']).where('id', '=', id).executeTakeFirst();
      const facets = row ? (JSON.parse(row.facets) as Facet[]) : [];
      findings.push(
        ...(await spamFindings(db, this.ctx.config.moderation, {
          kind,
          id,
          userId: subject.userId,
          text: Object.values(subject.fields).join('\n'),
          facets,
          now,
        })),
      );
    }
    if (kind === 'note' && this.ctx.config.moderation.imageCheck === 'nsfwjs') findings.push(...(await this.images(id)));
    // Findings of the same rule from different checks (an English and a Chinese insult) are one case.
    const byRule = new Map<string, Finding>();
    const rules = await this.ctx.rules.current();
    for (const f of findings.filter((x) => rules.get(x.ruleId))) {
      const seen = byRule.get(f.ruleId);
      byRule.set(
        f.ruleId,
        seen
          ? { check: `${seen.check}+${f.check}`, ruleId: f.ruleId, confidence: Math.max(seen.confidence, f.confidence), evidence: [...seen.evidence, ...f.evidence] }
          : f,
      );
    }
    if (byRule.size === 0) return findings;
    const top = [...byRule.values()].reduce((a, b) => (b.confidence > a.confidence ? b : a));
    top.evidence.sort((a, b) => (a.type === 'text' && b.type === 'text' ? a.field.localeCompare(b.field) || a.start - b.start : 0));
    const outcome = outcomeOf(top.confidence, this.ctx.config.moderation.thresholds);
    if (outcome === 'allow') return findings;
    const lang = subject.lang ?? (await this.ctx.translator.detector.detect(Object.values(subject.fields).join('\n'))).lang;
    const severity = rules.get(top.ruleId)!.severity;
    if (kind === 'account') {
      // Profiles are never changed automatically: a finding puts the account in front of a person.
      await repo.openReview(db, { ...subject, lang }, severity, 0, now);
      return findings;
    }
    // A human decision stands until a human changes it; automation only acts on untouched content.
    if (subject.state !== 'normal') return findings;
    await repo.openReview(db, { ...subject, lang }, severity, 0, now);
    await this.actions.decide({
      subjectKind: kind,
      subjectId: id,
      action: outcome,
      ruleId: top.ruleId,
      note: `automated: ${top.check}`,
      evidence: top.evidence,
      confidence: Math.round(top.confidence * 1000) / 1000,
      actorId: null,
    });
    return findings;
  }

  private async images(noteId: string): Promise<Finding[]> {
    const db = this.ctx.database.db;
    const media = await db
      .selectFrom('note_media')
      .innerJoin('media', 'media.id', 'note_media.media_id')
      .select(['media.id', 'media.variants'])
      .where('note_media.note_id', '=', noteId)
      .orderBy('note_media.position')
      .execute();
    const out: Finding[] = [];
    for (const m of media) {
      // The smallest stored variant is plenty for a 224×224 classifier.
      const variants = JSON.parse(m.variants) as MediaVariant[];
      const smallest = variants[variants.length - 1];
      if (!smallest) continue;
      const blob = await this.ctx.blobs.get(smallest.key);
      if (!blob) continue;
      out.push(...(await this.image.run(m.id, await buffer(blob.body))));
    }
    return out;
  }
}

/** Enqueues a check after each commit that creates or changes checkable content (web nodes). */
export function enqueueChecksOnEvents(ctx: AppContext): void {
  if (!ctx.config.moderation.automated) return;
  // database.write: on SQLite the job shares a COMMIT with the writes around it (ADR 0012).
  const enqueue = (kind: SubjectKind, id: string) =>
    ctx.database.write((db) => ctx.queue.enqueue(db, CHECK_JOB, { kind, id } satisfies CheckPayload, { key: `mod:${kind}:${id}` }));
  ctx.events.on('note.created', (e) => enqueue('note', e.noteId));
  ctx.events.on('note.updated', (e) => enqueue('note', e.noteId));
  ctx.events.on('comment.created', (e) => enqueue('comment', e.commentId));
  ctx.events.on('user.updated', (e) => enqueue('account', e.userId));
}

/**
 * The check job's processor, for whichever process runs the queue (the server, or `kuaan worker`).
 * Decisions made there announce themselves on that process's events, so it delivers the notices too.
 */
export function registerModerationJobs(ctx: AppContext, checks?: Checks): void {
  if (!checks) {
    checks = new Checks(ctx, new ActionsService(ctx));
  }
  const run = checks;
  // Claimed up to CHECK_BATCH at a time: during a posting surge one claim and one completion per
  // job were most of a check's database work. Checked one by one with a yield between, so a batch
  // never holds the event loop for long; a failing batch is retried job by job (job-queue.ts).
  ctx.queue.registerBatch<CheckPayload>(
    CHECK_JOB,
    async (payloads) => {
      for (const p of payloads) {
        await run.check(p.kind, p.id);
        await yieldToEventLoop();
      }
    },
    { batchSize: CHECK_BATCH },
  );
  subscribeNotices(ctx);
}
