import type { Rule } from '../../../contract/moderation.js';

/** A regional rule for tests: removals under it restrict a note in Germany only. */
export const LOCAL_LAW: Rule = {
  id: 'local-law',
  severity: 2,
  regions: ['DE'],
  title: { en: 'Local law (Germany)', 'zh-Hans': '当地法律（德国）', 'zh-Hant': '當地法律（德國）' },
  body: { en: 'Content unlawful in Germany.', 'zh-Hans': '在德国违法的内容。', 'zh-Hant': '在德國違法的內容。' },
};
