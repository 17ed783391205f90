import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { expectWithinBlockKitLimits } from '../helpers/block-kit.js';
import { allText } from '../helpers/block-text.js';
import { slashCommandBody } from '../helpers/slack-request.js';
import { parseCsv } from '../insights/parse-csv.js';
import { KNOWN_NOW, seedKnownWeek } from '../insights/known-week.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp({ env: { LEADS: 'U0LEAD' }, clock: () => KNOWN_NOW });
  await seedKnownWeek(booted.database);
});
afterAll(async () => {
  await booted.stop();
});

let counter = 0;
/** `/customertype <text>`, signed at the app's (fixed) time; the answer comes on the response URL. */
async function command(text: string, user: string) {
  const id = `insights-${(counter += 1)}`;
  const started = Date.now();
  const res = await booted.post(slashCommandBody({ text, user_id: user, response_url: booted.slack.responseUrl(id) }), { timestamp: Math.floor(KNOWN_NOW.getTime() / 1000) });
  const ackMs = Date.now() - started;
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('');
  const body = (await booted.slack.responseTo(id)).body;
  return { body, text: allText(body.blocks).join('\n'), ackMs };
}

describe('/customertype insights', () => {
  it('shows a lead the week in a private answer, after an empty ack', async () => {
    const { body, text, ackMs } = await command('insights', 'U0LEAD');
    expect(ackMs).toBeLessThan(3000);
    expect(body.response_type).toBe('ephemeral');
    expectWithinBlockKitLimits(body.blocks);
    expect(text).toContain('📊 Team insights: this week');
    expect(text).toContain('10 classifications (+5)');
    expect(text).toContain('3 agents took part, 8 answers, 38% right');
    expect(text).toContain('• <@U1>: 2/3 right (67%), streak 1');
    expect(text).toContain('2 of 10 classifications corrected (20%)');
  });

  it('sends the lead a chart of the figures by DM after the answer: a PNG whose alt text carries the numbers', async () => {
    const before = booted.slack.filesIn('DU0LEAD').length;
    await command('insights', 'U0LEAD');
    await booted.slack.waitForCalls('files.completeUploadExternal', 1, 10_000);
    const deadline = Date.now() + 10_000;
    while (booted.slack.filesIn('DU0LEAD').length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const chart = booted.slack.filesIn('DU0LEAD').at(-1)!;
    expect(chart.filename).toBe('customertype-insights-2026-12-07.png');
    expect(chart.content!.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(chart.altText).toMatch(/Customers met by type: .*\d/);
    expect(chart.altText).toMatch(/Quiz accuracy by type: .*% right of/);
  });

  it('reads the Chinese alias and a period', async () => {
    const { text } = await command('数据 上周', 'U0LEAD');
    expect(text).toContain('📊 Team insights: last week');
    expect(text).toContain('4 agents took part, 4 answers, 100% right');
  });

  it('politely refuses anyone who is not a lead, and shows them nothing', async () => {
    const { text } = await command('insights last 4 weeks', 'U0AGENT');
    expect(text).toContain('Team insights are for the support leads set in LEADS');
    expect(text).not.toMatch(/classifications|<@U1>/);
  });

  it('says which periods there are for one it does not know', async () => {
    expect((await command('insights yesterday', 'U0LEAD')).text).toContain('`/customertype insights this week`');
  });
});

describe('/customertype export', () => {
  it('sends the lead two CSV files by DM, that open in a spreadsheet and hold no customer text', async () => {
    const { text } = await command('export this week', 'U0LEAD');
    expect(text).toContain('Sent you the export by direct message: 8 quiz answers and 10 classifications, 7 December – 9 December.');
    expect(booted.slack.callsTo('conversations.open').at(-1)!.body.users).toBe('U0LEAD');
    const files = booted.slack.filesIn('DU0LEAD').filter((file) => file.filename.endsWith('.csv'));
    expect(files.map((file) => file.filename)).toEqual([
      'customertype-quiz-answers-2026-12-07-to-2026-12-09.csv',
      'customertype-classifications-2026-12-07-to-2026-12-09.csv',
    ]);
    expect(files.map((file) => file.title)).toEqual(['Quiz answers', 'Classifications']);
    expect(files[0]!.initialComment).toContain('No customer text is ever kept.');
    for (const file of files) {
      expect(file.content!.length).toBe(file.length);
      expect([...file.content!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    }
    const answers = parseCsv(files[0]!.content!.toString('utf8').slice(1));
    expect(answers).toHaveLength(9);
    expect(answers[1]).toEqual(['U1', '2026-12-07', '2026-12-07 09:35', 'Which type', 'angry', 'The Angry Customer', '1', '3']);
    const classifications = parseCsv(files[1]!.content!.toString('utf8').slice(1));
    expect(classifications).toHaveLength(11);
    expect(classifications[1]).toEqual(['2026-12-07 08:00', 'command', 'angry', 'The Angry Customer', '0.9']);
    expect(files.map((file) => file.content!.toString('utf8')).join('')).not.toContain('a message written for the quiz');
  });

  it('refuses anyone who is not a lead, and uploads nothing', async () => {
    const before = booted.slack.files.size;
    expect((await command('导出', 'U0AGENT')).text).toContain('The export is for the support leads set in LEADS');
    expect(booted.slack.files.size).toBe(before);
  });

  it('tells the lead what to do when Slack refuses the upload', async () => {
    booted.slack.on((call) => (call.method === 'files.getUploadURLExternal' ? { body: { ok: false, error: 'missing_scope', needed: 'files:write' } } : undefined));
    try {
      const { text } = await command('export', 'U0LEAD');
      expect(text).toContain("Sorry, I couldn't send the export (missing_scope).");
      expect(text).toContain('reinstall');
    } finally {
      booted.slack.reset();
    }
  });
});
