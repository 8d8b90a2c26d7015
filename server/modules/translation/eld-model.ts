/**
 * eld's `small` n-gram model, loaded so that it costs about 50 MB of memory instead of 160.
 *
 * eld's ready-made entry (`eld/small`) imports its model as a 1.6 MB JavaScript object literal, and
 * V8 keeps far more resident after compiling that literal than after reading the same data with
 * JSON.parse: +160 MB of RSS against +48 MB in a bare Node process (bench/write-path.md, "eld's model
 * read as JSON").
 * So a short-lived child process imports the model and prints it as JSON; this process parses it and
 * gives it to a fresh detector made by eld's own factory, `createEld`, the function its entries use.
 * Neither file is in eld's export map, so they are found beside its main entry, and any surprise
 * (a moved file, a changed shape) falls back to `eld/small`: the same answers at the old cost.
 */
import { spawn } from 'node:child_process';

export interface Eld {
  detect(text: string): { language: string; isReliable(): boolean; getScores(): Record<string, number> };
}

interface NgramsData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

type CreateEld = () => { instance: Eld; loadData(data: NgramsData): string };

/** Where the detector came from: `json` is the cheap path, `module` the fallback. */
export interface LoadedEld {
  eld: Eld;
  source: 'json' | 'module';
}

/** Prints the model module's data as JSON; run in the child so the literal never enters this process. */
const PRINT_MODEL = 'const { ngramsData } = await import(process.argv[1]); process.stdout.write(JSON.stringify(ngramsData));';

export async function loadEld(): Promise<LoadedEld> {
  try {
    const entry = import.meta.resolve('eld');
    const [{ createEld }, data] = await Promise.all([
      import(new URL('../languageDetector.js', entry).href) as Promise<{ createEld: CreateEld }>,
      modelFromChild(new URL('../ngrams/small.js', entry).href),
    ]);
    const { instance, loadData } = createEld();
    loadData(data);
    return { eld: instance, source: 'json' };
  } catch (error) {
    // eld's layout changed (or the child failed): its public entry still works, at the old cost.
    process.emitWarning(`eld's model could not be read as JSON (${(error as Error).message}); using eld/small`, 'KuaanWarning');
  }
  const { eld } = (await import('eld/small')) as { eld: Eld };
  return { eld, source: 'module' };
}

function modelFromChild(model: string): Promise<NgramsData> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', PRINT_MODEL, model], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // A child that hangs must not leave detection waiting forever: killed, it falls back.
      timeout: 60_000,
      // Not the parent's NODE_OPTIONS (tsx, inspectors): the child only imports one plain module.
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        const cause = stderr.split('\n').find((line) => /^\w*Error\b/.test(line)) ?? stderr.slice(-300);
        return reject(new Error(`reading eld's model failed (exit ${code ?? signal}): ${cause}`));
      }
      try {
        const data = JSON.parse(Buffer.concat(chunks).toString('utf8')) as NgramsData;
        if (typeof data.type !== 'string' || typeof data.languages !== 'object' || typeof data.ngrams !== 'object') {
          throw new Error("eld's model has an unexpected shape");
        }
        resolve(data);
      } catch (error) {
        reject(error);
      }
    });
  });
}
