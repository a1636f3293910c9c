/**
 * Thousands of hostile questions through the engine and the Discord rendering: none throws, every
 * message fits Discord's limits, none can ping anyone, and no user text turns into markdown.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { moreId, paragraphId } from '../../src/discord/refs.js';
import { replyOptions } from '../../src/discord/reply.js';
import { Engine } from '../../src/engine.js';
import { renderAnswer, renderQuotes, renderSearch } from '../../src/render/discord.js';
import { anyQuestion, expectWithinLimits, strayMarkup } from './hostile.js';

let engine: Engine;

beforeAll(async () => {
  engine = await Engine.load();
});

describe('engine and Discord rendering under hostile questions', () => {
  it('answers any question with a message within the limits, pinging no one, with no stray markdown', () => {
    fc.assert(
      fc.property(anyQuestion, (question) => {
        const answer = engine.ask(question);
        const message = renderAnswer(answer, { more: moreId(answer.quotes.slice(1)), paragraph: paragraphId(answer.quotes[0]) });
        expectWithinLimits(message);
        expect(strayMarkup(message.content)).toEqual([]);
        // The question, the short answer or reason, maybe "Closest passage", the quote, its citation: user text adds no line.
        expect(message.content.split('\n').length).toBeLessThanOrEqual(5);

        const options = replyOptions(message, question.length % 2 === 0);
        expect(options.allowedMentions).toEqual({ parse: [], repliedUser: false });
        // As discord.js will send them: builders serialise through toJSON.
        const rows = JSON.parse(JSON.stringify(options.components ?? [])) as Array<{ components: Array<{ custom_id: string; label: string }> }>;
        for (const button of rows.flatMap((row) => row.components)) {
          expect(button.custom_id.length).toBeLessThanOrEqual(100);
          expect(button.label.length).toBeLessThanOrEqual(80);
        }
      }),
      { numRuns: 2500 },
    );
  });

  it('renders search results and further quotes for any query within the limits, with no stray markdown', () => {
    fc.assert(
      fc.property(anyQuestion, (query) => {
        const quotes = engine.search(query, 5);
        for (const message of [renderSearch(query, quotes), renderQuotes(quotes, '**More passages:**')]) {
          if (message.content === '**More passages:**') continue;
          expectWithinLimits(message);
          expect(strayMarkup(message.content)).toEqual([]);
        }
      }),
      { numRuns: 800 },
    );
  });
});
