// The order the suite's files start in. Vitest's own order (project by project in name order, then the largest
// file first, or the longest last time once it has a cache) started the three longest chains of child processes,
// the packed-package consumer, the whole-project tsc and the release in a copy, only after the contract, docs and
// PostgreSQL projects: on two cores they then ran alone at the end. Starting them first lets the short files fill
// the cores around them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BaseSequencer, type TestSpecification, type Vitest } from 'vitest/node';

/**
 * Files that spend most of their time in child processes (tsc, npm, Redocly, Spectral, Chromium, the pipeline in
 * a copy), longest first, as measured on a 2-core machine. Paths are relative to the repository root.
 */
export const SLOW_FILES = [
  'tests/package/consumer.test.ts',
  'tests/pipeline/typescript.test.ts',
  'tests/release/identity-email-removal.test.ts',
  'tests/pipeline/lint.test.ts',
  'tests/pipeline/drift.test.ts',
  'tests/pipeline/third-api.test.ts',
  'tests/docs/browser.test.ts',
  'tests/docs/start-command.test.ts',
  'tests/release/deprecation.test.ts',
  'tests/specs/lint-leaves-worktree-clean.test.ts',
];

/**
 * Vitest's order, with {@link SLOW_FILES} moved to the front in their listed order (every project's copy of a file).
 * @throws {Error} at start-up, naming a listed file that no longer exists, so that the list cannot go stale.
 * @example export default defineConfig({ test: { sequence: { sequencer: SlowFirstSequencer } } });
 */
export class SlowFirstSequencer extends BaseSequencer {
  constructor(ctx: Vitest) {
    super(ctx);
    const missing = SLOW_FILES.filter((file) => !existsSync(path.join(ctx.config.root, file)));
    if (missing.length > 0) {
      throw new Error(`tests/support/slow-first.sequencer.ts lists files that do not exist: ${missing.join(', ')}`);
    }
  }

  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const index = SLOW_FILES.indexOf(path.relative(this.ctx.config.root, spec.moduleId).split(path.sep).join('/'));
      return index === -1 ? SLOW_FILES.length : index;
    };
    return sorted
      .map((spec, position) => ({ spec, position, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank || a.position - b.position)
      .map(({ spec }) => spec);
  }
}
