// Types of report.mjs for the TypeScript tests.
import type { ConformanceResult } from './runner.mjs';
export function formatSummary(result: ConformanceResult): string;
