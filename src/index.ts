/** The public surface of the newsbot engine. */
export { Engine, type AskOptions, type EngineOptions, type LoadOptions, type QueryScope } from './engine.js';
export { remember, MAX_TURNS, NEW_CONVERSATION } from './answer/conversation.js';
export type { IndexOptions } from './index/search-index.js';
export type { AnswerOptions } from './answer/options.js';
export type { Answer, Conversation, Turn, Quote, DocumentInfo, DocumentLabel, DocumentMeta, DocumentSection, Passage, SourceDocument, Span } from './types.js';
export { NewsbotError } from './errors.js';
export { loadCorpus, DEFAULT_CORPUS } from './ingest/load.js';
export { loadSources, loadUrl, isUrl } from './ingest/source.js';
export type { FetchOptions } from './ingest/url.js';
