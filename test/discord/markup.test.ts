import { describe, expect, it } from 'vitest';
import { withoutMarkup } from '../../src/discord/markup.js';

describe('discord/markup', () => {
  it('takes mentions, custom emoji, timestamps and command mentions out of a question, and keeps its words', () => {
    expect(withoutMarkup('<@123> <@!456> who bought <#789> Norsat? <@&42>')).toBe('who bought Norsat?');
    expect(withoutMarkup('@everyone when was it signed? @here <a:party:9> <:wave:10>')).toBe('when was it signed?');
    expect(withoutMarkup('see </ask:1234> at <t:1700000000:R> or <t:1700000000>')).toBe('see at or');
  });

  it('keeps text that only looks like markup: an e-mail address, a word after @, angle brackets around words', () => {
    expect(withoutMarkup('who wrote to press@example.com about <the deal>?')).toBe('who wrote to press@example.com about <the deal>?');
    expect(withoutMarkup('what did @everyoneelse say?')).toBe('what did @everyoneelse say?');
  });
});
