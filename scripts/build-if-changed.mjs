#!/usr/bin/env node
// `npm start` runs this first: it compiles only when a source file is newer than the last build, and
// then incrementally (tsconfig.build.json keeps dist/.tsbuildinfo), so a start with nothing changed
// costs a directory walk instead of a TypeScript build.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

const BUILD_INFO = 'dist/.tsbuildinfo';
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function builtAt() {
  try {
    return statSync(BUILD_INFO).mtimeMs;
  } catch {
    return -Infinity;
  }
}

if (INPUTS.reduce((latest, input) => Math.max(latest, newest(input)), -Infinity) > builtAt()) {
  const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  // tsc leaves the build info untouched when no output changed (a touched file): mark the build as now.
  const now = new Date();
  utimesSync(BUILD_INFO, now, now);
}
