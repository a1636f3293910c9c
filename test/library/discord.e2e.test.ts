/**
 * `/library` and per-server libraries end to end: the bot started by `main` (the `npm start` path)
 * with the real discord.js client against the fake Discord, two (and more) servers, and a web server
 * on 127.0.0.1 serving the articles and attachments (hence ALLOW_PRIVATE_URLS=true).
 */
import diagnostics from 'node:diagnostics_channel';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { snapshotFile } from '../../src/index/cache.js';
import { loadCorpus } from '../../src/ingest/load.js';
import type { CommandOptionInput, FakeDiscord } from '../fake-discord/server.js';
import { startRunning, type Running } from '../harness.js';
import { ArticleServer } from '../ingest/article-server.js';
import { smokeShortAnswer } from '../smoke.js';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../ingest/fixtures/article.html');
const GUILD_A = '1300000000000000901';
const GUILD_B = '1300000000000000902';
const GUILD_C = '1300000000000000903';
const GUILD_D = '1300000000000000904';
const GUILD_E = '1300000000000000905';
const GUILD_F = '1300000000000000906';
const SOLAR_ID = 'harbour-city-opens-floating-solar-farm';

let fake: FakeDiscord;
let web: ArticleServer;
let running: Running | undefined;
let dataDir: string;

beforeAll(async () => {
  web = await ArticleServer.start();
  web.page('/news/solar', { body: await readFile(FIXTURE, 'utf8') });
  web.page('/ferry.txt', { body: 'Council keeps the night ferry\n\nThe council voted on Thursday to keep the night ferry running through the winter.', type: 'text/plain' });
  web.page('/budget.md', { body: '# Budget grows\n\nThe city budget grows by 4 percent next year, the mayor said.', type: 'text/markdown' });
  web.page('/plans.md', { body: '# Cloudbox plans\n\n| Plan | Monthly price | Storage |\n|---|---|---|\n| Basic | $5 | 50 GB |\n| Team | $30 | 5 TB |', type: 'text/markdown' });
  web.page('/uploads/tram.md', { body: '# Tram line opens\n\nThe new tram line carries 12,000 riders on its first day.', type: 'application/octet-stream' });
  dataDir = await mkdtemp(join(tmpdir(), 'newsbot-data-'));
  running = await startRunning({
    fake: { guilds: [GUILD_A, GUILD_B, GUILD_C, GUILD_D, GUILD_E, GUILD_F].map((id, i) => ({ id, name: `Newsroom ${i + 1}` })) },
    env: { LOG_LEVEL: 'silent', DATA_DIR: dataDir, ALLOW_PRIVATE_URLS: 'true' },
  });
  fake = running.fake;
});

afterAll(async () => {
  await running?.stop();
  await web?.stop();
});

const text = (name: string, value: string) => ({ name, type: 3, value });
const sub = (name: string, options: CommandOptionInput[] = []) => ({ name, type: 1, options });

/** Runs a slash command in a guild and returns the text of its answer (deferred or not) and whether only the user saw it. */
async function run(guildId: string, name: string, options: CommandOptionInput[], extra: Partial<Parameters<FakeDiscord['sendCommand']>[0]> = {}) {
  const interaction = await fake.sendCommand({ name, options, guildId, ...extra });
  const answer = await interaction.waitForAnswer({ timeoutMs: 15_000 });
  return { content: String(answer.messages.at(-1)?.body.content ?? ''), ephemeral: answer.ephemeral };
}

const ask = (guildId: string, question: string, document?: string) =>
  run(guildId, 'ask', [text('question', question), ...(document === undefined ? [] : [text('document', document)])]);
const addUrl = (guildId: string, url: string) => run(guildId, 'library', [sub('add', [text('url', url)])]);

