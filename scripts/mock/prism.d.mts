// Types of scripts/mock/prism.mjs for the TypeScript callers (contract tests that start a mock of their own).

export const LOG_LEVELS: readonly string[];

export interface StartPrismOptions {
  /** Label used in log lines, e.g. `portabl`. */
  name: string;
  /** Path of the OpenAPI document to mock. */
  document: string;
  host?: string;
  /** 0 (default) lets the OS pick a free port. */
  port?: number;
  /** One of LOG_LEVELS; default warn. */
  logLevel?: string;
  /** Where readable log lines go; default stdout. */
  log?: { write(text: string): unknown };
  /** false: exactly `prism mock --errors` (Prism's own server), without scripts/mock/server.mjs and workarounds.mjs. Default true. */
  workarounds?: boolean;
  /** Browser origins allowed besides loopback ones (e.g. the docs server's URL). */
  allowedOrigins?: string[];
}

export interface RunningPrism {
  name: string;
  url: string;
  close(): Promise<void>;
}

export function startPrism(options: StartPrismOptions): Promise<RunningPrism>;
