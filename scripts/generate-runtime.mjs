// Generates what the clients read at run time, from each bundled spec (generated/<api>/openapi.json):
// - generated/<api>/runtime.ts: a small module of facts (server URLs by name, operation ids by method and path, the
//   documented responses and parameters with the key of their validator, documented constants, option rules), so
//   that a client never loads the bundled spec (its descriptions, examples and code samples are most of its bytes);
// - generated/<api>/validators/*.ts: the spec's schemas compiled at build time by Ajv's standalone code, so that no
//   schema is compiled at run time and no Ajv compiler ships to a caller. `first.ts` stops at the first issue (the
//   linear pass every validated call makes), `all.ts` lists every issue (loaded only for a value that failed), and
//   each extra schema a client checks without opting in (portabl: the token answer, the invitation) gets a small
//   module of its own. The clients import them with `import()` only when validation is asked for;
// - generated/validator-helpers.ts: the one copy of Ajv's runtime helpers and ajv-formats' formats, as plain ESM,
//   that every API's validators import.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';
import addFormatsModule from 'ajv-formats';
import {
  ANNOTATION_KEYWORDS,
  documentedConstants,
  escapePointerSegment as escapeSegment,
  follow,
  operationsOf,
  readPointer,
  withoutAnnotations,
} from '../src/openapi/document.js';
import { outDirFromArgs, selectedApis } from './apis.mjs';

/** @type {(ajv: import('ajv').default, refs?: Record<string, string>) => string} */
const standaloneCode = /** @type {any} */ (standalone).default ?? standalone;
/** @type {(ajv: import('ajv').default) => unknown} */
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;

/**
 * Per API: the extra schemas a client checks on its own (name → pointer), and the option rules it reads (name →
 * pointer of a schema whose constraint keywords are kept).
 */
const EXTRAS = {
  portabl: {
    modules: {
      token: '#/components/schemas/AccessToken',
      invitation: '#/components/schemas/OutOfBandInvitation',
    },
    rules: {
      scopes: '#/components/schemas/AccessTokenRequest/properties/scopes',
      scope: '#/components/schemas/Scope',
      accessToken: '#/components/schemas/AccessToken/properties/accessToken',
    },
  },
};

/** The constraint keywords of a schema (annotations and x- extensions dropped). */
function constraints(schema) {
  return Object.fromEntries(
    Object.entries(schema ?? {}).filter(([k]) => !ANNOTATION_KEYWORDS.has(k) && !k.startsWith('x-')),
  );
}

/** The runtime facts of one API, and the schema pointers its validators cover (key → pointer). */
export function runtimeFacts(doc, api) {
  const pointers = new Map();
  const keyOf = (pointer) => {
    if (!pointers.has(pointer)) pointers.set(pointer, `v${pointers.size}`);
    return pointers.get(pointer);
  };
  const operations = {};
  for (const { method, path: pathTemplate, pointer: opPointer, operation, parameterSites } of operationsOf(doc)) {
    const parameters = new Map();
    for (const parameter of parameterSites) {
      const schema = follow(doc, parameter.value.schema, `${parameter.pointer}/schema`);
      parameters.set(`${parameter.value.in}:${parameter.value.name}`, {
        name: String(parameter.value.name),
        in: parameter.value.in,
        required: parameter.value.required === true,
        schema: keyOf(schema.pointer),
        ...(parameter.value.in === 'path' ? { rule: constraints(schema.value) } : {}),
      });
    }
    const responses = {};
    for (const [status, raw] of Object.entries(operation.responses ?? {})) {
      const response = follow(doc, raw, `${opPointer}/responses/${escapeSegment(status)}`);
      const content = {};
      for (const [mediaType, media] of Object.entries(response.value.content ?? {})) {
        content[mediaType] =
          media.schema === undefined ? null : keyOf(`${response.pointer}/content/${escapeSegment(mediaType)}/schema`);
      }
      responses[status] = content;
    }
    let requestBody;
    if (operation.requestBody !== undefined) {
      const body = follow(doc, operation.requestBody, `${opPointer}/requestBody`);
      const mediaType = Object.keys(body.value.content ?? {}).find((m) => m.endsWith('json'));
      requestBody = {
        required: body.value.required === true,
        ...(mediaType ? { schema: keyOf(`${body.pointer}/content/${escapeSegment(mediaType)}/schema`) } : {}),
      };
    }
    operations[`${method.toUpperCase()} ${pathTemplate}`] = {
      id: operation.operationId ?? `${method.toUpperCase()} ${pathTemplate}`,
      parameters: [...parameters.values()],
      responses,
      ...(requestBody ? { requestBody } : {}),
    };
  }
  const extras = EXTRAS[api] ?? { modules: {}, rules: {} };
  const rules = Object.fromEntries(
    Object.entries(extras.rules).map(([name, pointer]) => [name, constraints(readPointer(doc, pointer))]),
  );
  return {
    facts: {
      api,
      servers: (doc.servers ?? []).map((s) => ({ url: s.url, description: s.description ?? '' })),
      operations,
      constants: documentedConstants(doc).sort(),
      rules,
    },
    pointers,
    modules: extras.modules,
  };
}

