/** A document as ingested: verbatim paragraphs, numbered from 1 in citations (`¶1` is `paragraphs[0]`). */
export interface SourceDocument {
  /** Stable id, from the file name without extension (`china-canada-cyber-agreement`). */
  id: string;
  /** Title: the first line of a text file, the first heading of a Markdown file. */
  title: string;
  /** Paragraph texts, verbatim but for line endings and surrounding blanks. */
  paragraphs: string[];
  /** Where the document came from (a file path or a URL), when known. */
  source?: string;
  /** What the document says about itself: its byline (any document), and a web page's site, date and canonical address. */
  meta?: DocumentMeta;
  /**
   * The headings that open the document's sections, in order, each with the
   * number (from 1) of the first paragraph under it. Headings are not
   * paragraphs: they name the section a quote sits in. Absent without headings.
   */
  sections?: DocumentSection[];
  /**
   * Tables' header rows, each with the paragraphs of the rows it labels: a
   * row (`Pro | $12 | 1 TB`) is read with its header (`Plan | Price | Storage`)
   * as a sentence is with its section's heading, and the header picks the cell
   * a question asks for. Shown above a quoted row, never quoted as an answer. Absent without them.
   */
  labels?: DocumentLabel[];
}

/** A table's header row and the rows it labels. */
export interface DocumentLabel {
  /** The header's cells, read across between ` | ` as its rows' are. */
  text: string;
  /** The first and last paragraph (from 1) of the table's rows. */
  first: number;
  last: number;
}

/** A heading and where its section starts. */
export interface DocumentSection {
  /** The heading's text, as a reader sees it. */
  heading: string;
  /** The first paragraph under it, from 1 (`paragraphs.length + 1` when no paragraph follows it). */
  paragraph: number;
}

/** A document's metadata, as it states it. Every field is optional: documents differ. */
export interface DocumentMeta {
  /** The author line (`By Jane Doe, Staff Writer`), verbatim: from a web page's byline, or a text or Markdown file's first line after the title that starts with `By`. */
  byline?: string;
  /** The publication (`Reuters`). */
  siteName?: string;
  /** When it was published, as the page gives it (usually ISO 8601). */
  published?: string;
  /** The article's canonical http(s) address. */
  url?: string;
}

/** A piece of text with its character offsets in the text it was cut from (`text === whole.slice(start, end)`). */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** One quoted sentence, an exact substring of its paragraph. */
export interface Quote {
  /** The sentence, verbatim. */
  text: string;
  documentId: string;
  title: string;
  /** Paragraph number, from 1 (`¶8`); 0 when the quote is the document's byline. */
  paragraph: number;
  /** The heading of the section the paragraph sits in, when the document has headings. */
  section?: string;
  /** When the quote is a table's row, the table's header row (`Plan | Price per month | Storage`): what its cells are. */
  header?: string;
  /** True when the quote is the document's byline (`meta.byline`) rather than a paragraph. */
  byline?: boolean;
  /** Offsets of `text` in the paragraph (or the byline). */
  start: number;
  end: number;
  /** Offset pairs, into the paragraph, of the words that matched the question. */
  highlights: Array<[number, number]>;
  /** The document's byline, site, date and address, when it has them (web articles). */
  meta?: DocumentMeta;
}

/** What `ask` returns. A declined answer is a normal result, not an error. */
export interface Answer {
  /** The question as asked. */
  question: string;
  /**
   * The question as the engine read it when it leaned on the conversation
   * (*Who allowed it?* after *Who bought Norsat?* -> *Who allowed Norsat?*);
   * absent when the question was answered as it stands. Front ends show it, so
   * a wrong reading is visible.
   */
  understood?: string;
  /** True when the article answers the question; false when the engine declines. */
  answered: boolean;
  /** The short answer, taken from the first quote; `""` when declined or when no span fits. */
  answer: string;
  /**
   * 0..1: how sure the engine is that the first quote answers the question (the decision model's probability). 1 for
   * what matching checks rather than a model judges: a byline, an article's opening sentence, a topic's passages.
   */
  confidence: number;
  /** Up to `maxQuotes` quotes, best first (a topic's in reading order). When declined, the closest passages (not answers). */
  quotes: Quote[];
  /** Why the engine declined (`The article doesn't mention the price.`); absent when answered. */
  reason?: string;
}

/** A loaded document as front ends list it. */
export interface DocumentInfo {
  id: string;
  title: string;
  paragraphs: number;
  source?: string;
  meta?: DocumentMeta;
}

/** A whole paragraph, for `/passage` and `:passage N`. */
export interface Passage {
  documentId: string;
  title: string;
  /** Paragraph number, from 1. */
  number: number;
  /** The heading of the section the paragraph sits in, when the document has headings. */
  section?: string;
  /** When the paragraph is a table's row, the table's header row (`Plan | Price per month | Storage`): what its cells are. */
  header?: string;
  text: string;
  meta?: DocumentMeta;
}

/** One question of a conversation and what it got, as the next questions may lean on it. */
export interface Turn {
  /** The question as asked. */
  question: string;
  /** The question as understood (the same as `question` when it stood on its own). */
  understood: string;
  answered: boolean;
  /** The short answer; `""` when declined or when no span fitted. */
  answer: string;
  /** The first quote: its sentence and where it is (its offset in the paragraph), when there was one. */
  quote?: { text: string; documentId: string; paragraph: number; start: number };
}

/**
 * The questions asked so far, oldest first (the last few only). The engine
 * keeps no conversation: the caller passes it to `Engine.ask` and extends it
 * with `remember(conversation, answer)`, so one engine serves any number of them.
 */
export interface Conversation {
  turns: readonly Turn[];
}
