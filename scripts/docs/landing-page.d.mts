// Types for scripts/docs/landing-page.mjs, so that TypeScript callers (tests) get them checked.
export declare const FAKE_TOKEN: string;
export declare const FAKE_API_KEY: string;

export declare function escapeHtml(text: unknown): string;

export interface MockExample {
  summary: string;
  /** The operation's path with its path parameters filled from their examples. */
  path: string;
  /** Credentials any mock accepts, as `[name, value]` headers. */
  headers: [string, string][];
  /** The documented success status the mock answers without a `Prefer` header. */
  status: number;
}

/** The request the landing page shows against an API's mock, or undefined when no operation fits. */
export declare function mockExampleFor(doc: object): MockExample | undefined;

export declare function renderLandingPage(options: {
  entries: { api: { name: string }; doc: object; page: string }[];
  mockedApis: readonly { name: string; title: string; portEnv: string; defaultPort: number }[];
  pkg: { name: string; version: string; description?: string };
  templatePath: string;
}): string;

/** The file `npm pack` writes for a package: `@scope/name` → `scope-name-<version>.tgz`. */
export declare function tarballName(pkg: { name: string; version: string }): string;

/** The install lines the docs and the README show (`npm pack`, then `npm install ./<tarball>`). */
export declare function installLines(pkg: { name: string; version: string }): string;