describe('/library: a library per server', () => {
  it('is registered for members who may manage the server, in servers only; /ask and /search take a document', () => {
    const library = commands.find((c) => c.data.name === 'library')?.data.toJSON();
    expect(library?.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(library?.contexts).toEqual([0]);
    expect(library?.options?.map((o) => o.name)).toEqual(['add', 'remove', 'list']);
    for (const name of ['ask', 'search']) {
      const document = commands.find((c) => c.data.name === name)?.data.toJSON().options?.find((o) => o.name === 'document');
      expect(document).toMatchObject({ type: 3, autocomplete: true });
      expect(document && 'required' in document ? document.required : false).toBeFalsy();
    }
  });

  it('adds an article in one server; /ask answers from it there, with its site, date and link, and never in another server', async () => {
    const added = await addUrl(GUILD_A, web.url('/news/solar'));
    expect(added.ephemeral).toBe(true);
    expect(added.content).toMatch(/^\*\*Added\*\* \*Harbour city opens floating solar farm\* \(`harbour-city-opens-floating-solar-farm`\) — 8 paragraphs · by Maria Okafor · The Coastal Ledger · 2024-03-18 · <http:\/\/127\.0\.0\.1:\d+\/2024\/03\/18\/floating-solar-farm>\n\*\*This server's library:\*\* 2 of 50 documents, /);

    const inA = await ask(GUILD_A, 'Who led the design?');
    expect(inA.content).toMatch(/^\*\*Q:\*\* Who led the design\?\n\*\*Lena Petrov\*\*\n> /);
    expect(inA.content).toMatch(/\n¶3 · \*Harbour city opens floating solar farm\* · by Maria Okafor · The Coastal Ledger · 2024-03-18 · <http:\/\/127\.0\.0\.1:\d+\/2024\/03\/18\/floating-solar-farm>$/);

    const inB = await ask(GUILD_B, 'Who led the design?');
    expect(inB.content).not.toContain('Lena Petrov');
    expect(inB.content).not.toContain('Harbour city');
    const search = await run(GUILD_B, 'search', [text('query', 'floating solar panels reservoir')]);
    expect(search.content.split('\n').slice(1).join('\n')).not.toMatch(/reservoir|panels/);

    expect((await run(GUILD_A, 'sources', [])).content).toContain('**2 documents loaded:**');
    expect((await run(GUILD_B, 'sources', [])).content).toContain('**One document loaded:**');
    const suggestions = async (guildId: string) => {
      const interaction = await fake.sendAutocomplete({ name: 'ask', guildId, focused: { name: 'document', value: '' }, options: [text('question', 'x')] });
      const callback = await interaction.waitForCallback();
      return (callback.body as { data: { choices: Array<{ value: string }> } }).data.choices.map((c) => c.value);
    };
    expect(await suggestions(GUILD_A)).toEqual(['china-canada-cyber-agreement', SOLAR_ID]);
    expect(await suggestions(GUILD_B)).toEqual(['china-canada-cyber-agreement']);
  });

  it('narrows /ask and /search to one document, by id or title, and names one that does not exist', async () => {
    const norsat = await ask(GUILD_A, 'who bought Norsat?', SOLAR_ID);
    expect(norsat.content).not.toContain('Hytera');
    expect((await ask(GUILD_A, 'who bought Norsat?', 'China, Canada vow not to conduct cyber attacks on private sector')).content).toContain(await smokeShortAnswer());
    const searched = await run(GUILD_A, 'search', [text('query', 'panels'), text('document', SOLAR_ID)]);
    expect(searched.content).toMatch(/^\*\*Passages for:\*\* panels\n\*\*¶\d+\*\* /);
    const everywhere = await run(GUILD_A, 'search', [text('query', 'panels cyber')]);
    expect(everywhere.content).toMatch(/\*\*¶\d+\*\* \*Harbour city opens floating solar farm\* · /);
    const missing = await ask(GUILD_A, 'who?', 'no-such-article');
    expect(missing).toEqual({ ephemeral: true, content: 'No such document: newsbot: there is no document "no-such-article" in this server\'s library; `/sources` lists them.' });
  });

  it('adds an attached file, downloaded from its attachment address', async () => {
    const id = '1300000000000009001';
    const interaction = await fake.sendCommand({
      name: 'library',
      guildId: GUILD_C,
      options: [sub('add', [{ name: 'file', type: 11, value: id }])],
      resolved: {
        attachments: {
          [id]: { id, filename: 'tram.md', size: 70, url: web.url('/uploads/tram.md'), proxy_url: web.url('/uploads/tram.md'), content_type: 'text/markdown' },
        },
      },
    });
    const answer = await interaction.waitForAnswer({ timeoutMs: 15_000 });
    expect(String(answer.messages.at(-1)?.body.content)).toMatch(/^\*\*Added\*\* \*Tram line opens\* \(`tram`\) — 1 paragraph\n/);
    expect((await ask(GUILD_C, 'How many riders does the tram line carry?')).content).toContain('**12,000**');
  });

  it('answers from a table of a page it added with the cell the question names, the row quoted under its header row', async () => {
    expect((await addUrl(GUILD_F, web.url('/plans.md'))).content).toMatch(/^\*\*Added\*\* \*Cloudbox plans\* \(`cloudbox-plans`\) — 2 paragraphs\n/);
    const storage = await ask(GUILD_F, 'How much storage does the Team plan have?');
    expect(storage.content).toBe('**Q:** How much storage does the Team plan have?\n**5 TB**\n> *Plan \\| Monthly price \\| Storage*\n> **Team** \\| $30 \\| 5 TB\n¶2 · *Cloudbox plans*');
  });

  it('refuses, saying why, only to the member: no permission, a bad address, neither url nor file', async () => {
    const noPermission = await run(GUILD_C, 'library', [sub('list')], { permissions: (PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands).toString() });
    expect(noPermission).toEqual({ ephemeral: true, content: 'newsbot: /library needs the Manage Server permission' });
    const ftp = await addUrl(GUILD_C, 'ftp://example.com/a.txt');
    expect(ftp).toEqual({ ephemeral: true, content: 'newsbot: only http and https addresses can be fetched, not "ftp://example.com/a.txt"' });
    const missing = await addUrl(GUILD_C, web.url('/gone'));
    expect(missing.content).toMatch(/^newsbot: "<http:\/\/127\.0\.0\.1:\d+\/gone>" answered 404 Not Found$/);
    const neither = await run(GUILD_C, 'library', [sub('add')]);
    expect(neither.content).toBe('newsbot: /library add needs either url: or file:, not both and not neither');
    const list = await run(GUILD_C, 'library', [sub('list')]);
    expect(list.content).toMatch(/^\*\*This server's library:\*\* 2 of 50 documents, [\d.]+ KB of 20 MB\n• \*China, Canada .* · bundled\n• \*Tram line opens\* \(`tram`\) — 1 paragraph$/);
  });

  it('lands two adds at once, and answers a question asked while an add is under way', async () => {
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    web.route('/slow/budget.md', (_request, response) => void held.then(() => response.writeHead(200, { 'content-type': 'text/markdown' }).end('# Slow budget\n\nThe slow budget adds 3 percent for parks.')));
    const first = addUrl(GUILD_D, web.url('/ferry.txt'));
    const second = addUrl(GUILD_D, web.url('/budget.md'));
    const slow = addUrl(GUILD_D, web.url('/slow/budget.md'));
    expect((await first).content).toMatch(/^\*\*Added\*\* \*Council keeps the night ferry\*/);
    expect((await second).content).toMatch(/^\*\*Added\*\* \*Budget grows\*/);
    const during = await ask(GUILD_D, 'who bought Norsat?');
    expect(during.content).toContain(await smokeShortAnswer());
    release();
    expect((await slow).content).toMatch(/^\*\*Added\*\* \*Slow budget\*/);
    const list = await run(GUILD_D, 'library', [sub('list')]);
    expect(list.content.split('\n').slice(1).map((line) => /\(`([^`]+)`\)/.exec(line)?.[1]).sort()).toEqual(['budget-grows', 'china-canada-cyber-agreement', 'council-keeps-the-night-ferry', 'slow-budget']);
  });

  it('answers other servers while one server indexes a large document, in a worker thread', async () => {
    // About 700 KB of text: most of a second of indexing, which in the bot's own thread would hold up every server.
    const bundled = (await loadCorpus())[0]?.paragraphs ?? [];
    const archive = ['# Harbour archive', ...Array.from({ length: 3600 }, (_, i) => `${bundled[i % bundled.length]} (${i + 1})`)].join('\n\n');
    web.page('/archive.md', { body: archive, type: 'text/markdown' });
    const guildDir = join(dataDir, 'guilds', GUILD_E);
    const snapshot = snapshotFile(guildDir, join(guildDir, 'library'));
    const workerStarted = new Promise<string>((resolve) => {
      const started = (): void => {
        diagnostics.unsubscribe('worker_threads', started);
        resolve('worker started');
      };
      diagnostics.subscribe('worker_threads', started);
    });

    let added = false;
    const adding = addUrl(GUILD_E, web.url('/archive.md')).finally(() => (added = true));
    // The document is fetched and parsed once its indexing worker starts.
    expect(await Promise.race([workerStarted, adding.then(() => 'added')])).toBe('worker started');
    const other = await ask(GUILD_B, 'who bought Norsat?');
    expect(other.content).toContain(await smokeShortAnswer());
    // Answered while the new library's index was still being built.
    expect(added).toBe(false);
    expect(existsSync(snapshot)).toBe(false);

    expect((await adding).content).toMatch(/^\*\*Added\*\* \*Harbour archive\* \(`harbour-archive`\) — 3600 paragraphs/);
    expect(existsSync(snapshot)).toBe(true);
    expect((await ask(GUILD_E, 'who bought Norsat?')).content).toContain(await smokeShortAnswer());
  });

  it('keeps every server’s library across a restart, and a removal too', async () => {
    await running?.restart();
    expect((await ask(GUILD_A, 'Who led the design?')).content).toContain('**Lena Petrov**');
    expect((await ask(GUILD_B, 'Who led the design?')).content).not.toContain('Lena Petrov');
    expect((await ask(GUILD_C, 'How many riders does the tram line carry?')).content).toContain('**12,000**');

    const removed = await run(GUILD_A, 'library', [sub('remove', [text('document', 'Harbour city opens floating solar farm')])]);
    expect(removed.content).toMatch(/^\*\*Removed\*\* \*Harbour city opens floating solar farm\* \(`harbour-city-opens-floating-solar-farm`\)/);
    await running?.restart();
    expect((await ask(GUILD_A, 'Who led the design?')).content).not.toContain('Lena Petrov');
    expect((await run(GUILD_A, 'sources', [])).content).toContain('**One document loaded:**');
  });
});
