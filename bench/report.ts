/**
 * `node --import tsx bench/report.ts`: regenerates docs/benchmarks.md and docs/benchmarks-chart.svg
 * from the newest result per size and database in bench/results/, plus every hand-written section in
 * bench/*.md (targets.md first: where issue 4's targets stand; findings.md: the analysis of misses;
 * other modules may add theirs, e.g. translation.md),
 * so regenerating never loses prose. bench/run.ts calls it at the end of every full run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BenchResults, readAllResults, type ScenarioResult } from './results-file.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DOC = path.join(ROOT, 'docs', 'benchmarks.md');
const CHART = path.join(ROOT, 'docs', 'benchmarks-chart.svg');
const SECTIONS_DIR = path.join(ROOT, 'bench');

/** Issue 4's targets (embedded SQLite, size M, 2 cores), as checks on one scenario's numbers. */
const TARGETS: Record<string, { text: string; ok: (r: ScenarioResult) => boolean }> = {
  discover: { text: '≥ 40 % of ceiling, p99 ≤ 30 ms', ok: (r) => r.ratio >= 0.4 && r.p99_ms <= 30 },
  following: { text: '≥ 40 % of ceiling, p99 ≤ 30 ms', ok: (r) => r.ratio >= 0.4 && r.p99_ms <= 30 },
  'note-detail': { text: '≥ 50 % of ceiling', ok: (r) => r.ratio >= 0.5 },
  like: { text: '≥ 3,000/s, 0 errors', ok: (r) => r.rps >= 3000 && r.errors === 0 },
  comment: { text: '≥ 1,500/s, 0 errors', ok: (r) => r.rps >= 1500 && r.errors === 0 },
  'post-text-note': { text: '≥ 1,000/s, 0 errors', ok: (r) => r.rps >= 1000 && r.errors === 0 },
  surge: { text: 'feed p99 during sign-ups ≤ 2× alone', ok: (r) => (r.p99_ratio ?? Infinity) <= 2 && r.errors === 0 },
};
const RSS_TARGET_MB = 400;

const pct = (x: number) => `${Math.round(x * 100)} %`;
const num = (x: number) => x.toLocaleString('en-US');

