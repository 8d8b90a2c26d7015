import type { Evidence } from '../../../../contract/moderation.js';

/** What one automated check found: the rule it points at, the evidence and how sure it is (0–1). */
export interface Finding {
  check: string;
  ruleId: string;
  confidence: number;
  evidence: Evidence[];
}

/** Text fields of a subject by name (title, body, comment, bio …). */
export type Fields = Record<string, string>;
