// Types for plan.mjs.
import type { ApiDiff } from './gate.mjs';
export declare class Refusal extends Error {}
export declare function planRelease(input: {
  results: ApiDiff[];
  selected: string[];
  target: string;
  level: 'major' | 'minor' | 'patch';
  releasedPackage: string;
  currentPackage: string;
}): { changed: ApiDiff[]; next: Record<string, string>; nextPackage: string };
