/** What an HTML-parsing worker thread does (started by `parseHtml` for a large page): parses it and sends the document back, or `null` when it holds no article. */
import { parentPort, workerData } from 'node:worker_threads';
import { parseHtmlHere, type HtmlRequest } from './html.js';

const { id, html, from } = workerData as HtmlRequest;
parentPort?.postMessage({ document: (await parseHtmlHere(id, html, from)) ?? null });
