// The README's curl session (between the sandbox-session markers) run as written, with bash and curl, against a
// sandbox: create → read back → list by filter → approve → refused PATCH → delete → 404.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/sandbox-command.js';
import { startTestSandbox, type TestSandbox } from './support/sandbox.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

function sessionBlock(): string {
  const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const block = /<!-- sandbox-session:start -->\n```bash\n([\s\S]*?)```\n<!-- sandbox-session:end -->/.exec(readme);
  if (!block)
    throw new Error(
      'README.md has no ```bash block between <!-- sandbox-session:start --> and <!-- sandbox-session:end -->',
    );
  return block[1]!;
}

describe('README: the sandbox curl session', () => {
  it('runs create → read back → list by filter → approve → refused PATCH → delete → 404', async () => {
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', sessionBlock()], {
      env: { ...process.env, IDENTITY: sandbox.urls.identity, KEY: sandbox.credentials.identity[0]!.apiKey },
    });
    const id = /^created ([0-9a-f-]{36})$/m.exec(stdout)?.[1];
    expect(id, stdout).toBeDefined();
    const answers = stdout
      .split('\n')
      .map((line) => / → (\d{3})$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [Number(m[1]), m.input.slice(0, m.index)] as const);
    expect(answers.map(([status]) => status)).toEqual([200, 200, 200, 422, 204, 404]);
    const [read, list, , refused, , gone] = answers.map(([, body]) => (body ? JSON.parse(body) : undefined));
    expect(read.data).toMatchObject({ id, email: 'ana.sousa@example.com', gender: 'female' });
    expect(list).toMatchObject({ total: 1, data: [{ id }] });
    expect(refused).toMatchObject({ code: 'identity_confirmed_field_immutable' });
    expect(gone).toMatchObject({ code: 'identity_not_found' });
  });
});
