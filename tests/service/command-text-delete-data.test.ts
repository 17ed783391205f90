import { describe, expect, it } from 'vitest';
import { loadPlaybooks } from '../../src/playbooks/load.js';
import { parseCommandText } from '../../src/service/command-text.js';

const playbooks = loadPlaybooks().set;

describe('/customertype delete-data', () => {
  it.each(['delete-data', 'DELETE-DATA', '删除数据', '删除数据。'])('%s asks to delete the workspace data', (text) => {
    expect(parseCommandText(text, playbooks)).toEqual({ kind: 'delete-data' });
  });

  it('a customer asking to delete their data is a message to classify, not the command', () => {
    expect(parseCommandText('please delete my data and close my account', playbooks).kind).toBe('classify');
    expect(parseCommandText('请删除我的数据，注销账号', playbooks).kind).toBe('classify');
  });
});
