// The docs show every workflow with its steps in order and the command that runs it, and the landing page links
// there (generated/docs/workflows.html; the drift test proves the committed page is the one these files render).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { externalReferencesIn } from '../../scripts/docs/offline-html.mjs';
import { readWorkflows, renderWorkflowsPage, respectCommand } from '../../scripts/docs/workflows-page.mjs';
import { loadBundle, repoRoot } from '../support/bundles.js';

const workflows = readWorkflows(path.join(repoRoot, 'workflows'));
const html = renderWorkflowsPage({
  workflows,
  docs: { portabl: loadBundle('portabl'), identity: loadBundle('identity') },
});

describe('workflows page', () => {
  it.each(workflows.map((w) => [w.file, w] as const))(
    '%s: its title, run command and every step in order, with method and path',
    (_file, { file, document }) => {
      expect(html).toContain(`<section id="${file.replace('.arazzo.yaml', '')}">`);
      expect(html).toContain(document.info.title.replace(/'/g, '&#39;'));
      expect(html).toContain(respectCommand(file, document).replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      const section = html.slice(html.indexOf(`<section id="${file.replace('.arazzo.yaml', '')}">`));
      let from = 0;
      for (const step of document.workflows[0].steps) {
        const at = section.indexOf(`<li id="${step.stepId}">`, from);
        expect(at, step.stepId).toBeGreaterThan(from - 1);
        from = at + 1;
      }
      // Each step names its operation as METHOD /path (operationId), read from the bundle.
      expect(section).toMatch(
        /<h4>1\. [A-Za-z]+: <code>(GET|POST|PUT|PATCH|DELETE) \/[^ ]+ \([a-zA-Z]+\)<\/code><\/h4>/,
      );
    },
  );

  it('loads nothing from the network, and the landing page links it', () => {
    expect(externalReferencesIn(html)).toEqual([]);
    expect(readFileSync(path.join(repoRoot, 'docs-src', 'index.html'), 'utf8')).toContain('<a href="workflows.html">');
  });
});