function table(r: BenchResults): string {
  const lines = [
    '| scenario | req/s | ceiling just before | of ceiling | p50 ms | p99 ms | server CPU ms/req | errors | RSS MB | target | |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    `| *ceiling* (GET /api/ping, no session) | ${num(r.ceiling.rps)} | | 100 % | ${r.ceiling.p50_ms} | ${r.ceiling.p99_ms} | | | | | |`,
  ];
  for (const [name, s] of Object.entries(r.scenarios)) {
    const t = TARGETS[name];
    // The scenario's own target decides the verdict; memory over budget is flagged in its own cell.
    const verdict = t ? (t.ok(s) ? '✅' : '❌') : s.errors === 0 ? '' : '❌';
    const rss = s.rss_mb <= RSS_TARGET_MB ? `${s.rss_mb}` : `${s.rss_mb} ⚠️`;
    const jobs = s.jobs_after ? ` (left ${num(s.jobs_after)} jobs, done ${s.drain_s} s later)` : '';
    const label =
      name === 'surge' ? `surge (discover during sign-ups; alone p99 ${s.p99_alone_ms} ms, ×${s.p99_ratio}; ${num(s.signup_rps ?? 0)} sign-ups/s)` : `${name}${jobs}`;
    lines.push(
      `| ${label} | ${num(s.rps)} | ${s.ceiling_rps ? num(s.ceiling_rps) : ''} | ${pct(s.ratio)} | ${s.p50_ms} | ${s.p99_ms} | ${s.cpu_ms_per_req ?? ''} | ${s.errors} | ${rss} | ${t?.text ?? ''} | ${verdict} |`,
    );
  }
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const COLORS = ['#d6336c', '#1c7ed6', '#f59f00', '#37b24d'];

/** A horizontal bar chart of each scenario's throughput as a share of the ceiling, one bar per run. */
export function chartSvg(results: BenchResults[]): string {
  const names = [...new Set(results.flatMap((r) => Object.keys(r.scenarios)))];
  const barH = 12;
  const groupH = barH * Math.max(1, results.length) + 10;
  const left = 130;
  const width = 760;
  const plotW = width - left - 60;
  const top = 40;
  const height = top + names.length * groupH + 56;
  const axisY = height - 34;
  const maxRatio = Math.max(1, ...results.flatMap((r) => Object.values(r.scenarios).map((s) => s.ratio)));
  const x = (ratio: number) => left + (ratio / maxRatio) * plotW;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">Benchmark throughput of each scenario as a share of the ceiling</title>`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="18" font-size="14" font-weight="bold">Throughput as a share of the ceiling (GET /api/ping in the same run)</text>`,
  ];
  for (let g = 0; g <= maxRatio + 1e-9; g += 0.25) {
    out.push(`<line x1="${x(g)}" y1="${top - 6}" x2="${x(g)}" y2="${axisY}" stroke="#e9ecef"/>`);
    out.push(`<text x="${x(g)}" y="${axisY + 14}" text-anchor="middle" fill="#495057">${Math.round(g * 100)}%</text>`);
  }
  for (const [target, label, anchor, dx] of [
    [0.4, 'feeds target 40%', 'end', -3],
    [0.5, 'note detail target 50%', 'start', 3],
  ] as const) {
    out.push(`<line x1="${x(target)}" y1="${top - 6}" x2="${x(target)}" y2="${axisY}" stroke="#868e96" stroke-dasharray="4 3"/>`);
    out.push(`<text x="${x(target) + dx}" y="${top - 8}" text-anchor="${anchor}" fill="#868e96" font-size="10">${label}</text>`);
  }
  names.forEach((name, i) => {
    const y0 = top + i * groupH;
    out.push(`<text x="${left - 8}" y="${y0 + groupH / 2}" text-anchor="end" dominant-baseline="middle">${esc(name)}</text>`);
    results.forEach((r, j) => {
      const s = r.scenarios[name];
      if (!s) return;
      const y = y0 + j * barH;
      out.push(`<rect x="${left}" y="${y}" width="${Math.max(1, x(s.ratio) - left).toFixed(1)}" height="${barH - 2}" fill="${COLORS[j % COLORS.length]}"/>`);
      out.push(`<text x="${(x(s.ratio) + 4).toFixed(1)}" y="${y + barH / 2}" dominant-baseline="middle" font-size="10" fill="#212529">${pct(s.ratio)} · ${num(s.rps)}/s</text>`);
    });
  });
  results.forEach((r, j) => {
    const lx = 20 + j * 245;
    out.push(`<rect x="${lx}" y="${height - 16}" width="10" height="10" fill="${COLORS[j % COLORS.length]}"/>`);
    out.push(`<text x="${lx + 14}" y="${height - 7}" font-size="11">${esc(`${r.size} · ${r.db} · ceiling ${num(r.ceiling.rps)}/s`)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export function renderMarkdown(results: BenchResults[], findings: string): string {
  const parts = [
    '# Benchmarks',
    '',
    '<!-- Generated by bench/report.ts from bench/results/*.json and bench/*.md; edit those, not this file. -->',
    '',
    'Numbers anyone can reproduce (see the end): the real server on 127.0.0.1 against a generated bilingual',
    'community, loaded with autocannon, signed in as generated people. Every throughput is also given as a',
    'share of the **ceiling** — the same server answering `GET /api/ping` (no session, no database), measured',
    'for 3 s right before each scenario (the ceiling row is the full-length measurement before the first)',
    '— because on a shared 2-core machine the ratio survives noise that absolute',
    "numbers do not. **Server CPU ms/req** is the server process's CPU time (user + system, all its threads)",
    'during the scenario divided by the requests answered: what a request costs, nearly independent of other',
    "load on the machine. Targets are issue 4's (embedded SQLite, size M); ⚠️ marks server RSS (peak VmRSS",
    'during the scenario) over the 400 MB budget.',
    '',
    '![Throughput as a share of the ceiling](benchmarks-chart.svg)',
    '',
  ];
  if (results.length === 0) parts.push('_No results yet: run `npm run bench -- --size M`._', '');
  for (const r of results) {
    const data = Object.entries(r.data)
      .map(([k, v]) => `${num(v)} ${k}`)
      .join(', ');
    parts.push(
      `## Size ${r.size} on ${r.db === 'sqlite' ? 'SQLite (embedded)' : 'PostgreSQL'}`,
      '',
      `${r.date.slice(0, 16).replace('T', ' ')} UTC · ${r.machine.cpus} × ${r.machine.model} · ${r.machine.memory_gb} GB · Node ${r.machine.node} · server code: ${r.server_code ?? 'the TypeScript sources (through tsx)'} · load average before ${r.machine.load_before.join(' / ')} · ${r.duration_s} s per scenario`,
      '',
      `Data: ${data}.`,
      '',
      table(r),
      '',
    );
  }
  if (findings.trim()) parts.push(findings.trim(), '');
  parts.push(
    '## How to reproduce',
    '',
    '```sh',
    'npm run bench:data -- --size M                 # ≈ 100k people, 1M notes, 10M likes into data/bench/M-sqlite (a few minutes)',
    'npm run bench -- --size M                      # every scenario, 10 s each; writes bench/results/ and this page',
    'npm run bench -- --size M --scenario discover --profile   # one scenario with --cpu-prof (data/bench/profiles)',
    'npm run bench:data -- --size M --db postgres   # into kuaan_bench_m on postgres://postgres@127.0.0.1:5432',
    'npm run bench -- --size M --db postgres',
    'npm run bench:smoke                            # tiny community in a temp dir, 2 s per scenario (part of npm test)',
    'npm run bench:sweep -- --size M [--db postgres]  # every GET route once at a time, slowest first (--smoke in npm test)',
    '```',
    '',
    'Options: `--duration S` (1–120), `--connections N`, `--scenario a,b`, `--data DIR`. The generator is',
    'deterministic (`--seed`); every person\'s password is `kuaan-bench-password`, and `manifest.json` beside',
    'the data holds pre-created session tokens. `interests.jsonl` records each person\'s latent interests',
    'for offline evaluation of ranking. `node --import tsx bench/data/verify.ts data/bench/S-sqlite` checks',
    'that every stored counter equals the rows behind it. Write scenarios add rows, so numbers from repeated',
    'runs on one database drift slightly; regenerate for a clean baseline.',
    '',
  );
  return parts.join('\n');
}

export function writeReport(): string {
  const results = readAllResults();
  const findings = fs
    .readdirSync(SECTIONS_DIR)
    .filter((f) => f.endsWith('.md'))
    // Where the targets stand comes first; the rounds that explain it follow in name order.
    .sort((a, b) => Number(b === 'targets.md') - Number(a === 'targets.md') || a.localeCompare(b))
    .map((f) => fs.readFileSync(path.join(SECTIONS_DIR, f), 'utf8').trim())
    .join('\n\n');
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, renderMarkdown(results, findings));
  fs.writeFileSync(CHART, chartSvg(results));
  return DOC;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(writeReport());
}
