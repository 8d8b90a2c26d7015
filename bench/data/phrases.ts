/**
 * Small built-in phrase banks for the synthetic community: enough variety in English, Simplified and
 * Traditional Chinese (and mixtures, as learners write) that text sizes, tokenization and hashtag
 * facets look like a real feed. Nothing here is meant to read as real people's posts.
 */

export interface Topic {
  /** Stable key, also written to the latent-interest side file. */
  key: string;
  /** Hashtags people use for it, English and Chinese side by side. */
  tags: readonly string[];
  en: readonly string[];
  zh: readonly string[];
  titlesEn: readonly string[];
  titlesZh: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    key: 'food',
    tags: ['food', '美食', 'foodie', '探店', 'streetfood', '小吃', '火锅'],
    en: ['Found a tiny noodle shop near the station.', 'The broth was rich and the portions were huge.', 'Queue was 40 minutes but worth it.', 'Try the spicy version if you dare.'],
    zh: ['今天终于吃到了这家店。', '汤底很浓，分量也很足。', '排队四十分钟，但是值得。', '推荐点微辣，不然会哭。'],
    titlesEn: ['Best noodles this week', 'Hidden gem for dumplings', 'Hotpot night!'],
    titlesZh: ['宝藏小店分享', '这家火锅绝了', '打卡网红早餐'],
  },
  {
    key: 'travel',
    tags: ['travel', '旅行', 'citywalk', '周末去哪儿', 'roadtrip', '攻略'],
    en: ['Three days in the old town, here is my route.', 'Go early, the light is best before nine.', 'Trains are cheap and on time.', 'Bring cash for the small shops.'],
    zh: ['三天两夜的路线整理好了。', '早上九点前光线最好。', '高铁又快又准时。', '小店最好带点现金。'],
    titlesEn: ['3-day city walk route', 'Weekend by the lake', 'Budget trip notes'],
    titlesZh: ['周末去哪儿', '三天两夜攻略', '小众景点合集'],
  },
  {
    key: 'fashion',
    tags: ['ootd', '穿搭', 'fashion', '通勤穿搭', 'vintage'],
    en: ['Simple outfit for a rainy commute.', 'This coat goes with everything.', 'Thrifted the whole look for under $40.'],
    zh: ['下雨天的通勤穿搭。', '这件大衣百搭。', '全身古着不到三百块。'],
    titlesEn: ['OOTD: rainy Monday', 'Thrift haul', 'Capsule wardrobe'],
    titlesZh: ['今日穿搭', '古着分享', '胶囊衣橱'],
  },
  {
    key: 'beauty',
    tags: ['skincare', '护肤', 'makeup', '彩妆', '平价好物'],
    en: ['My routine for dry winter skin.', 'Patch test first, always.', 'This sunscreen does not leave a white cast.'],
    zh: ['冬天干皮的护肤流程。', '一定要先做皮试。', '这款防晒不假白。'],
    titlesEn: ['Winter skincare routine', 'Affordable sunscreen', 'Everyday makeup'],
    titlesZh: ['干皮护肤流程', '平价防晒推荐', '日常妆容'],
  },
  {
    key: 'fitness',
    tags: ['fitness', '健身', 'running', '跑步', '瑜伽', 'yoga'],
    en: ['Week four of my running plan.', 'Slow runs are doing the real work.', 'Stretch after, not before.'],
    zh: ['跑步计划第四周。', '慢跑才是真正有用的。', '拉伸放在运动之后。'],
    titlesEn: ['Couch to 5k: week 4', 'Morning yoga flow', 'Home workout'],
    titlesZh: ['跑步打卡第四周', '晨间瑜伽', '居家健身'],
  },
  {
    key: 'pets',
    tags: ['cats', '猫咪', 'dogs', '狗狗', '萌宠'],
    en: ['She finally trusts the new sofa.', 'Adopted, not shopped.', 'He steals socks and feels no shame.'],
    zh: ['她终于愿意睡新沙发了。', '领养代替购买。', '它偷袜子还理直气壮。'],
    titlesEn: ['Cat of the day', 'Adoption update', 'Sock thief'],
    titlesZh: ['今日份猫咪', '领养日记', '狗狗的日常'],
  },
  {
    key: 'language',
    tags: ['englishcorner', '中文角', 'learnchinese', '学英语', 'languageexchange', 'HSK'],
    en: ['Today I learned the difference between 了 and 过.', 'Looking for a partner to practice speaking.', 'Tones are hard but I am getting there.'],
    zh: ['今天学会了 look forward to 的用法。', '想找语伴练口语。', '英语连读太难了。'],
    titlesEn: ['Learning Chinese day 100', 'Language partner wanted', 'Tone practice'],
    titlesZh: ['学英语第一百天', '找语伴', '口语练习打卡'],
  },
  {
    key: 'study',
    tags: ['study', '学习', 'studywithme', '考研', 'notes'],
    en: ['Four pomodoros before lunch.', 'My note-taking system for exams.', 'Library opens at seven.'],
    zh: ['午饭前完成四个番茄钟。', '考试笔记方法分享。', '图书馆七点开门。'],
    titlesEn: ['Study with me', 'Exam notes system', 'Library vlog'],
    titlesZh: ['一起学习', '考研笔记', '图书馆日常'],
  },
  {
    key: 'music',
    tags: ['music', '音乐', 'guitar', '吉他', 'playlist'],
    en: ['Learning this song on guitar.', 'My rainy day playlist.', 'Saw them live last night.'],
    zh: ['最近在用吉他练这首歌。', '下雨天的歌单。', '昨晚看了现场。'],
    titlesEn: ['Rainy day playlist', 'Guitar progress', 'Live show recap'],
    titlesZh: ['雨天歌单', '吉他练习', '演唱会返图'],
  },
  {
    key: 'film',
    tags: ['movies', '电影', 'drama', '追剧', 'anime'],
    en: ['No spoilers, but the ending got me.', 'Watched it twice this weekend.', 'The soundtrack alone is worth it.'],
    zh: ['不剧透，但结局太好哭了。', '这周末看了两遍。', '光是配乐就值得。'],
    titlesEn: ['Weekend movie pick', 'Drama recommendation', 'Anime of the season'],
    titlesZh: ['周末电影推荐', '追剧分享', '本季新番'],
  },
  {
    key: 'tech',
    tags: ['tech', '数码', 'coding', '编程', 'desksetup'],
    en: ['Finally cleaned up my desk setup.', 'Wrote my first web app this week.', 'Battery life is better than expected.'],
    zh: ['终于整理好了桌面。', '这周写了第一个网页应用。', '续航比预期好。'],
    titlesEn: ['Desk setup 2025', 'First web app', 'Gadget review'],
    titlesZh: ['桌面改造', '编程入门', '数码测评'],
  },
  {
    key: 'home',
    tags: ['home', '家居', 'roomtour', '租房改造', 'plants'],
    en: ['Small room, big plants.', 'Renter-friendly changes only.', 'Moved the bed and everything changed.'],
    zh: ['小房间也能养大植物。', '租房党友好的改造。', '换了床的位置，整个房间都变了。'],
    titlesEn: ['Room tour', 'Renter makeover', 'Plant corner'],
    titlesZh: ['出租屋改造', '房间布置', '植物角落'],
  },
  {
    key: 'books',
    tags: ['books', '读书', 'bookclub', '书单'],
    en: ['Finished this in one sitting.', 'My favorite passage is on page 88.', 'Book club pick for next month.'],
    zh: ['一口气读完了。', '最喜欢第八十八页那段。', '下个月读书会的书。'],
    titlesEn: ['Book of the month', 'Reading list', 'One-sitting read'],
    titlesZh: ['本月书单', '读书笔记', '好书推荐'],
  },
  {
    key: 'outdoors',
    tags: ['hiking', '徒步', 'camping', '露营', 'nature'],
    en: ['Six hours up, worth every step.', 'Pack more water than you think.', 'Sunrise from the tent.'],
    zh: ['爬了六个小时，值得。', '水一定要多带。', '在帐篷里看日出。'],
    titlesEn: ['Sunrise hike', 'First camping trip', 'Trail guide'],
    titlesZh: ['徒步路线', '第一次露营', '山顶日出'],
  },
  {
    key: 'cooking',
    tags: ['cooking', '做饭', 'recipe', '食谱', '家常菜'],
    en: ['Ten-minute tomato and egg.', 'My grandmother’s dumpling recipe.', 'Use less oil than the video says.'],
    zh: ['十分钟番茄炒蛋。', '外婆的饺子做法。', '油可以比视频里少放一点。'],
    titlesEn: ['10-minute dinner', 'Dumpling recipe', 'Meal prep Sunday'],
    titlesZh: ['十分钟晚饭', '饺子教程', '一周备餐'],
  },
  {
    key: 'career',
    tags: ['career', '职场', 'interview', '面试', 'remotework'],
    en: ['What I wish I knew before my first interview.', 'Remote work, one year in.', 'Ask for the raise.'],
    zh: ['第一次面试前希望知道的事。', '远程办公一年的感受。', '该涨薪就要开口。'],
    titlesEn: ['Interview tips', 'Remote work: 1 year', 'Career switch'],
    titlesZh: ['面试经验', '远程办公一年', '转行经历'],
  },
];

