import { format } from 'node:util';
import { redactPersonalData, redactSlackTokens } from '../personal-data.js';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

const RANK: Record<LogLevelName, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** The shape Bolt expects of a logger (its `Logger` interface), implemented without Slack types. */
export interface Logger {
  debug(...msg: unknown[]): void;
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
  setLevel(level: string): void;
  getLevel(): string;
  setName(name: string): void;
}

export interface LogSink {
  write(line: string): void;
}

const stderrSink: LogSink = { write: (line) => process.stderr.write(line) };

/**
 * One line per entry, personal data redacted: customer text can reach a log through an error
 * message or a payload dump, so every line is scrubbed rather than trusting each call site.
 */
export function createLogger(level: LogLevelName, sink: LogSink = stderrSink, name = 'customertype'): Logger {
  let threshold = RANK[level];
  let currentLevel: LogLevelName = level;
  let currentName = name;
  const emit = (entryLevel: LogLevelName, msg: unknown[]) => {
    if (RANK[entryLevel] < threshold) return;
    const text = redactPersonalData(redactSlackTokens(format(...msg))).replace(/\r?\n/g, '\\n');
    sink.write(`${new Date().toISOString()} ${entryLevel.toUpperCase().padEnd(5)} [${currentName}] ${text}\n`);
  };
  return {
    debug: (...msg) => emit('debug', msg),
    info: (...msg) => emit('info', msg),
    warn: (...msg) => emit('warn', msg),
    error: (...msg) => emit('error', msg),
    setLevel(next) {
      if (next in RANK) {
        currentLevel = next as LogLevelName;
        threshold = RANK[currentLevel];
      }
    },
    getLevel: () => currentLevel,
    setName(next) {
      currentName = next;
    },
  };
}