const FORMATS_MODULE = 'ajv-formats/dist/formats';
// Ajv's runtime helpers whose default export is one function without free variables: ucs2length, and equal (which is
// fast-deep-equal's function).
const SELF_CONTAINED_HELPERS = ['ajv/dist/runtime/ucs2length', 'ajv/dist/runtime/equal'];
const require = createRequire(import.meta.url);

/** @type {{ declarations: Map<string, string>, formats: Map<string, string> } | undefined} */
let formatSourcesRead;
/**
 * ajv-formats' formats module as its top-level declarations (name → source) and the expression of each format in
 * `fullFormats`: read from its (compiled, regular) source, so that a format is copied with exactly what it uses.
 * Read once per run: helperName asks for it at every format reference of every compiled module.
 */
function formatSources() {
  formatSourcesRead ??= readFormatSources();
  return formatSourcesRead;
}

function readFormatSources() {
  const lines = fs.readFileSync(require.resolve(`${FORMATS_MODULE}.js`), 'utf8').split('\n');
  const declarations = new Map();
  for (let i = 0; i < lines.length; i++) {
    const start = /^(?:function (\w+)\(|const (\w+) = )/.exec(lines[i]);
    if (!start) continue;
    let end = i;
    if (start[1]) while (lines[end] !== '}') end++;
    else while (!lines[end].endsWith(';')) end++;
    declarations.set(start[1] ?? start[2], lines.slice(i, end + 1).join('\n'));
    i = end;
  }
  const formats = new Map();
  const from = lines.indexOf('exports.fullFormats = {');
  for (let i = from + 1; lines[i] !== '};'; i++) {
    const entry = /^ {4}(?:"([^"]+)"|([\w$]+))(?:: (.*?))?,?$/.exec(lines[i]);
    if (entry) formats.set(entry[1] ?? entry[2], entry[3] ?? entry[2]);
  }
  return { declarations, formats };
}

/** The name a helper has in generated/validator-helpers.ts: `ucs2length`, `equal`, or `format_<name>`. */
function helperName(specifier, member) {
  if (SELF_CONTAINED_HELPERS.includes(specifier) && member === '.default') return specifier.split('/').pop();
  if (specifier !== FORMATS_MODULE) return undefined;
  const name = /^\.fullFormats(?:\.([\w$]+)|\["([^"]+)"\])$/.exec(member);
  const format = name && (name[1] ?? name[2]);
  if (!format || !formatSources().formats.has(format))
    throw new Error(`${specifier}${member}: not a format this generator can copy`);
  return `format_${format.replace(/[^\w$]/g, '_')}`;
}

/**
 * generated/validator-helpers.ts: Ajv's self-contained runtime helpers (SELF_CONTAINED_HELPERS, copied by their
 * source) and every format of ajv-formats' `fullFormats`, as plain ESM: one copy that every API's validators import,
 * instead of ajv-formats' CommonJS module. The declarations the formats use are copied once, in ajv-formats' own
 * order; each format export is marked pure, so a bundle keeps only the formats its validators use.
 * @throws {Error} when a copied declaration would take the name of an export
 */
