/** The typed arrays a column can be stored in. */
export type ColumnArray = Uint8Array | Uint16Array | Uint32Array;

/**
 * An append-only typed array: columns of millions of numbers without boxed
 * values. Give it a good capacity up front: growing copies the whole column,
 * and at a million words those copies, not the columns, set the peak memory.
 */
export class Column<T extends ColumnArray> {
  private data: T;
  length = 0;

  constructor(private readonly type: new (length: number) => T, capacity = 1024) {
    this.data = new type(Math.max(16, Math.ceil(capacity)));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new this.type(Math.ceil(this.data.length * 1.5));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  /** The filled part: a view when the column is mostly full (no copy at the peak), else a trimmed copy that frees the spare room. */
  done(): T {
    return (this.length >= 0.75 * this.data.length ? this.data.subarray(0, this.length) : this.data.slice(0, this.length)) as T;
  }
}
