// Types of workflows.mjs for the TypeScript tests.
export const workflowsDir: string;
export function workflowFiles(): { file: string; name: string; document: any }[];
export function runWorkflows(options: {
  files: string[];
  servers: Record<string, string>;
  inputs: Record<string, string>;
  har?: string;
}): Promise<{ status: number; output: string; command: string }>;
export function lintWorkflows(files: string[]): Promise<{ status: number; output: string }>;
