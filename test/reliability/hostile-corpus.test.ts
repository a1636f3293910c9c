/**
 * Documents are input too: a corpus full of mentions, markdown, code fences, bidi controls and
 * huge paragraphs must render as safely as a hostile question, in every message that quotes it.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startBot, type Bot } from '../../src/discord/bot.js';
import { moreId, paragraphId } from '../../src/discord/refs.js';
import { Engine } from '../../src/engine.js';
import { createLogger } from '../../src/log.js';
import { renderAnswer, renderHelp, renderPassage, renderSources } from '../../src/render/discord.js';
import { FakeDiscord } from '../fake-discord/server.js';
import { TOKEN, stringOption } from '../harness.js';
import { FRAGMENTS, expectSafeBody, expectWithinLimits, strayMarkup } from './hostile.js';

const MARKUP = '**Breaking** __news__ ~~old~~ ||spoiler|| `code` [click](https://evil.example) [free nitro](https://evil.example)';
const MENTIONS = '@everyone @here <@123456789012345678> <@&123456789012345678> <#123456789012345678>';

/** Three hostile documents: markdown and mentions everywhere, a never-closed code fence, huge paragraphs, bidi text. */
const FILES: Record<string, string> = {
  'evil.md': [
    `# ${MENTIONS} ${MARKUP}`,
    `Hytera bought Norsat, ${MENTIONS} said. ${MARKUP}.`,
    '```js\nconsole.log("a fence that never closes"); @everyone',
    '> a block quote\n>>> a multi-line quote\n-# subtext\n- a list\n1. numbered',
    `Norsat was sold ____ for **** money \`\`\`\` ${'| '.repeat(10)} https://evil.example/_a_*b*.`,
  ].join('\n\n'),
  'huge.txt': [
    `Huge ${MENTIONS}`,
    Array.from({ length: 350 }, (_, i) => `Sentence ${i} mentions @everyone and **Norsat** with [a link](https://evil.example/${i}).`).join(' '),
    `Norsat${'_'.repeat(4000)}${'x'.repeat(6000)}`,
    // Without NUL, which makes the loader refuse the file as binary.
    Array.from({ length: 150 }, () => FRAGMENTS.filter((f) => f !== '\u0000').join(' ')).join(' '),
  ].join('\n\n'),
  'rtl.txt': [
    '\u202eNorsat \u2066مرحبا\u2069 שלום\u200f',
    'هواوي اشترت Norsat \u202e@everyone\u202c \u200b\u200d\ufeff done. Control \u0007\u001b[31m\u0085 characters.',
  ].join('\n\n'),
};

let engine: Engine;

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'newsbot-hostile-'));
  for (const [name, text] of Object.entries(FILES)) await writeFile(join(dir, name), text);
  engine = await Engine.load({ corpus: dir, cacheDir: false });
});

describe('Discord rendering of a hostile corpus', () => {
  it('shows every paragraph of every document as one quote line and its citation, within the limits, with no stray markdown', () => {
    let shown = 0;
    for (const document of engine.documents()) {
      for (let number = 1; number <= document.paragraphs; number++) {
        const message = renderPassage(engine.passage(number, document.id));
        expectWithinLimits(message);
        expect(message.content.split('\n')).toHaveLength(2);
        expect(strayMarkup(message.content)).toEqual([]);
        shown++;
      }
    }
    expect(shown).toBeGreaterThanOrEqual(9);
  });

  it('lists the documents one line each, and keeps the help text within the limits', () => {
    const sources = renderSources(engine.documents());
    expectWithinLimits(sources);
    expect(sources.content.split('\n')).toHaveLength(engine.documents().length + 1);

    const help = renderHelp(engine.suggestQuestions(2), engine.documents()[0]?.title ?? '');
    expectWithinLimits(help);
    // Example questions come from the documents; each stays on its own line inside its code span.
    for (const line of help.content.split('\n').filter((l) => l.startsWith('`/ask question: '))) expect(line).toMatch(/^`\/ask question: [^`]*`$/);
  });

  it('answers questions about the hostile text within the limits, with no stray markdown', () => {
    const words = Object.values(FILES).join(' ').split(/\s+/).filter((w) => w.length > 0 && w.length < 40);
    let quoted = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 8 }), fc.constantFrom('who ', 'what ', 'when ', ''), (picked, lead) => {
        const answer = engine.ask(`${lead}${picked.join(' ')}?`);
        const message = renderAnswer(answer, { more: moreId(answer.quotes.slice(1)), paragraph: paragraphId(answer.quotes[0]) });
        expectWithinLimits(message);
        expect(strayMarkup(message.content)).toEqual([]);
        if (answer.quotes.length > 0) quoted++;
      }),
      { numRuns: 100 },
    );
    // Most questions land on hostile sentences, so the quotes themselves were put to the test.
    expect(quoted).toBeGreaterThan(50);
  });
});

describe('bot over a hostile corpus, through the fake Discord', () => {
  let fake: FakeDiscord;
  let bot: Bot;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ botToken: TOKEN });
    const config = loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.restUrl, ASK_COOLDOWN_SECONDS: '0' });
    bot = await startBot({ config, engine, logger: createLogger({ level: 'silent' }) });
  });

  afterAll(async () => {
    await bot.stop();
    await fake.stop();
  });

  it('sends only safe messages for answers, paragraphs, sources, help and both buttons', async () => {
    const sent = [
      fake.sendCommand({ name: 'ask', options: [stringOption('question', 'who bought Norsat?')] }),
      fake.sendCommand({ name: 'ask', options: [stringOption('question', 'what did @everyone say about the spoiler?')] }),
      fake.sendCommand({ name: 'search', options: [stringOption('query', 'Norsat everyone link')] }),
      fake.sendCommand({ name: 'sources' }),
      fake.sendCommand({ name: 'help' }),
      ...engine.documents().flatMap((document) =>
        Array.from({ length: document.paragraphs }, (_, i) =>
          fake.sendCommand({ name: 'passage', options: [{ name: 'number', type: 4, value: i + 1 }, stringOption('document', document.id)] })),
      ),
    ];
    const first = await (await sent[0])?.waitForAnswer();
    const buttons = (first?.messages[0]?.body.components ?? []) as Array<{ components: Array<{ custom_id: string }> }>;
    const clicks = (buttons[0]?.components ?? []).map((button) => fake.sendComponent({ customId: button.custom_id }));
    expect(clicks.length).toBeGreaterThan(0);

    for (const interaction of await Promise.all([...sent, ...clicks])) {
      const answer = await interaction.waitForAnswer();
      expect(interaction.allRequests().every((request) => request.status < 300)).toBe(true);
      for (const message of answer.messages) expectSafeBody(message.body);
    }
  });
});