function helpersModule() {
  const { declarations, formats } = formatSources();
  const exports = SELF_CONTAINED_HELPERS.map(
    (specifier) => `export const ${helperName(specifier, '.default')} = ${require(specifier).default.toString()};`,
  );
  const needed = new Set();
  const visit = (source) => {
    for (const [id] of source.matchAll(/[A-Za-z_$][\w$]*/g)) {
      if (declarations.has(id) && !needed.has(id)) {
        needed.add(id);
        visit(declarations.get(id));
      }
    }
  };
  for (const [format, expression] of formats) {
    visit(expression);
    exports.push(
      `// ajv-formats' "${format}" format\nexport const ${helperName(FORMATS_MODULE, `.fullFormats[${JSON.stringify(format)}]`)} = /* @__PURE__ */ (() => (${expression}))();`,
    );
  }
  const exported = new Set(exports.map((line) => /export const ([\w$]+)/.exec(line)?.[1]));
  const clash = [...needed].filter((id) => exported.has(id));
  if (clash.length > 0) throw new Error(`validator-helpers.ts: ${clash.join(', ')} would be declared twice`);
  const copied = [...declarations.keys()].filter((id) => needed.has(id)).map((id) => declarations.get(id));
  return [
    '// @ts-nocheck',
    '// Generated by scripts/generate-runtime.mjs from ajv and ajv-formats: do not edit.',
    `// What the formats use, copied from ${FORMATS_MODULE}.js:`,
    ...copied,
    ...exports,
    '',
  ].join('\n');
}

/** Ajv's standalone ESM code for `refs` (export name → pointer), made self-standing for Node, browsers and bundlers. */
function compileModule(doc, api, refs, allErrors) {
  const id = `https://kyc-contracts.invalid/${api}.json`;
  // The same options as src/spec-validator.ts, which the tests use: both judge by the same rules.
  const ajv = new Ajv2020({
    strict: false,
    allErrors,
    validateFormats: true,
    code: { source: true, esm: true, optimize: true },
  });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, true);
  // Annotations (descriptions, examples) change no verdict; left out, they stay out of the shipped code.
  ajv.addSchema({ ...withoutAnnotations(doc), $id: id });
  const code = standaloneCode(
    ajv,
    Object.fromEntries(Object.entries(refs).map(([name, pointer]) => [name, `${id}${pointer}`])),
  );
  // Standalone code `require`s Ajv's small runtime helpers and ajv-formats' format functions (CommonJS). They are
  // imported from generated/validator-helpers.ts, their plain-ESM copies (see helpersModule), so that the validators
  // pull in no CommonJS (the invitation's loads with the portabl client); any other would be turned into an ESM
  // import, whose CommonJS interop differs between Node and bundlers, hence the `.default` fallbacks.
  const imports = new Map();
  const helpers = new Set();
  const inlined = code.replace(
    /require\("([^"]+)"\)(\.default|\.fullFormats(?:\.[\w$]+|\["[^"]+"\]))/g,
    (whole, specifier, member) => {
      const name = helperName(specifier, member);
      if (name) helpers.add(name);
      return name ?? whole;
    },
  );
  const body = inlined.replace(/require\("([^"]+)"\)/g, (_, specifier) => {
    if (!imports.has(specifier)) imports.set(specifier, `__m${imports.size}`);
    const name = imports.get(specifier);
    return `(${name}.default && ${name}.default.__esModule ? ${name}.default : ${name})`;
  });
  const head = [
    ...(helpers.size > 0 ? [`import { ${[...helpers].sort().join(', ')} } from "../../validator-helpers.js";`] : []),
    ...[...imports].map(([specifier, name]) => `import * as ${name} from "${specifier}.js";`),
  ].join('\n');
  return `// @ts-nocheck\n// Generated by scripts/generate-runtime.mjs from the bundled spec: do not edit.\n${head}\n${body.replace(/^"use strict";/, '')}\n`;
}

/**
 * The places in a RuntimeSpec where an object may be shared (`*` any key, `#` any index), each with the name its
 * constants take and their type (from src/runtime-spec.ts, so that a shared object is checked as strictly as one
 * written in place). Every operation repeats the same error responses and most repeat the same path parameter: each
 * such object is written once. Sharing is sound because nothing writes into a RuntimeSpec at run time (src/ only
 * reads it).
 */
const SHARED_PLACES = [
  { at: 'operations.*.parameters', name: 'parameters', type: 'RuntimeParameter[]' },
  { at: 'operations.*.parameters.#', name: 'parameter', type: 'RuntimeParameter' },
  { at: 'operations.*.parameters.#.rule', name: 'rule', type: "NonNullable<RuntimeParameter['rule']>" },
  { at: 'operations.*.responses', name: 'responses', type: "RuntimeOperation['responses']" },
  { at: 'operations.*.responses.*', name: 'content', type: "RuntimeOperation['responses'][string]" },
  { at: 'operations.*.requestBody', name: 'requestBody', type: "NonNullable<RuntimeOperation['requestBody']>" },
].map((place) => ({ ...place, at: place.at.split('.') }));

