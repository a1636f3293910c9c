/**
 * A web server on 127.0.0.1 that serves article pages and misbehaves on request,
 * for the URL ingestion and library tests. Routes are set per test:
 *
 *   const server = await ArticleServer.start();
 *   server.page('/solar', { body: html });            // text/html; charset=utf-8
 *   server.route('/slow', (req, res) => {});           // never answers
 *   await fetchPage(server.url('/solar'), { allowPrivate: true });
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export class ArticleServer {
  readonly requests: Array<{ path: string; host: string | undefined }> = [];
  readonly routes = new Map<string, Handler>();
  readonly #server: Server;
  readonly port: number;

  private constructor(server: Server, port: number) {
    this.#server = server;
    this.port = port;
  }

  static async start(): Promise<ArticleServer> {
    let self: ArticleServer | undefined;
    const server = createServer((request, response) => {
      const path = request.url ?? '/';
      self?.requests.push({ path, host: request.headers.host });
      const handler = self?.routes.get(path);
      if (handler) handler(request, response);
      else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new ArticleServer(server, (server.address() as AddressInfo).port);
    return self;
  }

  /** `http://127.0.0.1:PORT/path`. */
  url(path: string, host = '127.0.0.1'): string {
    return `http://${host}:${this.port}${path}`;
  }

  route(path: string, handler: Handler): void {
    this.routes.set(path, handler);
  }

  /** A page with a body and a content type (default `text/html; charset=utf-8`). */
  page(path: string, page: { body: string | Buffer; type?: string; headers?: Record<string, string> }): void {
    this.route(path, (_request, response) => {
      response.writeHead(200, { 'content-type': page.type ?? 'text/html; charset=utf-8', ...page.headers }).end(page.body);
    });
  }

  redirect(path: string, to: string, status = 302): void {
    this.route(path, (_request, response) => response.writeHead(status, { location: to }).end());
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}
