// Types for scripts/bench/entry-size.mjs, so that TypeScript callers (tests) get them checked.
export interface PackageEntry {
  name: string;
  source: string;
  external?: string[];
}
export declare const ENTRIES: readonly PackageEntry[];
export interface EntrySize {
  /** Bytes of minified code that load with the entry (the entry chunk and its static imports). */
  minified: number;
  /** The same, gzipped (level 9). */
  gzip: number;
  /** Gzipped bytes of the chunks reached only through `import()`. */
  lazyGzip: number;
  /** Minified bytes each input file contributes to what loads with the entry. */
  inputs: Record<string, number>;
}
export declare function measureEntry(entry: PackageEntry, options?: { absWorkingDir?: string }): Promise<EntrySize>;
export declare function kib(bytes: number): string;