/** The shared place `trail` (keys and indexes from the root) stands at, if any. */
const placeOf = (trail) =>
  SHARED_PLACES.find(
    ({ at }) =>
      at.length === trail.length &&
      at.every((s, i) =>
        s === '*' ? typeof trail[i] === 'string' : s === '#' ? typeof trail[i] === 'number' : s === trail[i],
      ),
  );

/**
 * Rebuilds `value` from its leaves up: `visit(copy, trail, original)` gets each object or array after its members,
 * and what it returns stands in its place.
 * @throws {Error} when a string holds a NUL character (the mark that stands for a name while writing)
 */
function rebuild(value, visit, trail = []) {
  if (typeof value === 'string' && value.includes('\u0000'))
    throw new Error(`runtime facts: a NUL in ${trail.join('.')}`);
  if (value === null || typeof value !== 'object') return value;
  const copy = Array.isArray(value)
    ? value.map((v, i) => rebuild(v, visit, [...trail, i]))
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rebuild(v, visit, [...trail, k])]));
  return visit(copy, trail, value);
}

/**
 * `facts` as TypeScript: each non-empty object that stands twice or more at one of SHARED_PLACES is declared once,
 * as a typed `const` (inner ones first), and named wherever it stands; the exported value is deep-equal to `facts`.
 */
function runtimeModule(facts) {
  const keyOf = (place, original) => `${place.name} ${JSON.stringify(original)}`;
  const times = new Map();
  rebuild(facts, (copy, trail, original) => {
    const place = placeOf(trail);
    if (place && Object.keys(original).length > 0) {
      const key = keyOf(place, original);
      times.set(key, (times.get(key) ?? 0) + 1);
    }
    return copy;
  });
  const names = new Map();
  const taken = {};
  const declarations = [];
  const usedTypes = new Set();
  const written = (value) => JSON.stringify(value, null, 2).replace(/"\\u0000([\w$]+)"/g, '$1');
  const body = rebuild(facts, (copy, trail, original) => {
    const place = placeOf(trail);
    const key = place && keyOf(place, original);
    if (!((times.get(key) ?? 0) > 1)) return copy;
    if (!names.has(key)) {
      taken[place.name] = (taken[place.name] ?? 0) + 1;
      const name = `${place.name}${taken[place.name] - 1}`;
      names.set(key, name);
      declarations.push(`const ${name}: ${place.type} = ${written(copy)};`, '');
      usedTypes.add(place.type);
    }
    return `\u0000${names.get(key)}`;
  });
  const types = ['RuntimeOperation', 'RuntimeParameter'].filter((t) => [...usedTypes].some((u) => u.includes(t)));
  return [
    '// Generated by scripts/generate-runtime.mjs from the bundled spec: do not edit.',
    '// What the client reads at run time instead of the bundled spec (see src/runtime-spec.ts). An object that',
    '// operations share is written once, as a const, and stands for all of them: nothing may write into it.',
    `import type { ${[...types, 'RuntimeSpec'].join(', ')} } from '../../src/runtime-spec.js';`,
    '',
    ...declarations,
    `export const runtime: RuntimeSpec = ${written(body)};`,
    '',
  ].join('\n');
}

fs.writeFileSync(path.join(outDirFromArgs(), 'validator-helpers.ts'), helpersModule());
for (const { name } of selectedApis()) {
  const out = path.join(outDirFromArgs(), name);
  const doc = JSON.parse(fs.readFileSync(path.join(out, 'openapi.json'), 'utf8'));
  const { facts, pointers, modules } = runtimeFacts(doc, name);
  fs.writeFileSync(path.join(out, 'runtime.ts'), runtimeModule(facts));
  const validatorsDir = path.join(out, 'validators');
  fs.rmSync(validatorsDir, { recursive: true, force: true });
  fs.mkdirSync(validatorsDir, { recursive: true });
  const refs = Object.fromEntries([...pointers].map(([pointer, key]) => [key, pointer]));
  fs.writeFileSync(path.join(validatorsDir, 'first.ts'), compileModule(doc, name, refs, false));
  fs.writeFileSync(path.join(validatorsDir, 'all.ts'), compileModule(doc, name, refs, true));
  for (const [module, pointer] of Object.entries(modules)) {
    fs.writeFileSync(path.join(validatorsDir, `${module}.ts`), compileModule(doc, name, { validate: pointer }, true));
  }
  console.log(`✔ ${path.relative(process.cwd(), out)}/runtime.ts and validators/ (${pointers.size} schemas)`);
}
