import { Writable } from 'node:stream';

/** A writable stream that keeps what is written, standing in for stdout or stderr. */
export type Sink = Writable & { text: string; isTTY?: boolean; columns?: number };

export function sink(): Sink {
  const stream = new Writable({
    write(chunk, _encoding, done) {
      stream.text += String(chunk);
      done();
    },
  }) as Sink;
  stream.text = '';
  return stream;
}
