import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECT_ACTION } from '../../src/slack/blocks/guidance.js';
import { EXAMPLE_REMOVE_ACTION, TEACH_ACTION, TEACHING_OFF_ACTION } from '../../src/slack/blocks/teaching.js';
import { readFileSync } from 'node:fs';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { allText } from '../helpers/block-text.js';
import { blockActionPayload } from '../helpers/payloads.js';
import { interactionBody, slashCommandBody } from '../helpers/slack-request.js';

let booted: BootedApp;
beforeAll(async () => {
  booted = await bootApp({ env: { LEADS: 'U0LEAD' } });
});
afterAll(async () => {
  await booted.stop();
});

const MESSAGE = 'Our invoice shows 12 seats but we only have 9 users on the plan, can you prorate the difference? Reply to ops@acme.example.com';
const SAME_KIND = 'Our invoice shows 15 seats but we only have 11 users on the plan, can you prorate the difference?';
const TAUGHT = 'decision-maker';
const OTHER_TEAM = 'T0OTHER';

let counter = 0;
const nextId = (name: string) => `${name}-${(counter += 1)}`;

/** `/customertype <text>` in a workspace: the type it answered and the guidance's actions. */
async function classify(text: string, teamId = 'T0FAKE', user = 'U0AGENT') {
  const res = await booted.post(slashCommandBody({ text, team_id: teamId, user_id: user, response_url: booted.slack.responseUrl(nextId('answer')) }));
  const reply = (await res.json()) as any;
  const actions = reply.blocks.find((block: any) => block.type === 'actions');
  const select = actions?.elements.find((element: any) => element.action_id === CORRECT_ACTION);
  const shown = select ? JSON.parse(select.options[0].value).t : null;
  return { type: shown as string | null, select };
}

async function interact(payload: Record<string, unknown>, id: string) {
  const res = await booted.post(interactionBody(payload));
  expect(res.status).toBe(200);
  return (await booted.slack.responseTo(id)).body;
}

/** Picks `typeId` in "Not right?" and returns the reply. */
async function correct(select: any, typeId: string, userId = 'U0AGENT', teamId?: string) {
  const option = select.options.find((o: any) => JSON.parse(o.value).x === typeId);
  const id = nextId('fix');
  return interact(blockActionPayload({ actionId: CORRECT_ACTION, selectedValue: option.value, responseUrl: booted.slack.responseUrl(id), userId, teamId }), id);
}

async function tick(reply: any, userId = 'U0AGENT', teamId?: string) {
  const box = reply.blocks.find((block: any) => block.type === 'actions').elements[0];
  expect(box.action_id).toBe(TEACH_ACTION);
  const id = nextId('tick');
  const payload = blockActionPayload({ actionId: TEACH_ACTION, responseUrl: booted.slack.responseUrl(id), userId, teamId });
  payload.actions = [{ type: 'checkboxes', action_id: TEACH_ACTION, block_id: 'teach', selected_options: [box.options[0]], action_ts: '1700000000.2' }];
  return interact(payload, id);
}

async function button(actionId: string, value: string, userId = 'U0LEAD') {
  const id = nextId('button');
  return interact(blockActionPayload({ actionId, value, responseUrl: booted.slack.responseUrl(id), userId }), id);
}

async function lead(text: string, user = 'U0LEAD') {
  const res = await booted.post(slashCommandBody({ text, user_id: user, response_url: booted.slack.responseUrl(nextId('lead')) }));
  return (await res.json()) as any;
}

