// generated/docs/workflows.html: the Arazzo workflows of workflows/ rendered for reading: each flow with its inputs
// and its steps in order (operation, what it sends from earlier steps, what it checks), and the command that runs it
// against a server. Derived from the .arazzo.yaml files and the bundles only, so it cannot drift from them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { operationsOf } from '../../src/openapi/document.js';
import { escapeHtml } from './landing-page.mjs';

/**
 * The workflow files of a folder, parsed, in name order.
 * @param {string} dir  the workflows/ folder
 * @returns {{file: string, document: any}[]}
 */
export function readWorkflows(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.arazzo.yaml'))
    .sort()
    .map((file) => ({ file, document: parse(readFileSync(path.join(dir, file), 'utf8')) }));
}

const code = (text) => `<code>${escapeHtml(text)}</code>`;

/** `$sourceDescriptions.identity.getIdentity` → `GET /identities/{id}`, from the bundle the workflow names. */
function operationLine(docs, operationId) {
  const [, source, id] = /^\$sourceDescriptions\.([^.]+)\.(.+)$/.exec(operationId) ?? [
    undefined,
    undefined,
    operationId,
  ];
  const doc = docs[source];
  const found = doc && operationsOf(doc).find((o) => o.operation.operationId === id);
  return found ? `${found.method.toUpperCase()} ${found.path} (${id})` : id;
}

/** The command that runs a workflow file against servers the reader chooses. */
export function respectCommand(file, document) {
  const servers = document.sourceDescriptions.map((s) => `--server ${s.name}=<base URL of the ${s.name} API>`);
  const inputs = Object.keys(document.workflows[0]?.inputs?.properties ?? {}).map((name) => `-i ${name}=...`);
  return ['npx redocly respect', `workflows/${file}`, ...servers, ...inputs].join(' ');
}

function renderStep(docs, step, index) {
  const sent = [
    ...(step.parameters ?? [])
      .filter((p) => !/^(apikey|authorization)$/i.test(p.name))
      .map((p) => `${p.in} ${code(p.name)} = ${code(typeof p.value === 'string' ? p.value : JSON.stringify(p.value))}`),
    ...(step.requestBody ? [`body ${code(step.requestBody.contentType ?? 'application/json')}`] : []),
  ];
  const checks = (step.successCriteria ?? []).map((c) => code(c.condition));
  const outputs = Object.entries(step.outputs ?? {}).map(([name, value]) => `${code(name)} = ${code(value)}`);
  return [
    `<li id="${escapeHtml(step.stepId)}"><h4>${index + 1}. ${escapeHtml(step.stepId)}: ${code(operationLine(docs, step.operationId))}</h4>`,
    step.description ? `<p>${escapeHtml(step.description.replace(/`/g, ''))}</p>` : '',
    sent.length ? `<p class="label">Sends</p><ul>${sent.map((s) => `<li>${s}</li>`).join('')}</ul>` : '',
    checks.length ? `<p class="label">Checks</p><ul>${checks.map((c) => `<li>${c}</li>`).join('')}</ul>` : '',
    outputs.length ? `<p class="label">Keeps</p><ul>${outputs.map((o) => `<li>${o}</li>`).join('')}</ul>` : '',
    '</li>',
  ].join('');
}

/**
 * The page.
 * @param {{workflows: {file: string, document: any}[], docs: Record<string, object>}} input  `docs`: the bundles
 *   by source description name
 * @returns {string} a self-contained HTML page (no script, style or font from the network)
 * @example renderWorkflowsPage({ workflows: readWorkflows('workflows'), docs: { portabl, identity } })
 */
export function renderWorkflowsPage({ workflows, docs }) {
  const sections = workflows.map(({ file, document }) => {
    const flows = document.workflows.map((workflow) => {
      const inputs = Object.entries(workflow.inputs?.properties ?? {}).map(
        ([name, schema]) => `<li>${code(name)}${schema.description ? `: ${escapeHtml(schema.description)}` : ''}</li>`,
      );
      return [
        `<h3 id="${escapeHtml(workflow.workflowId)}">${escapeHtml(workflow.workflowId)}</h3>`,
        `<p>${escapeHtml(workflow.summary ?? '')}${workflow.description ? ` ${escapeHtml(workflow.description)}` : ''}</p>`,
        inputs.length ? `<p class="label">Inputs</p><ul>${inputs.join('')}</ul>` : '',
        `<ol class="steps">${workflow.steps.map((step, i) => renderStep(docs, step, i)).join('')}</ol>`,
      ].join('\n');
    });
    return [
      `<section id="${escapeHtml(file.replace(/\.arazzo\.yaml$/, ''))}">`,
      `<h2>${escapeHtml(document.info.title)}</h2>`,
      `<p>${escapeHtml(
        (document.info.description ?? '')
          .trim()
          .split(/\n\s*\n/)[0]
          .replace(/\s+/g, ' ')
          .replace(/`/g, ''),
      )}</p>`,
      `<p class="label">Run it</p><pre><code>${escapeHtml(respectCommand(file, document))}</code></pre>`,
      `<p class="file">${code(`workflows/${file}`)} (Arazzo ${escapeHtml(document.arazzo)})</p>`,
      ...flows,
      '</section>',
    ].join('\n');
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Executable workflows</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; color: #1d2330; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
pre { background: #f3f5f9; padding: .75rem 1rem; overflow-x: auto; border-radius: 6px; }
code { font-family: ui-monospace, monospace; font-size: .9em; }
section { border-top: 1px solid #d8dde8; margin-top: 2.5rem; }
.steps > li { margin-bottom: 1rem; }
.steps h4 { margin: .5rem 0 .25rem; }
.label { font-weight: 600; margin: .5rem 0 0; }
.file { color: #5b6475; }
</style>
</head>
<body>
<main>
<p><a href="index.html">← All docs</a></p>
<h1>Executable workflows</h1>
<p>The real multi-step flows of both APIs, written in the OpenAPI Initiative's Arazzo 1.0.1 format next to the specs
(<code>workflows/</code>). Each runs with <code>redocly respect</code> against any server of the API: every step's
status, the checks listed under it, and its answer against the spec. <code>npm test</code> runs all of them against
the package's sandbox. Point <code>--server</code> at your server: without it, respect would call the servers the
spec names.</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}
