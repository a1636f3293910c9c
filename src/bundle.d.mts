/** Bundles a TypeScript module and its project imports into one JavaScript file; returns the file's URL (see bundle.mjs). */
export function bundle(entry: string): Promise<URL>;