/** Classifies until the answer is `type` (retraining runs in a child process), or fails after `timeoutMs`. */
async function eventually(text: string, type: string, teamId = 'T0FAKE', timeoutMs = 30_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    if ((await classify(text, teamId)).type === type) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`"${text}" never came out ${type} in ${teamId}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const rows = (teamId = 'T0FAKE') => booted.db.prepare('SELECT * FROM team_examples WHERE team_id = ?').all(teamId) as any[];

describe('teaching customertype with a message', () => {
  it('keeps nothing of the text without the tick', async () => {
    const { type, select } = await classify(MESSAGE);
    expect(type).not.toBe(TAUGHT);
    const reply = await correct(select, TAUGHT);
    expect(allText(reply.blocks).join('\n')).toContain('Teach customertype with this message');
    expect(rows()).toEqual([]);
    const dump = JSON.stringify(booted.db.prepare("SELECT * FROM classifications").all()) + JSON.stringify(booted.db.prepare('SELECT * FROM corrections').all());
    expect(dump).not.toContain('prorate');
  });

  it('ticked: keeps the redacted text and, seconds later, answers it (and one like it) as taught in that workspace only', async () => {
    const before = await classify(SAME_KIND);
    const { select } = await classify(MESSAGE);
    const reply = await tick(await correct(select, TAUGHT));
    expect(reply.replace_original).toBe(true);
    expect(reply.text).toContain('learning this message as *The Decision Maker*');
    const [row] = rows();
    expect(row).toMatchObject({ team_id: 'T0FAKE', type_id: TAUGHT, taught_by: 'U0AGENT', language: 'en' });
    expect(row.text).toContain('[email]');
    expect(row.text).not.toContain('acme');

    const ms = await eventually(MESSAGE, TAUGHT);
    expect(ms).toBeLessThan(30_000);
    expect((await classify(SAME_KIND)).type).toBe(TAUGHT);
    expect(before.type).not.toBe(TAUGHT);
    // Another workspace still answers with the built-in model.
    expect((await classify(MESSAGE, OTHER_TEAM)).type).not.toBe(TAUGHT);
    expect(booted.logs.join('\n')).toMatch(/Learned workspace T0FAKE's model with 1 team example/);
    expect(booted.logs.join('\n')).not.toContain('prorate');
  }, 60_000);

  it('a second tick on the same message keeps nothing more', async () => {
    const { select } = await classify('Please stop charging us for seats we removed last week, we were billed for 20 seats', 'T0FAKE');
    const offer = await correct(select, TAUGHT);
    await tick(offer);
    const again = await tick(offer);
    expect(again.text).toContain('no longer held');
    expect(rows()).toHaveLength(2);
  });

  it('lists team examples for leads only, with who taught them, and removes one (which retrains)', async () => {
    const refused = await lead('examples', 'U0AGENT');
    expect(allText(refused.blocks).join('\n')).toContain('only your support leads');

    const list = await lead('例句');
    const text = allText(list.blocks).join('\n');
    expect(text).toContain('Team examples');
    expect(text).toContain('<@U0AGENT>');
    expect(text).toContain('[email]');
    const removes = list.blocks.filter((block: any) => block.accessory?.action_id === EXAMPLE_REMOVE_ACTION);
    expect(removes).toHaveLength(2);
    expect(list.blocks.length).toBeLessThanOrEqual(50);

    const first = rows().find((row) => row.text.includes('prorate'));
    const notLead = await button(EXAMPLE_REMOVE_ACTION, String(first.id), 'U0AGENT');
    expect(allText(notLead.blocks).join('\n')).toContain('only your support leads');
    expect(rows()).toHaveLength(2);

    const after = await button(EXAMPLE_REMOVE_ACTION, String(first.id));
    expect(after.replace_original).toBe(true);
    expect(allText(after.blocks).join('\n')).toContain('Removed');
    expect(rows()).toHaveLength(1);
    await eventually(MESSAGE, (await classify(MESSAGE, OTHER_TEAM)).type!);
  }, 60_000);

  it('a flood of wrong teachings by many agents leaves the built-in answer for the type standing', async () => {
    // Ten agents each teach three of the angry type's own examples as loyalist: 30 wrong teachings.
    const flood = 'T0FLOOD';
    const angry = loadPlaybooks().set.get('angry')!.examples.slice(0, 30);
    expect(angry).toHaveLength(30);
    for (const [index, example] of angry.entries()) {
      const agent = `U0FLOOD${Math.floor(index / 3)}`;
      const { select } = await classify(example.text, flood, agent);
      const reply = await correct(select, 'loyalist', agent, flood);
      expect((await tick(reply, agent, flood)).text).toContain('learning this message');
    }
    expect(rows(flood)).toHaveLength(30);
    const learned = Date.now();
    while (!booted.logs.join('\n').includes(`Learned workspace ${flood}'s model with 30 team example(s)`)) {
      if (Date.now() - learned > 30_000) throw new Error('the flooded workspace was never retrained');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // The answer for the type holds: all but a borderline few of its built-in examples, taught or not,
    // keep their answer (without the rule, the taught ones would turn loyalist)...
    const examples = loadPlaybooks().set.get('angry')!.examples;
    const moved: string[] = [];
    for (const { text } of examples) {
      const builtIn = (await classify(text, OTHER_TEAM)).type;
      const flooded = (await classify(text, flood)).type;
      if (flooded !== builtIn) moved.push(`${builtIn} → ${flooded}: ${text}`);
    }
    expect(moved.length, moved.join('\n')).toBeLessThanOrEqual(Math.floor(examples.length * 0.02));
    // ...and no angry message it never saw is answered as the type the flood taught.
    const heldOutAngry = readFileSync('eval/heldout.jsonl', 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as { text: string; expect: string })
      .filter((row) => row.expect === 'angry');
    expect(heldOutAngry.length).toBeGreaterThanOrEqual(5);
    for (const { text } of heldOutAngry) expect({ text, type: (await classify(text, flood)).type }).not.toEqual({ text, type: 'loyalist' });
  }, 90_000);

  it('switched off: deletes every example, goes back to the built-in model and offers no tick', async () => {
    const off = await button(TEACHING_OFF_ACTION, 'off');
    expect(allText(off.blocks).join('\n')).toContain('Teaching is off');
    expect(off.blocks.at(-1).elements[0].action_id).toBe('teaching_on');
    expect(rows()).toEqual([]);
    const { select } = await classify(MESSAGE);
    const reply = await correct(select, TAUGHT);
    expect(reply.blocks).toBeUndefined();
    expect(JSON.parse(select.options[0].value).k).toBeUndefined();
  });
});
