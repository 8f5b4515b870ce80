// Types for changes.mjs, so that TypeScript callers (tests) get them checked.
export type Rating = 'patch' | 'minor' | 'major';
export interface RatedChange {
  operation: string;
  /** Every operation the change reaches in its direction (the first is `operation`). */
  operations: string[];
  direction: 'request' | 'response' | 'operation' | 'document';
  kind: string;
  location: string;
  rule: string;
  message: string;
  /** Redocly's impact, or `none` for a change Redocly does not report (x-extensible-enum). */
  redoclyRating: Rating | 'none';
  rating: Rating;
  pointer: string;
  correctedBy?: string;
  why?: string;
  refused?: string;
  action?: string;
}
export declare const RATINGS: readonly Rating[];
export declare function ratingRank(rating: string): number;
export declare function largestRating(ratings: string[]): Rating | undefined;
export declare function locate(changePath: string): { path?: string; method?: string; rest: string[]; direction: RatedChange['direction'] };
export declare function rateChanges(input: { base: object; revision: object; report: { changes: object[] }; today: string }): RatedChange[];
