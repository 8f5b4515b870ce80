// Types of conformance.mjs for the TypeScript tests.
export interface CommandLine {
  target: string;
  api: 'portabl' | 'identity' | undefined;
  seed: number;
  seedGiven: boolean;
  requests: number;
  timeLimitS: number;
  har: string | undefined;
  operations: string[] | undefined;
}
export function parseCommandLine(argv: string[]): CommandLine;
export function openTarget(options: CommandLine, env?: Record<string, string | undefined>): Promise<{ apis: unknown[]; close(): Promise<void> }>;
