// Types for format.mjs.
import type { ApiDiff } from './gate.mjs';
export declare function formatText(results: ApiDiff[]): string;
export declare function formatMarkdown(results: ApiDiff[]): string;
