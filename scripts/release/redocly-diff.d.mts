// Types for redocly-diff.mjs.
export interface RedoclyDiffReport {
  summary: { major: number; minor: number; patch: number };
  changes: Array<{ path: string; kind: string; impact: string; property?: string; verdicts: Array<{ ruleId: string; message: string }> }>;
}
export declare function redoclyDiff(base: object, revision: object): Promise<RedoclyDiffReport>;
