import { beforeAll, describe, expect, it } from 'vitest';
import { Classifier, type Classification } from '../../src/classifier/classifier.js';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-set.js';
import { typeDefinitions } from '../../src/playbooks/training.js';

let playbooks: PlaybookSet;
let classifier: Classifier;
beforeAll(() => {
  playbooks = loadPlaybooks().set;
  classifier = Classifier.train(typeDefinitions(playbooks.all));
});

const scoreOf = (result: Classification, type: string) => result.ranked.find((entry) => entry.type === type)!.score;

describe('classify: answers', () => {
  it('ranks every type, best first, with scores that sum to 1', () => {
    const result = classifier.classify('I have asked three times for my refund and nobody answers. This is ridiculous!');
    expect(result.ranked.map((entry) => entry.type).sort()).toEqual([...playbooks.ids].sort());
    for (let i = 1; i < result.ranked.length; i += 1) expect(result.ranked[i - 1]!.score).toBeGreaterThanOrEqual(result.ranked[i]!.score);
    expect(result.ranked.reduce((sum, entry) => sum + entry.score, 0)).toBeCloseTo(1, 6);
    expect(result.type).toBe('angry');
    expect(result.confidence).toBe(result.ranked[0]!.score);
    expect(result.cues).toContain('"ridiculous"');
  });

  it('gives each type its own examples back, mostly', () => {
    for (const playbook of playbooks.all) {
      const right = playbook.examples.filter((example) => classifier.classify(example.text).type === playbook.id).length;
      expect(right / playbook.examples.length, playbook.id).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('is deterministic: the same playbooks train the same model', () => {
    const again = Classifier.train(typeDefinitions(playbooks.all));
    for (const text of ['Is there a coupon for first orders?', 'I am so confused by this invoice', 'asdf']) {
      expect(again.classify(text)).toEqual(classifier.classify(text));
    }
  });
});

describe('classify: quirks of real messages', () => {
  it('reads negation: "not angry, just confused" is confused, and "angry" is not a cue', () => {
    const result = classifier.classify("I'm not angry, just confused. What does this second charge on my bill mean?");
    expect(result.type).toBe('confused');
    expect(result.cues.join(' ')).not.toMatch(/\bangry\b/);
  });

  it('does not let a "not" cancel swearing: "I can\'t fucking log in" is still angry', () => {
    const result = classifier.classify("I can't fucking log in and I don't want any more of this shit.");
    expect(result.type).toBe('angry');
    expect(result.cues.join(' ')).toMatch(/fucking/);
  });

  it('lets a swear word in a plain request outweigh its topic: the customer asking is angry', () => {
    const requests = [
      ['i want to return this shitty blender', 'i want to return this blender'],
      ['need the invoice for my last order, the stupid portal will not let me download it', 'need the invoice for my last order, the portal will not let me download it'],
    ] as const;
    for (const [sworn, calm] of requests) {
      expect(classifier.classify(sworn).type, sworn).toBe('angry');
      expect(classifier.classify(calm).type, calm).not.toBe('angry');
    }
  });

  it("reads surprise and praise as such: a cue inside one of its type's not-cues does not count", () => {
    for (const text of ['Holy shit, you fixed it already? Thank you!', 'fucking love the new dashboard, great work']) {
      const result = classifier.classify(text);
      expect(result.type, text).not.toBe('angry');
      expect(result.secondary?.type, text).not.toBe('angry');
    }
    // Only the words inside the phrase are voided: anger elsewhere in the message still counts.
    expect(classifier.classify('Holy shit, this is the worst service I have ever had.').type).toBe('angry');
  });

  it("reads whose feeling it is: someone else's anger is no sign of the writer's", () => {
    for (const text of ['My dad was furious when he saw the bill, I just laughed.', 'She got so mad at the board game that she flipped the table.']) {
      const result = classifier.classify(text);
      expect(result.type, text).not.toBe('angry');
      expect(result.cues.join(' '), text).not.toMatch(/furious|mad/);
    }
    for (const text of ['My dad laughed, but I was furious when I saw the bill.', 'You people make me so mad.']) {
      expect(classifier.classify(text).type, text).toBe('angry');
    }
  });

  it('calls no one angry without a sign of anger, however much the story sounds like a complaint', () => {
    const calm = 'Thank you to the librarian who helped my son find every book about trains they had, he left so happy.';
    expect(classifier.classify(calm).type).not.toBe('angry');
    // The same words with anger in them do make it.
    expect(classifier.classify(`${calm} Then your app deleted the list. Absolutely furious.`).type).toBe('angry');
  });

  it('holds a type that needs a cue down without one, to the benefit of the others, and names it with one', () => {
    const types = [
      { id: 'angry', needs_cue: true, cues: ['furious'], examples: [{ text: 'he told me they said it again' }, { text: 'they said he told me' }] },
      { id: 'chatty', cues: ['lovely'], examples: [{ text: 'what lovely weather we had' }, { text: 'my cat says hello' }] },
    ];
    const gated = Classifier.train(types, { minConfidence: 0 });
    const ungated = Classifier.train(
      types.map((type) => ({ ...type, needs_cue: false })),
      { minConfidence: 0 },
    );
    const story = 'they said he told me the weather was nice';
    expect(scoreOf(ungated.classify(story), 'angry')).toBeGreaterThan(0.5);
    expect(scoreOf(gated.classify(story), 'angry')).toBeLessThan(scoreOf(ungated.classify(story), 'angry'));
    expect(scoreOf(gated.classify(story), 'chatty')).toBeGreaterThan(scoreOf(ungated.classify(story), 'chatty'));
    expect(gated.classify(`${story} and I am furious`).type).toBe('angry');
  });

  it('reads intensity: capitals and "!!!" push towards anger', () => {
    const calm = classifier.classify('my order has not arrived and nobody has replied to my emails');
    const loud = classifier.classify('MY ORDER HAS NOT ARRIVED AND NOBODY HAS REPLIED TO MY EMAILS!!!');
    expect(scoreOf(loud, 'angry')).toBeGreaterThan(scoreOf(calm, 'angry'));
    const shouted = classifier.classify('YOUR SERVICE IS GARBAGE AND I WANT MY MONEY BACK!!!');
    expect(shouted.type).toBe('angry');
    expect(shouted.cues).toContain('ALL CAPS');
  });

  it('reads "???" as a question that matters', () => {
    const plain = classifier.classify('what does this fee mean');
    const puzzled = classifier.classify('what does this fee mean???');
    expect(scoreOf(puzzled, 'confused')).toBeGreaterThanOrEqual(scoreOf(plain, 'confused'));
  });

  it('ignores Slack markup in pasted text: mentions vanish, links keep their label, entities decode', () => {
    const result = classifier.classify('<!channel> <@U012ABC> this is <https://example.com/t/1|absolutely ridiculous> &amp; UNACCEPTABLE &lt;3');
    expect(result.type).toBe('angry');
    expect(result.cues.join(' ')).not.toMatch(/U012ABC|channel|https/);
  });

  it('weighs quoted email history less than what the customer just wrote', () => {
    const text = [
      "Sorry, I'm confused. Which of the two plans am I actually on now? The app and the invoice say different things.",
      '',
      'On Mon, 3 Mar 2025 at 09:12, Support <help@example.com> wrote:',
      '> This is UNACCEPTABLE. Worst service ever, I am furious!!!',
      '> Fix it NOW.',
    ].join('\n');
    expect(classifier.classify(text).type).toBe('confused');
  });

  it('is not swayed by greetings and signatures', () => {
    const body = 'Do you have any discount codes or a cheaper plan? The price is a bit steep for us.';
    const signed = `Hi team,\n\n${body}\n\nBest regards,\nJordan Lee\nHead of Operations, Example Ltd\nSent from my iPhone`;
    expect(classifier.classify(signed).type).toBe(classifier.classify(body).type);
    expect(classifier.classify(signed).type).toBe('bargain-hunter');
  });

  it('names a second type when a message clearly shows two', () => {
    const result = classifier.classify(
      "I've been a loyal customer for twelve years and I have never been treated this badly. I am furious, this is absolutely unacceptable!!!",
    );
    expect(['angry', 'loyalist']).toContain(result.type);
    expect(result.secondary?.type).toBe(result.type === 'angry' ? 'loyalist' : 'angry');
  });
});

describe('classify: abstains instead of guessing', () => {
  it.each([
    ['empty', '', 'empty'],
    ['whitespace', ' \n\t  ', 'empty'],
    ['a URL alone', 'https://example.com/orders/12345?ref=abc', 'empty'],
    ['"ok"', 'ok', 'no-signal'],
    ['keyboard mashing', 'asdf', 'no-signal'],
    ['a number alone', '123', 'no-signal'],
    ['an order number alone', '#48213-77', 'no-signal'],
    ['emoji only', '😀😀🎉🎉👍', 'emoji'],
    ['angry emoji only', '😡😡😡🙄', 'emoji'],
    ['Slack emoji shortcodes only', ':rage: :rage: :face_with_rolling_eyes:', 'emoji'],
    ['emoji with skin tones, flags and punctuation', '👍🏽🇬🇧!!! 👨‍👩‍👧 ...', 'emoji'],
    ['a Java stack trace', 'java.lang.NullPointerException: x\n\tat com.acme.Foo.bar(Foo.java:42)\n\tat com.acme.Main.main(Main.java:7)', 'code'],
    ['a Python traceback', 'Traceback (most recent call last):\n  File "app.py", line 3, in <module>\nValueError: bad', 'code'],
    ['Japanese', '注文した商品が三週間たってもまだ届きません。確認してください。', 'language'],
    ['Russian', 'Здравствуйте, мой заказ не пришёл уже три недели, проверьте пожалуйста.', 'language'],
    ['在吗 (a shop-chat opener)', '在吗', 'no-signal'],
    ['你好', '你好', 'no-signal'],
    ['亲', '亲', 'no-signal'],
    ['好的', '好的', 'no-signal'],
    ['嗯嗯', '嗯嗯', 'no-signal'],
    ['a full-width question mark alone', '？', 'no-signal'],
    ['在吗 with a greeting', '亲，在吗？你好', 'no-signal'],
    ['Spanish', 'Hola, quiero cancelar mi pedido porque llegó tarde y está roto, gracias', 'language'],
    ['binary', String.fromCharCode(...Array.from({ length: 400 }, (_, i) => (i * 7) % 32)), 'binary'],
  ])('%s', (_name, text, reason) => {
    const result = classifier.classify(text);
    expect(result.type).toBeNull();
    expect(result.abstain?.reason).toBe(reason);
    expect(result.abstain?.message.length).toBeGreaterThan(10);
    expect(result.ranked).toHaveLength(playbooks.ids.length);
    expect(result.cues).toEqual([]);
  });

  it('does not throw on input that is not a string', () => {
    for (const input of [undefined, null, 42, {}, ['text']]) expect(classifier.classify(input).abstain?.reason).toBe('empty');
  });

  it('reads only the first 4,000 characters of a 100 KB message and says so', () => {
    const huge = `${'I want a refund NOW, this is ridiculous! '.repeat(2600)}`;
    expect(huge.length).toBeGreaterThan(100_000);
    const result = classifier.classify(huge);
    expect(result.truncated).toBe(true);
    expect(result.type).toBe('angry');
  });

  // A pattern that backtracks on "@"s once took 11 s here and stalled every other request.
  it.each([
    ['4,000 × "@"', '@'.repeat(4000)],
    ['2,000 × "x@"', 'x@'.repeat(2000)],
  ])('answers %s at once, abstaining', (_name, text) => {
    const started = performance.now();
    const result = classifier.classify(text);
    expect(performance.now() - started).toBeLessThan(250);
    expect(result.type).toBeNull();
    expect(result.abstain?.message.length).toBeGreaterThan(10);
  });

  it('survives control characters and lone surrogate halves', () => {
    const text = `Where\u0000 is my\u0007 refund\uD800?? I've waited\uDFFF three weeks\u001B and nobody answers!`;
    const result = classifier.classify(text);
    expect(result.type).not.toBeNull();
    expect(JSON.stringify(result)).not.toMatch(/\\u0000|\\ud800|\\udfff/i);
  });
});
