import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Classifier } from '../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { typeDefinitions } from '../../src/playbooks/training.js';
import { ClassifierHost } from '../../src/service/classifier-host.js';
import { bootApp, type BootedApp } from '../helpers/boot.js';
import { commandReply } from '../helpers/command.js';

/** The bot listens before it has learned the customer types: what Slack and an agent see meanwhile. */
let booted: BootedApp;
const host = new ClassifierHost();
const trained = Classifier.train(typeDefinitions(loadPlaybooks().set.all));
beforeAll(async () => {
  booted = await bootApp({ classifier: host });
});
afterAll(async () => {
  await booted.stop();
});

const ANGRY = 'This is the third time I am asking for my refund. Ridiculous!!!';

describe('while the classifier is still learning', () => {
  it('says so on /healthz, with the reason', async () => {
    const res = await fetch(`${booted.baseUrl}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ ok: false, reason: 'learning the customer types' });
  });

  it('answers help at once', async () => {
    const { body, ackMs } = await commandReply(booted, 'help');
    expect(body.blocks[0].type).toBe('header');
    expect(ackMs).toBeLessThan(1000);
  });

  it('tells an agent who asks for a classification to try again in a few seconds, inside the ack', async () => {
    const { body } = await commandReply(booted, ANGRY);
    expect(body.text).toBe('customertype has just started and is still learning the customer types. Try again in a few seconds.');
  });

  it('answers a classification that arrives while learning ends, once the classifier is in', async () => {
    const pending = commandReply(booted, ANGRY);
    setTimeout(() => host.set(trained), 200);
    const { body } = await pending;
    expect(body.blocks[0].text.text).toMatch(/^The Angry Customer /);
    const res = await fetch(`${booted.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});
