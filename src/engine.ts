import { ask, search, type AnswerContext } from './answer/ask.js';
import { askInConversation } from './answer/in-conversation.js';
import { plainQuestion } from './answer/plain-question.js';
import { suggestQuestions } from './answer/suggest.js';
import type { AnswerOptions } from './answer/options.js';
import { PARALLEL_MIN_CHARS } from './chunk/parallel.js';
import { NewsbotError, quoteValue } from './errors.js';
import { DEFAULT_CORPUS, readCorpus } from './ingest/load.js';
import { DEFAULT_CACHE_DIR, loadIndex, saveIndex, type IndexOrigin } from './index/cache.js';
import { labelOf, sectionOf } from './ingest/sections.js';
import { buildIndex, type CorpusIndex, type IndexProgress } from './index/corpus-index.js';
import type { IndexOptions } from './index/search-index.js';
import type { Answer, Conversation, DocumentInfo, Passage, Quote, SourceDocument } from './types.js';

/** Options of an engine: how it indexes and how it answers. */
export interface EngineOptions extends IndexOptions, AnswerOptions {}

/** Which part of the library a question is asked of. */
export interface QueryScope {
  /** Only this document's passages (its id). A `NewsbotError` names an id that is not loaded. Default: every document. */
  documentId?: string;
}

/** Options of `Engine.ask`: where to look, and what was asked before. */
export interface AskOptions extends QueryScope {
  /**
   * The questions asked so far (see `remember`): a follow-up that leans on them
   * (*Who allowed it?*, *Why?*) is read with them, and the answer's `understood`
   * says how. The engine keeps no state; the caller keeps the conversation.
   * Default: none, every question stands on its own.
   */
  conversation?: Conversation;
}

/** Options of `Engine.load`. */
export interface LoadOptions extends EngineOptions {
  /** A `.txt`/`.md` file or a folder of them. Default: the bundled Reuters article. */
  corpus?: string;
  /**
   * Folder for index snapshots, so the next start loads the index instead of
   * rebuilding it; a snapshot is used only when the corpus, the index options and
   * the newsbot version all match, and is rebuilt otherwise. `false`: always
   * build, never save. Default: `.cache/newsbot/` in the project (git-ignored).
   */
  cacheDir?: string | false;
  /** Called with one line (starting `newsbot:`) when a snapshot is damaged and rebuilt, or cannot be saved. Default: the line on stderr. */
  onWarning?: (message: string) => void;
  /** Called as indexing goes, after each document, when the index is built rather than loaded. The engine never prints progress itself. */
  onProgress?: (progress: IndexProgress) => void;
  /**
   * A corpus with at least this many characters is chunked in two threads when
   * its index is built (on a machine with two cores or more): chunking, most of
   * a build, then takes about two thirds of the time. `Infinity`: one thread.
   * Default 1,000,000 (see `PARALLEL_MIN_CHARS`).
   */
  parallelMinChars?: number;
}

/**
 * The question-answering engine over a set of documents: ingest -> chunk ->
 * index -> answer. It knows nothing of Discord or terminals.
 */
export class Engine {
  private readonly context: AnswerContext;
  private readonly options: EngineOptions;
  /** Whether the index was loaded from a snapshot or built, and why. */
  readonly origin: IndexOrigin;

  private constructor(documents: readonly SourceDocument[], index: CorpusIndex, options: EngineOptions, origin: IndexOrigin) {
    this.context = { documents, ...index };
    this.options = options;
    this.origin = origin;
  }

  /** Builds an engine over documents already in memory (never cached). */
  static fromDocuments(documents: readonly SourceDocument[], options: EngineOptions = {}): Engine {
    requireDocuments(documents);
    return new Engine(documents, buildIndex(documents, options), options, { source: 'built', reason: 'documents in memory' });
  }

  /**
   * Builds an engine over documents in memory with the index snapshot named by
   * `snapshot` (a path, as `corpus` names one for `load`) in `cacheDir`: loaded
   * when it matches these documents, else built and saved. For libraries kept
   * on disk as documents (a Discord server's), so a restart does not re-chunk them.
   */
  static async fromDocumentsCached(
    documents: readonly SourceDocument[],
    options: EngineOptions & { snapshot: string; cacheDir: string | false; onWarning?: (message: string) => void },
  ): Promise<Engine> {
    const { snapshot, cacheDir, onWarning = warnOnStderr, ...rest } = options;
    requireDocuments(documents);
    const { index, origin } = await loadIndex(snapshot, { documents }, rest, { cacheDir, onWarning });
    return new Engine(documents, index, rest, origin);
  }

  /** Loads a corpus from disk (default: the bundled article) and its index from a snapshot, or builds and saves the index. */
  static async load(options: LoadOptions = {}): Promise<Engine> {
    const { corpus, files, rest, cache } = await loadSettings(options);
    const { documents, index, origin } = await loadIndex(corpus, { files }, rest, cache);
    return new Engine(requireDocuments(documents), index, rest, origin);
  }

