/**
 * The demo community: a few people on each side of the language border, with notes, follows and
 * conversations between them. Written for this project; names and texts are invented.
 */
export interface DemoPerson {
  handle: string;
  displayName: string;
  bio: string;
  uiLocale: 'en' | 'zh-Hans' | 'zh-Hant';
  region: string;
  languages: Array<{ lang: string; kind: 'native' | 'learning'; level?: number }>;
  /** Two colours for this person's generated pictures. */
  palette: [string, string];
}

export interface DemoNote {
  author: string;
  title: string;
  body: string;
  /** Number of generated pictures; 0 makes a text note. */
  images: number;
  alts?: string[];
  comments?: Array<{ author: string; body: string; replies?: Array<{ author: string; body: string }> }>;
  likedBy?: string[];
  collectedBy?: string[];
}

export const DEMO_PASSWORD = 'kuaan-demo-password';

export const DEMO_PEOPLE: DemoPerson[] = [
  {
    handle: 'mei_chengdu',
    displayName: '小美在成都',
    bio: '成都人，爱做饭 🌶️ 正在学英语，欢迎来聊天！',
    uiLocale: 'zh-Hans',
    region: 'CN',
    languages: [
      { lang: 'zh-Hans', kind: 'native' },
      { lang: 'en', kind: 'learning', level: 2 },
    ],
    palette: ['#ff6b4a', '#ffd166'],
  },
  {
    handle: 'jake_in_ohio',
    displayName: 'Jake',
    bio: 'Came over from TikTok in January. Learning Chinese one meme at a time. 学中文中!',
    uiLocale: 'en',
    region: 'US',
    languages: [
      { lang: 'en', kind: 'native' },
      { lang: 'zh-Hans', kind: 'learning', level: 1 },
    ],
    palette: ['#3a86ff', '#8ecae6'],
  },
  {
    handle: 'ahua.taipei',
    displayName: '阿華',
    bio: '台北夜市導遊 🧋 想練習英文',
    uiLocale: 'zh-Hant',
    region: 'TW',
    languages: [
      { lang: 'zh-Hant', kind: 'native' },
      { lang: 'en', kind: 'learning', level: 3 },
    ],
    palette: ['#8338ec', '#ffbe0b'],
  },
  {
    handle: 'sarah_bakes',
    displayName: 'Sarah Bakes',
    bio: 'Sourdough, cats and slowly learning 中文 🍞',
    uiLocale: 'en',
    region: 'GB',
    languages: [
      { lang: 'en', kind: 'native' },
      { lang: 'zh-Hans', kind: 'learning', level: 2 },
    ],
    palette: ['#e9c46a', '#f4a261'],
  },
  {
    handle: 'laowang_erhu',
    displayName: '老王拉二胡',
    bio: '退休音乐老师，每天拉一曲。Teaching erhu to anyone who asks.',
    uiLocale: 'zh-Hans',
    region: 'CN',
    languages: [
      { lang: 'zh-Hans', kind: 'native' },
      { lang: 'en', kind: 'learning', level: 1 },
    ],
    palette: ['#2a9d8f', '#264653'],
  },
  {
    handle: 'lina.hikes',
    displayName: 'Lina 琳娜',
    bio: 'Bilingual hiker. 中英双语 · trails in Yunnan and the Rockies',
    uiLocale: 'en',
    region: 'CA',
    languages: [
      { lang: 'en', kind: 'native' },
      { lang: 'zh-Hans', kind: 'native' },
    ],
    palette: ['#52b788', '#1b4332'],
  },
];

export const DEMO_FOLLOWS: Array<[string, string]> = [
  ['jake_in_ohio', 'mei_chengdu'],
  ['mei_chengdu', 'jake_in_ohio'],
  ['sarah_bakes', 'ahua.taipei'],
  ['ahua.taipei', 'sarah_bakes'],
  ['jake_in_ohio', 'laowang_erhu'],
  ['lina.hikes', 'mei_chengdu'],
  ['lina.hikes', 'jake_in_ohio'],
  ['mei_chengdu', 'lina.hikes'],
  ['laowang_erhu', 'lina.hikes'],
];

