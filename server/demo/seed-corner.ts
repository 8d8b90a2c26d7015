// English Corner / 中文角 in the demo (issue 8): partner profiles open, two rooms with a few lines.
import type { DEMO_PEOPLE } from './demo-content.js';

type Call = (method: string, url: string, session: { cookie: string } | null, body?: unknown) => Promise<{ json(): unknown }>;

const ZONES: Record<string, string> = { CN: 'Asia/Shanghai', TW: 'Asia/Taipei', US: 'America/New_York', GB: 'Europe/London', CA: 'America/Toronto' };
/** Weekday evenings 19–22 h and weekend afternoons, local time: the hours people usually chat. */
const EVENINGS = [0, 1, 2, 3, 4].flatMap((d) => [19, 20, 21].map((h) => d * 24 + h));
const WEEKENDS = [5, 6].flatMap((d) => [14, 15, 16, 17].map((h) => d * 24 + h));

export async function seedCorner(call: Call, people: typeof DEMO_PEOPLE, sessions: Map<string, { cookie: string }>): Promise<void> {
  for (const p of people) {
    await call('PUT', '/api/partners/profile', sessions.get(p.handle)!, {
      open: true,
      timeZone: ZONES[p.region ?? ''] ?? 'UTC',
      availability: [...EVENINGS, ...WEEKENDS],
    });
  }
  const rooms = [
    { host: 'mei_chengdu', title: 'English Corner', topic: 'Practise English together — mistakes welcome!', lines: [['mei_chengdu', 'Hello everyone! What did you eat today?'], ['jake_in_ohio', 'Pancakes! And you?']] },
    { host: 'sarah_bakes', title: '中文角', topic: '一起练习中文，慢慢来。', lines: [['sarah_bakes', '大家好！我在学中文。'], ['laowang_erhu', '欢迎欢迎！你学了多久了？']] },
  ];
  for (const r of rooms) {
    const created = (await call('POST', '/api/corner/rooms', sessions.get(r.host)!, { title: r.title, topic: r.topic })).json() as { id: string };
    for (const [who, text] of r.lines) {
      if (who !== r.host) await call('POST', `/api/corner/rooms/${created.id}/join`, sessions.get(who!)!);
      await call('POST', `/api/chat/conversations/${created.id}/messages`, sessions.get(who!)!, { text });
    }
  }
}
