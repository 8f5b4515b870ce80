// Types for gate.mjs.
import type { Baselines } from './baseline.mjs';
import type { RatedChange, Rating } from './changes.mjs';
export interface ApiDiff {
  api: string;
  title: string;
  released: string;
  current: string;
  rating?: Rating | string;
  changes: RatedChange[];
}
export declare function todayFromEnv(env?: Record<string, string | undefined>): string;
export declare function diffApis(input: { baselines: Baselines; current: Record<string, object>; today: string }): Promise<ApiDiff[]>;
export declare function requiredVersion(released: string, rating: Rating): string;
export declare function judge(results: ApiDiff[], versions: { releasedPackage: string; currentPackage: string }): string[];
