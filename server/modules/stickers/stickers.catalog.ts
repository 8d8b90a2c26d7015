import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { StickerPack } from '../../../contract/stickers.js';
import { inCheckout } from '../../paths.js';

/** Where the built-in pack's artwork (drawn for Kuaan, see art/README.md) lives. */
const BUILT_IN_DIR = inCheckout('server/modules/stickers/art');
const BUILT_IN_PACK = 'kuaan';

const PACK_ID = /^[a-z0-9][a-z0-9_-]{0,31}$/;
/** The same alphabet STICKER_PATTERN accepts between the brackets. */
const CODE = /^[\p{L}\p{N}_-]{1,16}$/u;
const FILE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}\.(png|webp|svg)$/;
const MAX_FILE_BYTES = 512 * 1024;
const MAX_STICKERS_PER_PACK = 200;
const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;

export interface StickerFile {
  body: Buffer;
  contentType: 'image/png' | 'image/webp' | 'image/svg+xml';
}

export interface StickerCatalog {
  packs: StickerPack[];
  /** Bracket code (lower-cased) → sticker code and URL. */
  byCode: Map<string, { code: string; url: string }>;
  /** `<pack>/<file>` → bytes, read once at start so serving never touches the file system by name. */
  files: Map<string, StickerFile>;
}

class ManifestError extends Error {}

function fail(problem: string): never {
  throw new ManifestError(problem);
}

function label(value: unknown, where: string): Record<(typeof LOCALES)[number], string> {
  if (typeof value !== 'object' || value === null) fail(`${where} must be an object with en, zh-Hans and zh-Hant`);
  const out = {} as Record<(typeof LOCALES)[number], string>;
  for (const locale of LOCALES) {
    const text = (value as Record<string, unknown>)[locale];
    if (typeof text !== 'string' || text.trim() === '' || text.length > 40) {
      fail(`${where}.${locale} must be a non-empty string of at most 40 characters`);
    }
    out[locale] = text.trim();
  }
  return out;
}

/** Sniffs the bytes: a file must be what its extension says (no HTML renamed to .png). */
function contentTypeOf(file: string, body: Buffer): StickerFile['contentType'] {
  const ext = path.extname(file).slice(1);
  if (ext === 'png' && body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return 'image/png';
  }
  if (ext === 'webp' && body.subarray(0, 4).toString('latin1') === 'RIFF' && body.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  if (ext === 'svg') {
    const text = body.toString('utf8');
    // Served under a CSP that forbids scripts anyway; refusing them here makes a bad pack visible at start.
    if (!/<svg[\s>]/i.test(text)) fail(`${file} is not an SVG document`);
    if (/<script|\bon[a-z]+\s*=|javascript:|<foreignObject/i.test(text)) fail(`${file} contains scripts or event handlers`);
    return 'image/svg+xml';
  }
  return fail(`${file} is not a valid ${ext.toUpperCase()} file`);
}

/** Reads and validates one pack folder; throws ManifestError naming the first problem. */
function loadPack(dir: string, id: string, builtIn: boolean, taken: Set<string>) {
  if (!PACK_ID.test(id)) fail('the folder name must be 1–32 lower-case letters, digits, _ or -');
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(dir, 'pack.json'), 'utf8'));
  } catch (err) {
    fail(`pack.json is missing or not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  if (typeof manifest !== 'object' || manifest === null) fail('pack.json must be an object');
  const m = manifest as Record<string, unknown>;
  const name = label(m.name, 'name');
  if (!Array.isArray(m.stickers) || m.stickers.length === 0) fail('stickers must be a non-empty array');
  if (m.stickers.length > MAX_STICKERS_PER_PACK) fail(`a pack holds at most ${MAX_STICKERS_PER_PACK} stickers`);
  const stickers: StickerPack['stickers'] = [];
  const files = new Map<string, StickerFile>();
  const codes = new Set<string>();
  for (const [i, entry] of m.stickers.entries()) {
    const where = `stickers[${i}]`;
    if (typeof entry !== 'object' || entry === null) fail(`${where} must be an object`);
    const s = entry as Record<string, unknown>;
    const aliases = s.aliases ?? [];
    if (!Array.isArray(aliases)) fail(`${where}.aliases must be an array of codes`);
    const all = [s.code, ...aliases];
    for (const code of all) {
      if (typeof code !== 'string' || !CODE.test(code)) fail(`${where}: code ${JSON.stringify(code)} must be 1–16 letters, digits, _ or -`);
      const key = code.toLowerCase();
      if (codes.has(key) || taken.has(key)) fail(`${where}: code [${code}] is already used`);
      codes.add(key);
    }
    if (typeof s.file !== 'string' || !FILE.test(s.file)) fail(`${where}.file must be a plain file name ending in .png, .webp or .svg`);
    const full = path.join(dir, s.file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      fail(`${where}.file ${s.file} does not exist`);
    }
    if (!stat.isFile() || stat.size > MAX_FILE_BYTES) fail(`${s.file} must be a file of at most ${MAX_FILE_BYTES / 1024} KB`);
    const body = fs.readFileSync(full);
    files.set(`${id}/${s.file}`, { body, contentType: contentTypeOf(s.file, body) });
    stickers.push({
      code: s.code as string,
      aliases: aliases as string[],
      label: label(s.label, `${where}.label`),
      url: `/stickers/${id}/${s.file}`,
    });
  }
  return { pack: { id, name, builtIn, stickers } satisfies StickerPack, files, codes };
}

/**
 * The built-in pack plus every operator pack in `<dataDir>/stickers/<pack>/pack.json`. A bad pack is
 * refused whole with one log line saying why; it never stops the server.
 */
export function loadStickerCatalog(dataDir: string, log: Pick<Logger, 'warn' | 'info'>): StickerCatalog {
  const catalog: StickerCatalog = { packs: [], byCode: new Map(), files: new Map() };
  const taken = new Set<string>();
  const add = (dir: string, id: string, builtIn: boolean) => {
    try {
      const { pack, files, codes } = loadPack(dir, id, builtIn, taken);
      catalog.packs.push(pack);
      for (const [k, v] of files) catalog.files.set(k, v);
      for (const code of codes) taken.add(code);
      for (const s of pack.stickers) {
        for (const code of [s.code, ...s.aliases]) catalog.byCode.set(code.toLowerCase(), { code: s.code, url: s.url });
      }
    } catch (err) {
      if (!(err instanceof ManifestError)) throw err;
      if (builtIn) throw new Error(`built-in sticker pack is broken: ${err.message}`);
      log.warn({ pack: id, dir }, `sticker pack "${id}" refused: ${err.message}`);
    }
  };
  add(path.join(BUILT_IN_DIR, BUILT_IN_PACK), BUILT_IN_PACK, true);
  const operatorDir = path.join(dataDir, 'stickers');
  if (fs.existsSync(operatorDir)) {
    for (const entry of fs.readdirSync(operatorDir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      if (entry.name === BUILT_IN_PACK) {
        log.warn({ pack: entry.name }, `sticker pack "${entry.name}" refused: that name belongs to the built-in pack`);
        continue;
      }
      add(path.join(operatorDir, entry.name), entry.name, false);
    }
  }
  log.info({ packs: catalog.packs.map((p) => p.id) }, 'sticker packs loaded');
  return catalog;
}
