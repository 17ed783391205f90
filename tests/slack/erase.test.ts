import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORRECT_ACTION } from '../../src/slack/blocks/guidance.js';
import { ERASE_ACTION } from '../../src/slack/blocks/erase.js';
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

let counter = 0;
const nextId = () => `erase-${(counter += 1)}`;

async function command(text: string, user: string, teamId = 'T0FAKE') {
  const res = await booted.post(slashCommandBody({ text, user_id: user, team_id: teamId, response_url: booted.slack.responseUrl(nextId()) }));
  expect(res.status).toBe(200);
  return (await res.json()) as any;
}

async function click(actionId: string, user: string, extra: { selectedValue?: string; value?: string } = {}) {
  const id = nextId();
  const res = await booted.post(interactionBody(blockActionPayload({ actionId, userId: user, responseUrl: booted.slack.responseUrl(id), ...extra })));
  expect(res.status).toBe(200);
  return (await booted.slack.responseTo(id)).body;
}

const count = (table: string, teamId: string) => (booted.db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE team_id = ?`).get(teamId) as { n: number }).n;

describe('/customertype delete-data', () => {
  it('a lead deletes everything kept for the workspace after confirming; other workspaces keep theirs', async () => {
    const answer = await command('Where is my refund?! Third time I ask, this is a joke.', 'U0AGENT');
    await command('Where is my refund? I asked twice already.', 'U0AGENT', 'T0OTHER');
    const select = answer.blocks.find((block: any) => block.type === 'actions').elements.find((element: any) => element.action_id === CORRECT_ACTION);
    await click(CORRECT_ACTION, 'U0AGENT', { selectedValue: select.options[1].value });
    expect(count('classifications', 'T0FAKE')).toBeGreaterThan(0);
    expect(count('corrections', 'T0FAKE')).toBe(1);

    const refused = await command('delete-data', 'U0AGENT');
    expect(allText(refused.blocks).join('\n')).toContain('only your support leads');
    expect(JSON.stringify(refused.blocks)).not.toContain(ERASE_ACTION);

    const offer = await command('删除数据', 'U0LEAD');
    const button = offer.blocks.find((block: any) => block.type === 'actions').elements[0];
    expect(button).toMatchObject({ action_id: ERASE_ACTION, style: 'danger', confirm: { style: 'danger' } });
    expect(allText(offer.blocks).join('\n')).toContain('team example');

    // A button forwarded to someone else deletes nothing.
    const notLead = await click(ERASE_ACTION, 'U0AGENT', { value: 'erase' });
    expect(notLead.text).toContain('only your support leads');
    expect(count('classifications', 'T0FAKE')).toBeGreaterThan(0);

    const done = await click(ERASE_ACTION, 'U0LEAD', { value: 'erase' });
    expect(done.replace_original).toBe(true);
    expect(done.text).toContain('everything customertype kept for this workspace is deleted');
    expect(count('classifications', 'T0FAKE')).toBe(0);
    expect(count('corrections', 'T0FAKE')).toBe(0);
    expect(count('classifications', 'T0OTHER')).toBe(1);
    expect(booted.logs.join('\n')).toContain('Deleted the data of workspace T0FAKE at the request of lead U0LEAD');

    // It keeps answering.
    const after = await command('Where is my refund?! Third time I ask, this is a joke.', 'U0AGENT');
    expect(after.blocks.length).toBeGreaterThan(1);
  });
});
