// `npm run lint` on a broken spec fails and changes nothing in the working tree (issue 10, item 11): it lints a
// temporary bundle instead of rewriting generated/, which `npm start` serves. Run in a throw-away git repository
// holding a copy of what lint reads, with one spec broken.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { copyPipeline } from '../support/repo-copy.js';

const copy = mkdtempSync(path.join(os.tmpdir(), 'kyc-contracts-lint-clean-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const git = (...args: string[]) => {
  const result = spawnSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
    cwd: copy,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

it('a broken spec: lint exits 1, naming the problem, and git status shows only the broken file', () => {
  copyPipeline(copy, ['.gitignore']);
  git('init', '-q');
  git('add', '-A');
  git('commit', '-qm', 'copy');

  const broken = path.join(copy, 'specs', 'portabl', 'components', 'schemas', 'UserSettings.yaml');
  writeFileSync(broken, readFileSync(broken, 'utf8').replace(/type: boolean/, 'type: boolen'));
  const before = git('status', '--porcelain', '--untracked-files=all');
  expect(before.trim()).toBe('M specs/portabl/components/schemas/UserSettings.yaml');

  const lint = spawnSync('npm', ['run', '--silent', 'lint', '--', '--api', 'portabl'], { cwd: copy, encoding: 'utf8' });
  expect(lint.status).toBe(1);
  expect(lint.stdout).toMatch(/boolen/);
  expect(git('status', '--porcelain', '--untracked-files=all')).toBe(before);
});
