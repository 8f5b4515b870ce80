// Compiles the package (src/ and the generated types) to dist/, from scratch so that no stale module ships.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './apis.mjs';
import { runOrExit } from './run.mjs';

rmSync(path.join(repoRoot, 'dist'), { recursive: true, force: true });
runOrExit('tsc', ['-p', 'tsconfig.build.json']);
console.error('✔ dist/ built'); // stderr: npm pack --json owns stdout
