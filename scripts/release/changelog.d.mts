// Types for changelog.mjs.
import type { ApiDiff } from './gate.mjs';
export declare function changelogSection(release: { version: string; previous: string; level: string; date: string; apis: Array<ApiDiff & { next?: string }> }): string;
export declare function shortLocation(location: string): string;
export declare function prependSection(existing: string | undefined, section: string): string;
