import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const TSX = resolve('node_modules/tsx/dist/cli.mjs');
const CLI = resolve('src/cli/main.ts');

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [TSX, CLI, ...args], { input, encoding: 'utf8', timeout: 30_000, env: { ...process.env, ...env } });
}

describe('cli classify --jsonl', () => {
  it('answers one JSON line per input line, with exactly the documented fields', () => {
    const input = [
      JSON.stringify({ text: "I've asked THREE times for my refund. This is ridiculous!!" }),
      'this line is not JSON',
      JSON.stringify({ text: 'ok' }),
      JSON.stringify({ nottext: 1 }),
    ].join('\n');
    const { status, stdout } = cli(['classify', '--jsonl'], input);
    expect(status).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['type', 'confidence', 'ranked', 'cues', 'lang']);
      expect(line.lang).toBe('en');
      expect(line.ranked).toHaveLength(19);
      expect(line.confidence).toBeGreaterThanOrEqual(0);
      expect(line.confidence).toBeLessThanOrEqual(1);
    }
    expect(lines[0].type).toBe('angry');
    expect(lines[0].cues.length).toBeGreaterThan(0);
    expect(lines.slice(1).map((line) => line.type)).toEqual([null, null, null]);
  });
});

describe('cli classify "text"', () => {
  it('prints a readable answer with the playbook', () => {
    const { status, stdout } = cli(['classify', 'Is there a student discount or any coupon code I can use?']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^The Bargain Hunter: (High|Medium|Low) \(\d+%\)/);
    expect(stdout).toContain('How to handle:');
  });
});

describe('cli playbooks:check', () => {
  it('passes the built-in playbooks', () => {
    const { status, stdout } = cli(['playbooks:check']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^19 playbooks OK/);
  });

  it('fails with file, field and problem for a broken playbook', () => {
    const dir = mkdtempSync(join(tmpdir(), 'customertype-cli-'));
    try {
      cpSync(resolve('playbooks'), dir, { recursive: true });
      writeFileSync(join(dir, 'angry.yaml'), 'id: angry\nname: The Angry Customer\n');
      const { status, stderr } = cli(['playbooks:check', '--dir', dir]);
      expect(status).toBe(1);
      expect(stderr).toMatch(/angry\.yaml: summary: is missing/);
      expect(stderr).toMatch(/problem\(s\) in the playbooks/);
      // The folder the bot would load: PLAYBOOKS_DIR, when no --dir is given.
      const fromEnv = cli(['playbooks:check'], undefined, { PLAYBOOKS_DIR: dir });
      expect(fromEnv.status).toBe(1);
      expect(fromEnv.stderr).toMatch(/angry\.yaml: summary: is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
