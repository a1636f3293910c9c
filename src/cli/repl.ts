/** `npm run repl -- [--corpus PATH]…`: asks questions one after another at a prompt. */
import { createInterface } from 'node:readline';
import { NewsbotError, quoteValue } from '../errors.js';
import { NEW_CONVERSATION, remember, type Conversation, type Engine, type Passage, type QueryScope } from '../index.js';
import { renderAnswer, renderContext, renderPassage, renderSources, sanitize, type RenderOptions } from '../render/terminal.js';
import { EXIT_OK, parseCliArgs, reportFailure, runIfMain, wantsColor, type CliIo } from './args.js';
import { engineForCorpora } from './corpus.js';

export const REPL_USAGE = `usage: npm run repl -- [--corpus PATH]…

Asks questions about the news articles at a prompt. Piped stdin works too:
each non-blank line is a question or a command.

  --corpus PATH  a .txt/.md/.html article, a folder of them, or an http(s) address
                 of one (default: the bundled article); repeat it for several
  -h, --help     show this help`;

export const REPL_HELP = `Type a question, or a command. The session is one conversation: a follow-up
(Who allowed it? Why? And in 2015?) is read with the questions before it, and the
answer says how it was understood. A topic alone (the deal) gets the passages that name it.
  :new              start a new conversation (the next question stands on its own)
  :context          show what the next question may lean on
  :sources          list the loaded documents
  :passage N [ID]   show paragraph N of document ID (default: the first document)
  :document [ID]    ask only document ID from now on; without ID, all documents again
  :help             show this help
  :quit             leave (Ctrl-D and Ctrl-C leave too)`;

const PROMPT = 'newsbot> ';
/** Readline keeps history in memory only; it is not written to disk, so questions asked stay private. */
const HISTORY_SIZE = 500;

/** Runs the REPL until `:quit` or the end of input and returns its exit code. */
export async function runRepl(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const args = parseCliArgs(argv, { corpora: true }, io.env);
    if (args.help) {
      io.stdout.write(`${REPL_USAGE}\n`);
      return EXIT_OK;
    }
    const engine = await engineForCorpora(args.corpora, io.env);
    return await converse(engine, io);
  } catch (error) {
    return reportFailure(error, io);
  }
}

async function converse(engine: Engine, io: CliIo): Promise<number> {
  // A prompt, line editing and history only for a person at a terminal; piped
  // input gets bare answers so the output can be read by another program.
  const interactive = io.stdin.isTTY === true && io.stdout.isTTY === true;
  const options = { color: wantsColor(io) };
  /** What `:document` set: the document questions go to (default: all); and the conversation so far. */
  const session: Session = { scope: {}, conversation: NEW_CONVERSATION };
  const lines = createInterface({
    input: io.stdin,
    output: io.stdout,
    terminal: interactive,
    prompt: PROMPT,
    historySize: HISTORY_SIZE,
    removeHistoryDuplicates: true,
  });
  if (interactive) {
    const count = engine.documents().length;
    io.stdout.write(`newsbot: ${count === 1 ? '1 document' : `${count} documents`} loaded. Ask a question, or :help.\n`);
    lines.prompt();
  }
  for await (const line of lines) {
    let reply: string | typeof QUIT | undefined;
    try {
      reply = respond(line, engine, options, session);
    } catch (error) {
      reportFailure(error, io);
    }
    if (reply === QUIT) return EXIT_OK;
    if (reply !== undefined) io.stdout.write(`${reply}\n\n`);
    if (interactive) lines.prompt();
  }
  // Ctrl-D or Ctrl-C left the cursor after the prompt.
  if (interactive) io.stdout.write('\n');
  return EXIT_OK;
}

const QUIT = Symbol('quit');

/** What the REPL keeps between lines. */
interface Session {
  scope: QueryScope;
  conversation: Conversation;
}

/** What to print for one input line; throws a `NewsbotError` for a bad command. */
function respond(line: string, engine: Engine, options: RenderOptions, session: Session): string | typeof QUIT | undefined {
  const input = line.trim();
  if (input === '') return undefined;
  if (!input.startsWith(':')) {
    const answer = engine.ask(input, { ...session.scope, conversation: session.conversation });
    session.conversation = remember(session.conversation, answer);
    return renderAnswer(answer, options);
  }
  const [command, ...rest] = input.split(/\s+/);
  const { scope } = session;
  switch (command) {
    case ':quit':
    case ':q':
      return QUIT;
    case ':help':
      return REPL_HELP;
    case ':new':
      session.conversation = NEW_CONVERSATION;
      return 'New conversation: the next question stands on its own.';
    case ':context':
      return renderContext(session.conversation, options);
    case ':sources':
      return renderSources(engine.documents(), options);
    case ':passage':
      return renderPassage(passageOf(engine, rest), options);
    case ':document':
      return focus(engine, scope, rest.join(' '));
    default:
      throw new NewsbotError(`unknown command ${quoteValue(command ?? input)}; :help lists the commands`);
  }
}

/** `:document ID` narrows the following questions to one document; `:document` alone widens them to all again. */
function focus(engine: Engine, scope: QueryScope, id: string): string {
  if (id === '') {
    delete scope.documentId;
    return 'Questions now go to every document.';
  }
  const document = engine.documents().find((d) => d.id === id);
  if (!document) throw new NewsbotError(`there is no document ${quoteValue(id)}; :sources lists them`);
  scope.documentId = document.id;
  return `Questions now go to ${sanitize(document.id)} only (${sanitize(document.title)}); :document alone for every document.`;
}

function passageOf(engine: Engine, [number, documentId]: string[]): Passage {
  if (number === undefined) throw new NewsbotError(':passage needs a paragraph number, as in :passage 8');
  if (!/^\d+$/.test(number)) throw new NewsbotError(`:passage needs a paragraph number, not ${quoteValue(number)}`);
  return engine.passage(Number(number), documentId);
}

runIfMain(import.meta.url, runRepl);
