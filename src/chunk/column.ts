/** The typed arrays a column can be stored in. */
export type ColumnArray = Uint8Array | Uint16Array | Uint32Array;

/** An append-only typed array that doubles when full: columns of millions of numbers without boxed values. */
export class Column<T extends ColumnArray> {
  private data: T;
  length = 0;

  constructor(private readonly type: new (length: number) => T, capacity = 1024) {
    this.data = new type(capacity);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.type(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The filled part, trimmed to its length (a copy, so the spare capacity is freed). */
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}
