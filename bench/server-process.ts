/**
 * Starts the real server (`node bin/kuaan.mjs serve`, from its build in dist/) as a child process bound to 127.0.0.1 on a free
 * port, against a generated database, and samples its resident memory while scenarios run.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface ServerOptions {
  dataDir: string;
  databaseUrl: string | null;
  /** Extra node flags, e.g. ['--cpu-prof', '--cpu-prof-dir', dir]. */
  nodeArgs?: string[];
  /** Extra environment for the server (applied last). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  pid: number;
  /** What its startup line says it runs: `the build in dist/` or `the TypeScript sources` (ADR 0018). */
  code: string;
  memory: RssSampler;
  /** CPU seconds (user + system) the server process has used so far, from /proc/<pid>/stat. */
  cpuSeconds(): number;
  /** Resolves once the server has been idle for 3 s (startup backfills done); returns seconds waited. */
  settle(maxSeconds: number): Promise<number>;
  /** stderr lines seen so far (warnings and errors: LOG_LEVEL=warn). */
  stderrTail(): string[];
  stop(): Promise<void>;
}

/** Polls /proc/<pid>/status every 100 ms; `max` is the peak VmRSS since the last reset, in MB. */
export class RssSampler {
  private peakKb = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }

  sample(): void {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      if (m) this.peakKb = Math.max(this.peakKb, Number(m[1]));
    } catch {
      // The process is gone; the last peak stands.
    }
  }

  reset(): void {
    this.peakKb = 0;
    this.sample();
  }

  maxMb(): number {
    this.sample();
    return Math.round(this.peakKb / 1024);
  }

  close(): void {
    clearInterval(this.timer);
  }
}

const ROOT = path.resolve(import.meta.dirname, '..');

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  // The server as `npm start` runs it: its JavaScript build (ADR 0018), made first when a source is newer.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-server.mjs'), '--if-needed'], { stdio: 'inherit' });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: opts.dataDir,
    LOG_LEVEL: 'warn',
    // The scenarios are one "person" per session hammering one endpoint: production limits would turn
    // the benchmark into a rate-limit test.
    RATE_LIMIT_SIGNUP_PER_HOUR: '1000000',
    RATE_LIMIT_SIGNIN_PER_MINUTE: '1000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '10000000',
    VIEW_FLUSH_MS: '1000',
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  delete env.PUBLIC_URL;
  delete env.KUAAN_DEMO;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  Object.assign(env, opts.env ?? {});

  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), path.join(ROOT, 'bin', 'kuaan.mjs'), 'serve'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    for (const line of chunk.split('\n')) {
      if (!line.trim()) continue;
      stderr.push(line);
      if (stderr.length > 200) stderr.shift();
      opts.log?.(`[server] ${line.slice(0, 400)}`);
    }
  });
  const started = await new Promise<{ port: number; code: string }>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start within 60 s\n${out}\n${stderr.join('\n')}`)), 60_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      // The shutdown line says how SQLite's group commit batched the run (LOG_LEVEL=info shows it).
      for (const line of chunk.split('\n')) if (line.includes('"groupCommit"')) opts.log?.(`[server] ${line.slice(0, 400)}`);
      out += chunk;
      const m = /running at http:\/\/[^:]+:(\d+) .*code: ([^)]+)\)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ port: Number(m[1]), code: m[2]! });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with code ${code} before listening\n${out}\n${stderr.join('\n')}`));
    });
  });
  const url = `http://127.0.0.1:${started.port}`;
  await waitHealthy(url, child);
  const memory = new RssSampler(child.pid!);
  return {
    url,
    pid: child.pid!,
    code: started.code,
    memory,
    cpuSeconds: () => cpuSeconds(child.pid!),
    stderrTail: () => [...stderr],
    settle: (max) => waitIdle(child.pid!, max),
    stop: () => stopChild(child, memory),
  };
}

async function waitHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (err) {
      last = String(err);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`/api/health did not answer 200 within 60 s (last: ${last})`);
}

/** CPU seconds the process has used (utime + stime from /proc/<pid>/stat, USER_HZ = 100). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * A server started on an existing database may have startup work (e.g. a search sweep over every
 * person); measuring during it would measure that instead. Waits until the process uses under 5 %
 * of a core for 3 consecutive seconds, bounded by maxSeconds.
 */
async function waitIdle(pid: number, maxSeconds: number): Promise<number> {
  const started = Date.now();
  let quiet = 0;
  let last = cpuSeconds(pid);
  while (quiet < 3 && Date.now() - started < maxSeconds * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = cpuSeconds(pid);
    quiet = now - last < 0.05 ? quiet + 1 : 0;
    last = now;
  }
  return Math.round((Date.now() - started) / 1000);
}

/** SIGTERM lets the server flush buffered views and write a CPU profile; SIGKILL after 10 s. */
async function stopChild(child: ChildProcess, memory: RssSampler): Promise<void> {
  memory.close();
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
