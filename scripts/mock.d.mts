// Types of scripts/mock.mjs for the TypeScript callers (the contract tests' global setup).

export interface MockedApi {
  name: 'portabl' | 'identity';
  title: string;
  portEnv: 'PORTABL_MOCK_PORT' | 'IDENTITY_MOCK_PORT';
  defaultPort: number;
}

export const MOCKED_APIS: readonly MockedApi[];

export interface StartMocksOptions {
  /** 0 lets the OS pick a free port. Default 4010. */
  portablPort?: number;
  /** 0 lets the OS pick a free port. Default 4011. */
  identityPort?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Prism's log level: trace, debug, info, warn (default), error, fatal, silent. */
  logLevel?: string;
  /** Where the readable log lines go. Default: stdout. */
  log?: { write(text: string): unknown };
}

export interface RunningMocks {
  urls: { portabl: string; identity: string };
  close(): Promise<void>;
}

export function bundlePath(api: string): string;
export function parsePort(variable: string, value: string): number;
export function mockPortsFromEnv(env?: Record<string, string | undefined>): { portablPort: number; identityPort: number };
export function logLevelFromEnv(env?: Record<string, string | undefined>): string;
export function startMocks(options?: StartMocksOptions): Promise<RunningMocks>;