  /**
   * What `npm run index` does: makes sure a corpus's snapshot is saved and
   * fresh (chunking the corpus when it is not) without making the statistics
   * and search index only answering needs. Returns the number of documents and
   * where the index came from (`cacheDir: false` builds it and saves nothing).
   */
  static async saveIndex(options: LoadOptions = {}): Promise<{ documents: number; origin: IndexOrigin }> {
    const { corpus, files, rest, cache } = await loadSettings(options);
    return saveIndex(corpus, { files }, rest, cache);
  }

  /**
   * Answers a question with quotes, or declines with a reason. Any string is a
   * valid question. With a conversation, a follow-up is read with the turns
   * before it; extend the conversation with `remember(conversation, answer)`.
   */
  ask(question: string, options: AskOptions = {}): Answer {
    return askInConversation(this.context, question, options.conversation, this.options, this.scopeOf(options));
  }

  /** The passages that best match a query, best first (at most `limit`, default 5). */
  search(query: string, limit = 5, scope: QueryScope = {}): Quote[] {
    return search(this.context, plainQuestion(query), limit, this.options, this.scopeOf(scope));
  }

  /** A scope by document id as the answering code takes it (a document index); throws a `NewsbotError` for an unknown id. */
  private scopeOf(scope: QueryScope): { document?: number } {
    if (scope.documentId === undefined) return {};
    const index = this.context.documents.findIndex((d) => d.id === scope.documentId);
    if (index < 0) throw new NewsbotError(`there is no document ${quoteValue(scope.documentId)}`);
    return { document: index };
  }

  /**
   * Up to `count` example questions that the loaded documents answer (for help
   * texts). Finding them asks up to 30 questions; the documents never change,
   * so each count is worked out once.
   */
  suggestQuestions(count = 2): string[] {
    let found = this.suggestions.get(count);
    if (!found) {
      found = suggestQuestions(this.context, count);
      this.suggestions.set(count, found);
    }
    return [...found];
  }

  private readonly suggestions = new Map<number, string[]>();

  /**
   * The loaded documents themselves, as ingested (shared: nothing may change
   * them). A server's library that starts from the bot's corpus takes them from
   * here rather than reading and parsing the corpus again: at a million words,
   * a second copy and a second or two of parsing on the bot's thread.
   */
  sourceDocuments(): readonly SourceDocument[] {
    return this.context.documents;
  }

  /** The loaded documents. */
  documents(): DocumentInfo[] {
    return this.context.documents.map((d) => ({
      id: d.id,
      title: d.title,
      paragraphs: d.paragraphs.length,
      ...(d.source === undefined ? {} : { source: d.source }),
      ...(d.meta === undefined ? {} : { meta: d.meta }),
    }));
  }

  /**
   * Paragraph `number` (from 1) of a document (default: the first), verbatim.
   * Throws a `NewsbotError` naming the bad value when there is no such paragraph or document.
   */
  passage(number: number, documentId?: string): Passage {
    const documents = this.context.documents;
    const document = documentId === undefined ? documents[0] : documents.find((d) => d.id === documentId);
    if (!document) throw new NewsbotError(`there is no document ${quoteValue(String(documentId))}`);
    const text = Number.isInteger(number) ? document.paragraphs[number - 1] : undefined;
    if (text === undefined) {
      throw new NewsbotError(`paragraph ${quoteValue(String(number))} does not exist: "${document.title}" has paragraphs 1 to ${document.paragraphs.length}`);
    }
    const section = sectionOf(document, number);
    const header = labelOf(document, number);
    return {
      documentId: document.id,
      title: document.title,
      number,
      ...(section === undefined ? {} : { section }),
      ...(header === undefined ? {} : { header }),
      text,
      ...(document.meta === undefined ? {} : { meta: document.meta }),
    };
  }
}

/** `load`'s and `saveIndex`'s options with their defaults, and the corpus's files (read, not parsed: a fresh snapshot holds the documents). */
async function loadSettings(options: LoadOptions) {
  const { corpus = DEFAULT_CORPUS, cacheDir = DEFAULT_CACHE_DIR, onWarning = warnOnStderr, onProgress, parallelMinChars = PARALLEL_MIN_CHARS, ...rest } = options;
  const files = await readCorpus(corpus);
  return { corpus, files, rest, cache: { cacheDir, onWarning, parallelMinChars, ...(onProgress ? { onProgress } : {}) } };
}

function requireDocuments(documents: readonly SourceDocument[]): readonly SourceDocument[] {
  if (documents.length === 0) throw new NewsbotError('there is no document to answer from');
  return documents;
}

function warnOnStderr(message: string): void {
  process.stderr.write(`${message}\n`);
}
