// Types of workflows-page.mjs for the TypeScript tests.
export function readWorkflows(dir: string): { file: string; document: any }[];
export function respectCommand(file: string, document: any): string;
export function renderWorkflowsPage(input: { workflows: { file: string; document: any }[]; docs: Record<string, object> }): string;
