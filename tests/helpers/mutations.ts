import { forwardedTicketMessage, messageShortcutPayload, blockActionPayload } from './payloads.js';
import { interactionBody, slashCommandBody } from './slack-request.js';

/** Valid payloads, then broken in the ways the network and attackers break them. */
export function mutatedPayloads(count: number, responseUrl: string): Array<{ body: string; contentType?: string }> {
  const seeds = [
    { body: slashCommandBody({ text: 'Where is my refund??', response_url: responseUrl }) },
    { body: interactionBody(blockActionPayload({ actionId: 'share_guidance', value: '{"type":"angry","confidence":0.8}', responseUrl })) },
    { body: interactionBody(blockActionPayload({ actionId: 'quiz_answer_1', value: '{"q":1,"c":1}', responseUrl })) },
    { body: interactionBody(messageShortcutPayload(forwardedTicketMessage('I am furious about this bill'), { responseUrl })) },
    { body: JSON.stringify({ type: 'event_callback', team_id: 'T1', event: { type: 'message', channel_type: 'im', user: 'U1', text: 'hi', channel: 'D1' } }), contentType: 'application/json' },
  ];
  let state = 12345;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const mutations: Array<(body: string) => string> = [
    (body) => body.slice(0, Math.floor(random() * body.length)),
    (body) => body.replace(/%22/g, '%27'),
    (body) => body.replace(/payload=/, 'payload=%5B'),
    (body) => body.replace(/(%22type%22%3A)%22[a-z_]+%22/, '$1%22no_such_type%22'),
    (body) => body.replace(/(%22actions%22%3A)/, '$1%22x%22%2C%22y%22%3A'),
    (body) => body.replace(/user_id=[^&]*/, '').replace(/%22user%22%3A%7B[^}]*%7D%2C?/, ''),
    (body) => `${body}&text=${'A'.repeat(200_000)}`,
    (body) => body.replace(/text=[^&]*/, `text=${encodeURIComponent('😡'.repeat(5000))}`),
    (body) => body.replace(/(%22value%22%3A)%22/, '$1123%2C%22x%22%3A%22'),
    () => Buffer.from(Array.from({ length: 512 }, () => Math.floor(random() * 256))).toString('latin1'),
    (body) => body.replace(/"type":"event_callback"/, '"type":7').replace(/"event":\{/, '"event":[{'),
  ];
  return Array.from({ length: count }, (_, i) => {
    const seed = seeds[i % seeds.length]!;
    const mutate = mutations[Math.floor(random() * mutations.length)]!;
    return { body: mutate(seed.body), ...(seed.contentType ? { contentType: seed.contentType } : {}) };
  });
}

