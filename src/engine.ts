import { ask, search, type AnswerContext } from './answer/ask.js';
import { suggestQuestions } from './answer/suggest.js';
import type { AnswerOptions } from './answer/options.js';
import { ChunkStore } from './chunk/store.js';
import { NewsbotError, quoteValue } from './errors.js';
import { DEFAULT_CORPUS, loadCorpus } from './ingest/load.js';
import { SearchIndex, type IndexOptions } from './index/search-index.js';
import { CorpusStats } from './index/stats.js';
import type { Answer, DocumentInfo, Passage, Quote, SourceDocument } from './types.js';

/** Options of an engine: how it indexes and how it answers. */
export interface EngineOptions extends IndexOptions, AnswerOptions {}

/** Options of `Engine.load`. */
export interface LoadOptions extends EngineOptions {
  /** A `.txt`/`.md` file or a folder of them. Default: the bundled Reuters article. */
  corpus?: string;
}

/**
 * The question-answering engine over a set of documents: ingest -> chunk ->
 * index -> answer. It knows nothing of Discord or terminals.
 */
export class Engine {
  private readonly context: AnswerContext;
  private readonly options: EngineOptions;

  private constructor(documents: readonly SourceDocument[], options: EngineOptions) {
    if (documents.length === 0) throw new NewsbotError('there is no document to answer from');
    const store = ChunkStore.build(documents);
    const stats = new CorpusStats(store);
    this.context = { documents, store, stats, index: SearchIndex.build(store, stats, options) };
    this.options = options;
  }

  /** Builds an engine over documents already in memory. */
  static fromDocuments(documents: readonly SourceDocument[], options: EngineOptions = {}): Engine {
    return new Engine(documents, options);
  }

  /** Loads a corpus from disk (default: the bundled article) and builds an engine over it. */
  static async load(options: LoadOptions = {}): Promise<Engine> {
    const { corpus = DEFAULT_CORPUS, ...rest } = options;
    return new Engine(await loadCorpus(corpus), rest);
  }

  /** Answers a question with quotes, or declines with a reason. Any string is a valid question. */
  ask(question: string): Answer {
    return ask(this.context, question, this.options);
  }

  /** The passages that best match a query, best first (at most `limit`, default 5). */
  search(query: string, limit = 5): Quote[] {
    return search(this.context, query, limit, this.options);
  }

  /** Up to `count` example questions that the loaded documents answer (for help texts). */
  suggestQuestions(count = 2): string[] {
    return suggestQuestions(this.context, count);
  }

  /** The loaded documents. */
  documents(): DocumentInfo[] {
    return this.context.documents.map((d) => ({
      id: d.id,
      title: d.title,
      paragraphs: d.paragraphs.length,
      ...(d.source === undefined ? {} : { source: d.source }),
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
    return { documentId: document.id, title: document.title, number, text };
  }
}
