import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { allText, LIVE_MARKUP } from '../helpers/block-text.js';
import { commandReply } from '../helpers/command.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp();
});
afterAll(async () => {
  await booted.stop();
});

/** Sends `/customertype <text>` and returns its private answer, its text and how long the ack took. */
async function command(text: string) {
  const { body, ackMs } = await commandReply(booted, text);
  return { body, text: allText(body.blocks).join('\n'), ackMs };
}

describe('/customertype <message>', () => {
  it('answers privately with the type, confidence, why, how to handle and the buttons, and stores a row without the text', async () => {
    const before = booted.db.prepare('SELECT COUNT(*) AS n FROM classifications').get() as { n: number };
    const message = "I've asked THREE times for my refund. This is ridiculous and I'm furious!!!";
    const { body, text } = await command(message);
    expect(body.response_type).toBe('ephemeral');
    expect(body.blocks[0].text.text).toMatch(/^The Angry Customer\s+[▰▱]{5} (High|Medium|Low) · \d+%$/);
    expect(text).toContain('*Why:*');
    expect(text).toContain('*How to handle*');
    expectWithinBlockKitLimits(body.blocks);
    expect(body.blocks.at(-1).type).toBe('actions');
    const rows = booted.db.prepare('SELECT * FROM classifications ORDER BY id DESC LIMIT 1').all() as any[];
    expect(booted.db.prepare('SELECT COUNT(*) AS n FROM classifications').get()).toEqual({ n: before.n + 1 });
    expect(rows[0]).toMatchObject({ surface: 'command', type_id: 'angry', user_id: 'U0AGENT', channel_id: 'C0SUPPORT', text_length: message.length });
    expect(JSON.stringify(rows[0])).not.toContain('refund');
  });

  it('never lets a pasted mention, broadcast or link go live', async () => {
    const hostile =
      '<!channel> <!here> <!everyone> <!subteam^S123|@support> <@U0BOSS> <#C0GENERAL|general> <https://evil.example/login|Click here> ' +
      'WHERE IS MY REFUND?? this is ridiculous &amp; I am furious <script>';
    const { body } = await command(hostile);
    for (const text of allText(body.blocks)) expect(text).not.toMatch(LIVE_MARKUP);
    expect(JSON.stringify(body)).not.toMatch(/<!channel>|<!here>|<!everyone>|<!subteam|<@U0BOSS>|<#C0GENERAL/);
  });

  it('classifies the first 4,000 characters of a 40,000-character message, says so, and acks at once', async () => {
    const { text, ackMs } = await command('Where is my order?? I have waited three weeks and nobody replies. '.repeat(600).slice(0, 40_000));
    expect(text).toContain('Only the first 4,000 characters were read.');
    expect(ackMs).toBeLessThan(3000);
  });

  it('says "Not enough to go on" with the closest types when there is nothing to read', async () => {
    const { text } = await command('asdf qwerty');
    expect(text).toContain('Not enough to go on');
    expect(text).toContain('Closest types:');
  });
});

describe('/customertype subcommands', () => {
  it('answers an empty command and `help` with the help', async () => {
    for (const text of ['', 'help']) expect((await command(text)).text).toContain('/customertype list');
  });

  it('lists every type', async () => {
    const { text } = await command('list');
    expect(text).toContain('19 customer types');
    expect(text).toContain('`mission-driven`');
  });

  it('shows a playbook by name or alias', async () => {
    expect((await command('Discount Dan')).body.blocks[0].text.text).toBe('The Bargain Hunter');
    expect((await command('angry')).body.blocks[0].text.text).toBe('The Angry Customer');
  });

  it('answers `stats` before any quiz with a friendly line', async () => {
    expect((await command('stats')).text).toContain('No quiz answers yet');
  });
});