export const DEMO_NOTES: DemoNote[] = [
  {
    author: 'mei_chengdu',
    title: '在家做正宗成都火锅🔥',
    body: '周末在家做了一锅牛油火锅！#火锅 #hotpot #成都\n锅底要用郫县豆瓣和干辣椒慢慢炒。外国朋友问怎么做，下面评论区教你～',
    images: 3,
    alts: ['一锅红油火锅', '毛肚和鸭肠', '朋友们围着桌子吃火锅'],
    comments: [
      {
        author: 'jake_in_ohio',
        body: 'This looks amazing! How spicy is it? 我不能吃太辣 [laugh]',
        replies: [{ author: 'mei_chengdu', body: 'Haha 可以做鸳鸯锅 — half spicy, half not! @jake_in_ohio' }],
      },
      { author: 'sarah_bakes', body: 'Saving this for the weekend. 谢谢!' },
    ],
    likedBy: ['jake_in_ohio', 'sarah_bakes', 'lina.hikes', 'ahua.taipei'],
    collectedBy: ['jake_in_ohio', 'sarah_bakes'],
  },
  {
    author: 'jake_in_ohio',
    title: 'TikTok refugee here 👋 hi!',
    body: "Just arrived from TikTok. Everyone here has been so kind. Trying to learn 你好 and 谢谢 properly. Teach me one word a day? #TikTokRefugee #EnglishCorner #中文角",
    images: 1,
    alts: ['A selfie-style picture with a big hello'],
    comments: [
      { author: 'mei_chengdu', body: '欢迎欢迎！Word of the day: 加油 (jiāyóu) = you can do it! 💪' },
      { author: 'laowang_erhu', body: 'Welcome! 欢迎来到中文角 [heart]' },
    ],
    likedBy: ['mei_chengdu', 'laowang_erhu', 'ahua.taipei', 'lina.hikes'],
  },
  {
    author: 'ahua.taipei',
    title: '饒河夜市必吃清單',
    body: '帶外國朋友逛夜市的路線 🧋 胡椒餅 → 藥燉排骨 → 珍珠奶茶。English below!\nMust-eat at Raohe night market: pepper buns, herbal pork ribs, bubble tea. #台北 #夜市 #nightmarket',
    images: 2,
    alts: ['夜市的燈籠', '一杯珍珠奶茶'],
    comments: [{ author: 'sarah_bakes', body: 'Pepper buns are on my list now! What time does it open?' }],
    likedBy: ['sarah_bakes', 'jake_in_ohio'],
    collectedBy: ['sarah_bakes'],
  },
  {
    author: 'sarah_bakes',
    title: 'Sourdough, attempt #12 🍞',
    body: 'Finally an open crumb! Recipe in the comments. 我的中文不好，但是我会做面包 [laugh] #baking #sourdough #烘焙',
    images: 2,
    alts: ['A loaf of sourdough with a dark crust', 'The crumb of a sliced loaf'],
    likedBy: ['ahua.taipei', 'mei_chengdu'],
  },
  {
    author: 'laowang_erhu',
    title: '今天拉《赛马》',
    body: '每天练琴一小时。Anyone want to learn erhu? I can teach in simple English. #二胡 #erhu #music',
    images: 1,
    alts: ['一把二胡靠在窗边'],
    comments: [{ author: 'jake_in_ohio', body: 'I would love to learn! Is it hard for beginners?' }],
    likedBy: ['jake_in_ohio', 'lina.hikes'],
  },
  {
    author: 'lina.hikes',
    title: 'Tiger Leaping Gorge 虎跳峡',
    body: 'Two days on the high trail. 风景太美了！Tips for first-timers: start early, bring cash, stay at the Halfway guesthouse. #hiking #徒步 #云南',
    images: 3,
    alts: ['Mountains above a deep gorge', 'A narrow trail on a cliff', 'Sunrise over snowy peaks'],
    likedBy: ['mei_chengdu', 'jake_in_ohio', 'laowang_erhu'],
    collectedBy: ['mei_chengdu'],
  },
  {
    author: 'mei_chengdu',
    title: '英语角第一天',
    body: '今天第一次用英语和美国朋友视频聊天，好紧张但是好开心！I said "I am very exciting" 😂 朋友纠正我说 "excited" #EnglishCorner #学英语',
    images: 0,
    comments: [{ author: 'jake_in_ohio', body: 'Your English is great! My Chinese is way worse 哈哈' }],
    likedBy: ['jake_in_ohio', 'lina.hikes'],
  },
  {
    author: 'jake_in_ohio',
    title: 'Chinese tones are hard',
    body: 'Asked for 水饺 (dumplings) and said 睡觉 (sleep). The waiter laughed, I laughed. Learning is fun. #中文角 #learningchinese',
    images: 0,
    likedBy: ['mei_chengdu', 'ahua.taipei', 'laowang_erhu', 'sarah_bakes'],
  },
];
