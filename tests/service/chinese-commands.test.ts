import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import type { PlaybookSet } from '../../src/playbooks/playbook-set.js';
import { parseCommandText } from '../../src/service/command-text.js';
import { chinesePlaybooksDir } from '../helpers/chinese-playbooks.js';

const fixture = chinesePlaybooksDir();
let playbooks: PlaybookSet;
beforeAll(() => {
  playbooks = loadPlaybooks(fixture.dir).set;
});
afterAll(() => fixture.remove());

describe('subcommands in Chinese', () => {
  it.each([
    ['帮助', 'help'],
    ['说明', 'help'],
    ['？', 'help'],
    ['列表', 'list'],
    ['类型', 'list'],
    ['统计', 'stats'],
    ['统计？', 'stats'],
    ['成绩。', 'stats'],
    ['排行榜', 'leaderboard'],
    ['排行榜！', 'leaderboard'],
    ['纠正', 'corrections'],
    ['\u3000列表\u3000', 'list'],
  ])('%j is %s', (text, kind) => {
    expect(parseCommandText(text, playbooks).kind).toBe(kind);
  });

  it.each([
    ['测验', 'help'],
    ['小测验', 'help'],
    ['测验 现在', 'now'],
    ['测验现在', 'now'],
    ['测验\u3000马上', 'now'],
    ['测验 设置', 'setup'],
    ['测验设置。', 'setup'],
    ['测验 关闭', 'off'],
    ['小测验 停止', 'off'],
  ])('%j is the quiz subcommand %s', (text, action) => {
    expect(parseCommandText(text, playbooks)).toEqual({ kind: 'quiz', action });
  });

  it.each([
    ['language zh', 'zh'],
    ['language en', 'en'],
    ['language auto', 'auto'],
    ['Language Chinese', 'zh'],
    ['lang english', 'en'],
    ['语言 中文', 'zh'],
    ['语言中文', 'zh'],
    ['语言 英文', 'en'],
    ['语言 自动', 'auto'],
    ['语言 繁體中文', 'zh'],
    ['language 中文', 'zh'],
  ])('%j chooses %s', (text, choice) => {
    expect(parseCommandText(text, playbooks)).toEqual({ kind: 'language', choice });
  });

  it('asks which language is in use for `language` alone or with a choice it does not know', () => {
    for (const text of ['language', '语言', 'language klingon', 'language?']) expect(parseCommandText(text, playbooks)).toEqual({ kind: 'language' });
  });

  it('finds type pages by Chinese names and seed 004\'s aliases', () => {
    expect(parseCommandText('愤怒的客户', playbooks)).toMatchObject({ kind: 'playbook', playbook: { id: 'angry' } });
    expect(parseCommandText('坚持不懈的客户', playbooks)).toMatchObject({ kind: 'playbook', playbook: { id: 'well-informed' } });
    expect(parseCommandText('忠实的顾客', playbooks)).toMatchObject({ kind: 'playbook', playbook: { id: 'loyalist' } });
  });

  it('classifies short Chinese messages that only begin like a subcommand', () => {
    for (const text of ['语言不通，客服听不懂我说什么', '测验一下你们的系统是不是坏了', '统计数据一直不对', '退款']) {
      expect(parseCommandText(text, playbooks)).toEqual({ kind: 'classify', text });
    }
  });
});
