import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TSX_LOADER = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const MAIN = resolve('src/main.ts');

export interface BotProcess {
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stderrSoFar(): string;
  pid: number;
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the port once the bot says it is listening. */
  port(timeoutMs?: number): Promise<number>;
}

export interface StartOptions {
  /** Run the compiled `dist/main.js` (as `npm start` does) instead of the sources; it must be built. */
  compiled?: boolean;
  /** Extra arguments for node, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/** Runs the bot as a real process with only the given environment. */
export function startBot(env: Record<string, string>, cwd: string, options: StartOptions = {}): BotProcess {
  // tsx runs the bot in a child of its own; `--import tsx` keeps it one process, so kill -9 hits the bot.
  const entry = options.compiled ? [resolve('dist/main.js')] : ['--import', TSX_LOADER, MAIN];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((done) =>
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return {
    exit,
    stderrSoFar: () => stderr,
    pid: child.pid!,
    kill: (signal) => child.kill(signal),
    async port(timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = /on port (\d+)/.exec(stderr);
        if (match) return Number(match[1]);
        if (child.exitCode !== null) throw new Error(`the bot exited: ${stderr}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`the bot did not start: ${stderr}`);
    },
  };
}

