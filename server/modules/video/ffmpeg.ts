import { spawn } from 'node:child_process';
import type { VideoConfig } from '../../config.js';

export interface RunOptions {
  /** Wall-clock limit; the process group is killed with SIGKILL when it passes. */
  timeoutMs: number;
  /** Called for each complete stdout line (ffmpeg -progress pipe:1); stdout is then not kept. */
  onLine?: (line: string) => void;
  /** Most stdout bytes kept (ffprobe JSON, a PNG frame); more is an error. */
  maxStdoutBytes?: number;
  /** Aborting kills the process, as a timeout does. */
  signal?: AbortSignal;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  /** The last few KB of stderr, for the log and for telling corrupt input from other failures. */
  stderr: string;
  timedOut: boolean;
}

/** A run that did not end by itself: killed on timeout, by abort, or from outside. Worth a retry. */
export class ToolKilled extends Error {
  constructor(
    readonly tool: string,
    readonly reason: 'timeout' | 'signal' | 'output',
    detail: string,
  ) {
    super(`${tool} ${reason}: ${detail}`);
    this.name = 'ToolKilled';
  }
}

const STDERR_KEEP = 8 * 1024;

/**
 * The one way ffmpeg and ffprobe are started. Every run is fenced three ways, because the input is
 * a stranger's file and decoders have had bugs that loop or allocate without end:
 * - memory: `ulimit -v` (address space) in a `sh` that then execs the tool, so an allocation storm
 *   fails inside ffmpeg instead of waking the kernel's OOM killer on the web process;
 * - CPU priority: `nice -n N`, so request handling keeps the cores it needs while a transcode runs;
 * - time: a wall-clock timer that SIGKILLs the whole process group (`ulimit -t` backs it up with a
 *   CPU-seconds cap that the kernel enforces even if this process dies).
 */
export class FencedTools {
  constructor(private readonly config: VideoConfig) {}

  ffprobe(args: string[], options: RunOptions): Promise<RunResult> {
    return this.run(this.config.ffprobePath, args, options);
  }

  ffmpeg(args: string[], options: RunOptions): Promise<RunResult> {
    return this.run(this.config.ffmpegPath, ['-hide_banner', '-nostdin', '-threads', String(this.config.threads), ...args], options);
  }

  private run(bin: string, args: string[], options: RunOptions): Promise<RunResult> {
    const memoryKb = this.config.memoryMb * 1024;
    // CPU seconds: every thread busy for the whole wall-clock budget, twice over; only a runaway hits it.
    const cpuSeconds = Math.ceil((options.timeoutMs / 1000) * Math.max(2, this.config.threads) * 2);
    const script = 'ulimit -v "$1" && ulimit -t "$2" && shift 2 && exec nice -n "$NICE_LEVEL" "$@"';
    const child = spawn('/bin/sh', ['-c', script, 'sh', String(memoryKb), String(cpuSeconds), bin, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so a kill reaches anything ffmpeg might start.
      detached: true,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NICE_LEVEL: String(this.config.nice), LC_ALL: 'C' },
    });
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let stdoutBytes = 0;
      let stderr = '';
      let partial = '';
      let killedFor: 'timeout' | 'signal' | 'output' | null = null;
      const kill = (why: 'timeout' | 'signal' | 'output') => {
        killedFor ??= why;
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      };
      const timer = setTimeout(() => kill('timeout'), options.timeoutMs);
      const onAbort = () => kill('signal');
      options.signal?.addEventListener('abort', onAbort, { once: true });
      if (options.signal?.aborted) onAbort();

      child.stdout.on('data', (chunk: Buffer) => {
        if (options.onLine) {
          const text = partial + chunk.toString('utf8');
          const lines = text.split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) options.onLine(line.trim());
          return;
        }
        stdoutBytes += chunk.length;
        if (stdoutBytes > (options.maxStdoutBytes ?? 16 * 1024 * 1024)) kill('output');
        else chunks.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
      });
      child.on('error', (err) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        reject(err);
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        if (killedFor) return reject(new ToolKilled(bin, killedFor, stderr.slice(-500)));
        // Killed from outside (an operator, the OOM killer): not the file's fault, so retry.
        if (signal) return reject(new ToolKilled(bin, 'signal', `${signal} ${stderr.slice(-500)}`));
        resolve({ code, signal, stdout: Buffer.concat(chunks), stderr, timedOut: false });
      });
    });
  }
}
