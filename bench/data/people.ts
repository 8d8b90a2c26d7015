/**
 * People and the follow graph: languages, latent interests, and a power-law (Zipf) popularity so a few
 * accounts gather most followers, as on every real social app.
 */
import { NAMES_EN, NAMES_ZH, NAMES_ZH_PINYIN, TOPICS } from './phrases.js';
import { permutation, type Rng, Zipf } from './random.js';

export type Native = 'en' | 'zh-Hans' | 'zh-Hant';

export interface People {
  n: number;
  native: Native[];
  /** Latent interests: indices into TOPICS, 1–4 per person, most-preferred first. */
  interests: Uint8Array[];
  /** popularityRank[u] = rank (0 = most followed). */
  byPopularity: Uint32Array;
  /** Accounts ranked by how much they post and like. */
  byActivity: Uint32Array;
  /** Everyone interested in a topic, most popular first (for topical follows and likes). */
  topicMembers: Uint32Array[];
}

export function drawPeople(n: number, rng: Rng): People {
  const native: Native[] = new Array(n);
  const interests: Uint8Array[] = new Array(n);
  const topicZipf = new Zipf(TOPICS.length, 0.6);
  const topicOrder = permutation(TOPICS.length, rng.fork('topic-order'));
  for (let u = 0; u < n; u++) {
    const r = rng.next();
    native[u] = r < 0.45 ? 'en' : r < 0.88 ? 'zh-Hans' : 'zh-Hant';
    const k = rng.range(1, 4);
    const set = new Set<number>();
    while (set.size < k) set.add(topicOrder[topicZipf.sample(rng)]!);
    interests[u] = Uint8Array.from(set);
  }
  const byPopularity = permutation(n, rng.fork('popularity'));
  const byActivity = permutation(n, rng.fork('activity'));
  const members: number[][] = TOPICS.map(() => []);
  for (const u of byPopularity) for (const t of interests[u]!) members[t]!.push(u);
  return { n, native, interests, byPopularity, byActivity, topicMembers: members.map((m) => Uint32Array.from(m)) };
}

/** A unique, valid handle (3–24 of [A-Za-z0-9_.]) and a display name in the person's language. */
export function identity(u: number, native: Native, rng: Rng): { handle: string; displayName: string } {
  const i = rng.int(NAMES_EN.length);
  const suffix = u.toString(36);
  if (native === 'en') {
    const name = NAMES_EN[i]!;
    return { handle: `${name.toLowerCase()}_${suffix}`, displayName: `${name} ${String.fromCharCode(65 + (u % 26))}.` };
  }
  return { handle: `${NAMES_ZH_PINYIN[i]!}.${suffix}`, displayName: NAMES_ZH[i]! };
}

export interface FollowGraph {
  /** Followees of u are targets[offsets[u] .. offsets[u + 1]), sorted ascending. */
  offsets: Uint32Array;
  targets: Uint32Array;
  followers: Uint32Array;
}

/**
 * Out-degree is log-normal; each followee is either a globally popular account (Zipf over popularity)
 * or a popular account within one of the follower's interests. Followees are sorted so the
 * (follower_id, followee_id) primary key is written in order.
 */
export function drawFollows(people: People, meanFollows: number, rng: Rng): FollowGraph {
  const { n } = people;
  const global = new Zipf(n, 0.8);
  const topicZipf = people.topicMembers.map((m) => new Zipf(Math.max(1, m.length), 0.8));
  const degrees = new Uint32Array(n);
  let total = 0;
  for (let u = 0; u < n; u++) {
    degrees[u] = rng.lognormalCount(meanFollows, 1.0, Math.min(n - 1, 2000));
    total += degrees[u]!;
  }
  const offsets = new Uint32Array(n + 1);
  const targets = new Uint32Array(total);
  const followers = new Uint32Array(n);
  let at = 0;
  const picked = new Set<number>();
  for (let u = 0; u < n; u++) {
    offsets[u] = at;
    picked.clear();
    const want = degrees[u]!;
    const mine = people.interests[u]!;
    for (let tries = 0; picked.size < want && tries < want * 4; tries++) {
      let v: number;
      if (rng.chance(0.5)) {
        v = people.byPopularity[global.sample(rng)]!;
      } else {
        const t = mine[rng.int(mine.length)]!;
        const members = people.topicMembers[t]!;
        if (members.length === 0) continue;
        v = members[topicZipf[t]!.sample(rng)]!;
      }
      if (v !== u) picked.add(v);
    }
    const sorted = [...picked].sort((a, b) => a - b);
    for (const v of sorted) {
      targets[at++] = v;
      followers[v]!++;
    }
  }
  offsets[n] = at;
  return { offsets, targets: targets.subarray(0, at), followers };
}

/** Picks likers/collectors/commenters: half from the note's topic, half from the most active people. */
export class AudiencePicker {
  private readonly active: Zipf;
  constructor(private readonly people: People) {
    this.active = new Zipf(people.n, 0.5);
  }

  pick(topic: number, rng: Rng): number {
    const members = this.people.topicMembers[topic]!;
    if (members.length > 0 && rng.chance(0.5)) return members[rng.int(members.length)]!;
    return this.people.byActivity[this.active.sample(rng)]!;
  }

  /** `count` distinct people, sorted ascending (so composite primary keys are written in order). */
  distinct(count: number, topic: number, rng: Rng, out: Set<number>): number[] {
    out.clear();
    const want = Math.min(count, this.people.n);
    for (let tries = 0; out.size < want && tries < want * 6; tries++) out.add(this.pick(topic, rng));
    // Popular notes can exhaust the weighted pickers; fill uniformly so counters stay what was drawn.
    while (out.size < want) out.add(rng.int(this.people.n));
    return [...out].sort((a, b) => a - b);
  }
}
