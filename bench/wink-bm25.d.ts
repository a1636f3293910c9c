/** The parts of wink-bm25-text-search (which ships no types) that the benchmark uses, from its README. */
declare module 'wink-bm25-text-search' {
  interface BM25 {
    defineConfig(config: { fldWeights: Record<string, number> }): boolean;
    definePrepTasks(tasks: Array<(input: string) => string[]>, field?: string): number;
    addDoc(doc: Record<string, string>, id: number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): Array<[number, number]>;
    exportJSON(): string;
    importJSON(json: string): boolean;
  }
  export default function bm25(): BM25;
}
