/**
 * Every product limit, in one place. The server enforces them; the web shows them.
 * Changing a number here changes both.
 */
export const LIMITS = {
  handle: { min: 3, max: 24 },
  displayName: { max: 40 },
  bio: { max: 200 },
  password: { min: 8, max: 128 },
  email: { max: 254 },
  region: { max: 8 },
  languages: { max: 10 },
  languageLevel: { min: 1, max: 5 },
  interests: { max: 20, tagChars: 32 },

  /** Title length in RedNote units: a CJK character or emoji counts 1, an ASCII character ½. */
  noteTitleUnits: 20,
  noteBodyChars: 1000,
  noteImages: { min: 1, max: 18 },
  noteHashtags: 10,
  noteMentions: 20,
  hashtagChars: 32,
  locationLabel: { max: 60 },
  altText: { max: 300 },

  commentChars: 500,
  commentMentions: 10,

  boardName: { max: 12 },
  boardsPerUser: 200,

  upload: {
    maxBytes: 20 * 1024 * 1024,
    maxPixels: 40_000_000,
    /** Display widths produced for every image. */
    widths: [1080, 400] as const,
  },

  // --- video notes (issue 9) ---
  video: {
    /** Longest video accepted, by the duration its container claims. */
    maxDurationSeconds: 15 * 60,
    maxBytes: 1024 * 1024 * 1024,
    /** Longest side of the source, in pixels (8K and odd sizes are refused before decoding). */
    maxDimension: 4096,
    /** Container formats accepted, by ffprobe's format name. */
    extensions: ['mp4', 'mov', 'webm'] as const,
    /** Rendition heights (of the short side), largest first; never upscaled. */
    renditions: [720, 360] as const,
    captionBytes: 256 * 1024,
    captionsPerVideo: 10,
  },
  // --- end video notes ---

  translation: {
    /** Comments translated in one request (and one provider call). */
    commentBatch: 50,
    /** Longest text sent to /api/learn/convert or an internal translation. */
    textChars: 5000,
    /** Longest text cut into tokens by /api/learn/segment. */
    segmentChars: 2000,
    wordChars: 32,
  },

  search: {
    /** Longer queries are cut to this many characters before they are searched. */
    queryChars: 100,
    /** Longer query strings are refused with a 400 (transport bound). */
    queryMaxChars: 10_000,
    /** Words or phrases of one query; the rest is ignored. */
    queryTerms: 8,
    /** People and topics each in a typeahead answer. */
    typeahead: 5,
    trending: 20,
    /** Trending counts topic uses over this many days. */
    trendingDays: 7,
  },

  /** Discover's reader controls. */
  discover: {
    /** Share of a page in languages the reader does not speak, until they choose (percent). */
    defaultOtherLanguageShare: 30,
    /** "Not interested" marks kept per person; the oldest go first beyond this. */
    notInterested: 2000,
  },

  // Chat and English Corner (issue 8)
  chat: {
    /** Characters of one text message (a correction or a phrase likewise). */
    messageChars: 2000,
    groupMembers: 500,
    roomMembers: 500,
    titleChars: 60,
    topicChars: 200,
    /** Messages one person may send per window (both HTTP and WebSocket count). */
    sendsPerWindow: 20,
    sendWindowSeconds: 10,
    /** Messages replayed per conversation on resume; older ones are fetched as history pages. */
    resumeMax: 500,
    /** Largest WebSocket frame a client may send, in bytes. */
    frameBytes: 16 * 1024,
    /** Bytes waiting to go out on one socket before it is dropped as too slow. */
    socketBufferBytes: 1024 * 1024,
    correctionNoteChars: 300,
    phrasebookEntries: 2000,
  },
  partners: {
    requestsPerDay: 20,
    requestMessageChars: 300,
    suggestions: 20,
  },

  // moderation (issue 7): the community rules as edited from the admin page (ADR 0011)
  rules: {
    max: 100,
    titleChars: 80,
    bodyChars: 2000,
    changelogChars: 500,
    /** Regions one rule may name (two-letter codes). */
    regions: 50,
  },

  page: { default: 20, max: 50 },
  sessionDays: 30,
  verificationCode: { ttlMinutes: 10, maxAttempts: 5 },
} as const;