/** Learners' mixed sentences: the cross-shore feed is full of these. */
export const MIXED: readonly string[] = [
  '今天的 coffee 特别好喝。',
  'Finally tried 火锅 with friends!',
  '周末 plan: hiking + 吃饭。',
  'My 中文 teacher says my tones are 进步了。',
  '这个 vibe 真的很 chill。',
  'Learning 成语 one day at a time.',
];

export const COMMENTS_EN: readonly string[] = ['So good!', 'Saving this.', 'Where is this?', 'Thanks for sharing!', 'Need to try this.', 'Love it', 'How much was it?'];
export const COMMENTS_ZH: readonly string[] = ['太好看了！', '收藏了', '求地址', '谢谢分享', '马上去试试', '爱了爱了', '多少钱呀？', '绝绝子'];

export const NAMES_EN: readonly string[] = ['Maple', 'River', 'Sky', 'Luna', 'Oliver', 'Mia', 'Leo', 'Ava', 'Noah', 'Ivy', 'Ethan', 'Zoe', 'Finn', 'Ruby', 'Jack', 'Nora'];
export const NAMES_ZH: readonly string[] = ['小鱼', '阿杰', '星星', '柚子', '小雨', '木木', '大橙子', '晴天', '阿玲', '团子', '小鹿', '一一', '糖糖', '阿宝', '青青', '豆豆'];
export const NAMES_ZH_PINYIN: readonly string[] = ['xiaoyu', 'ajie', 'xingxing', 'youzi', 'xiaoyu', 'mumu', 'dachengzi', 'qingtian', 'aling', 'tuanzi', 'xiaolu', 'yiyi', 'tangtang', 'abao', 'qingqing', 'doudou'];

export const BIOS_EN: readonly string[] = ['Coffee, cats and code.', 'Learning Chinese one dumpling at a time.', 'Weekend hiker.', ''];
export const BIOS_ZH: readonly string[] = ['热爱生活的打工人', '在学英语，欢迎交流', '记录日常', ''];

export const BOARD_NAMES: readonly string[] = ['Eat later', '想去的地方', 'Outfits', '学习资料', 'Recipes', '好物', 'Travel', '灵感'];

export const REGIONS_ZH: readonly string[] = ['CN', 'CN', 'CN', 'TW', 'HK', 'SG', 'MY'];
export const REGIONS_EN: readonly string[] = ['US', 'US', 'GB', 'CA', 'AU', 'NZ', 'IE'];
export const OTHER_LANGS: readonly string[] = ['ja', 'ko', 'es', 'fr', 'de'];
