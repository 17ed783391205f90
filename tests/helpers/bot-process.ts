import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const TSX_LOADER = pathToFileURL(resolve('node_modules/tsx/dist/loader.mjs')).href;
const MAIN = resolve('src/main.ts');

export interface BotProcess {
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
  stderrSoFar(): string;
  kill(signal: NodeJS.Signals): void;
  /** Resolves with the port once the bot says it is listening. */
  port(timeoutMs?: number): Promise<number>;
}

/** Runs `src/main.ts` as a real process, as `npm start` would, with only the given environment. */
export function startBot(env: Record<string, string>, cwd: string): BotProcess {
  // tsx runs the bot in a child of its own; `--import tsx` keeps it one process, so kill -9 hits the bot.
  const child = spawn(process.execPath, ['--import', TSX_LOADER, MAIN], {
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

