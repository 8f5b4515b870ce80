// Generates TypeScript types from each bundled spec: generated/<api>/schema.ts.
//
// openapi-typescript's defaults, with two adjustments derived from the spec itself:
// 1. Defaults. `defaultNonNullable` makes a property with a `default` required, which is right for a response (the
//    server always sends it) and wrong for a request (the server fills it in when it is left out). openapi-typescript
//    already leaves inline parameter and request-body schemas alone, but not a component schema that a parameter or
//    a request body uses by `$ref` (`PageRequest`, so `page: {size: 10}` did not compile). Here every property with a
//    default is optional in a component schema reachable from a request (parameters, request bodies); component
//    schemas reachable only from responses keep the default as required. A schema used on both sides must accept
//    the request, so there it is optional too.
// 2. Filter operators. A string field of a `deepObject` query parameter whose `pattern` admits an operator prefix
//    (`like:`, `in:`, `nin:`) is typed `string | FilterOperatorValue<op>`: the client's helpers (`like`, `anyOf`,
//    `noneOf`) return a FilterOperatorValue, so each one compiles only on a field whose pattern allows its operator.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER, QUESTION_TOKEN, STRING } from 'openapi-typescript';
import ts from 'typescript';
import { parse } from 'yaml';
import { operationsOf, reachableRefs, resolveRef } from '../src/openapi/document.js';
import { outDirFromArgs, selectedApis } from './apis.mjs';

/** The operators the Identities API spells inside a filter value, as the client's helpers produce them. */
export const FILTER_OPERATORS = ['like', 'in', 'nin'];

const FILTER_OPERATOR_VALUE = `/**
 * A filter value with an operator (\`like:\`, \`in:\`, \`nin:\`), made by the client's helpers \`like\`, \`anyOf\` and
 * \`noneOf\`. A string at run time; typed apart from \`string\` so that a helper compiles only on a field whose
 * \`pattern\` in the spec admits its operator.
 */
export interface FilterOperatorValue<Operator extends string> {
    readonly "x-filter-operator": Operator;
    toString(): string;
}
`;

const COMPONENT_SCHEMA = /^#\/components\/schemas\/([^/]+)/;

/** Names of the component schemas reachable from `roots` (any JSON values), following local $refs (not into examples). */
export function reachableSchemas(document, roots) {
  const names = [...reachableRefs(document, roots, { skip: ['example', 'examples'] })].flatMap((ref) => {
    const schema = COMPONENT_SCHEMA.exec(ref);
    return schema ? [decodeURIComponent(schema[1])] : [];
  });
  return new Set(names);
}

/** What the type adjustments need to know about one bundled document. */
export function analyse(document) {
  const operations = operationsOf(document);
  const requestRoots = operations.flatMap(({ parameters, operation }) => [parameters, operation.requestBody]);
  const requestSchemas = reachableSchemas(document, requestRoots);
  // Component schemas of deepObject query parameters, whose string fields may carry an operator.
  const filterSchemas = new Set();
  for (const { parameters } of operations) {
    for (const parameter of parameters) {
      if (parameter?.in !== 'query' || parameter.style !== 'deepObject') continue;
      const ref = parameter.schema?.$ref;
      const name = typeof ref === 'string' ? COMPONENT_SCHEMA.exec(ref)?.[1] : undefined;
      if (name) filterSchemas.add(`#/components/schemas/${name}`);
    }
  }
  return { requestSchemas, filterSchemas };
}

/** The operators a string schema's pattern admits as a prefix (`like:x`, `in:x`...). */
export function operatorsAdmitted(schema) {
  if (!schema || schema.type !== 'string' || typeof schema.pattern !== 'string') return [];
  const pattern = new RegExp(schema.pattern, 'u');
  return FILTER_OPERATORS.filter((op) => pattern.test(`${op}:x`));
}

/** The generated TypeScript source of one bundled document (already parsed, and its file URL for openapi-typescript). */
export async function generateTypes(document, source) {
  const { requestSchemas, filterSchemas } = analyse(document);
  const underFilter = (p) => [...filterSchemas].some((s) => p === s || p?.startsWith(`${s}/`));
  const usesOperators = [...filterSchemas].some((s) =>
    Object.values(resolveRef(document, { $ref: s })?.properties ?? {}).some((v) => operatorsAdmitted(v).length > 0),
  );
  const ast = await openapiTS(source, {
    silent: true,
    transform(schemaObject, options) {
      if (!underFilter(options.path)) return undefined;
      const ops = operatorsAdmitted(schemaObject);
      if (ops.length === 0) return undefined;
      const literal = ts.factory.createUnionTypeNode(
        ops.map((op) => ts.factory.createLiteralTypeNode(ts.factory.createStringLiteral(op))),
      );
      return ts.factory.createUnionTypeNode([
        STRING,
        ts.factory.createTypeReferenceNode('FilterOperatorValue', [literal]),
      ]);
    },
    transformProperty(property, schemaObject, options) {
      if (property.questionToken || !schemaObject || typeof schemaObject !== 'object' || !('default' in schemaObject))
        return undefined;
      const owner = COMPONENT_SCHEMA.exec(options.path ?? '')?.[1];
      if (owner === undefined || !requestSchemas.has(decodeURIComponent(owner))) return undefined;
      return ts.factory.updatePropertySignature(
        property,
        property.modifiers,
        property.name,
        QUESTION_TOKEN,
        property.type,
      );
    },
  });
  // Prepended as text rather than with openapi-typescript's `inject`, which drops the doc comment.
  return `${COMMENT_HEADER}${usesOperators ? `${FILTER_OPERATOR_VALUE}\n` : ''}${astToString(ast)}`;
}

const isMain = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (isMain) {
  const outDir = outDirFromArgs();
  for (const api of selectedApis()) {
    const dir = path.join(outDir, api.name);
    const file = path.join(dir, 'openapi.yaml');
    const document = parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(path.join(dir, 'schema.ts'), await generateTypes(document, pathToFileURL(file)), 'utf8');
    console.log(
      `types: ${path.relative(process.cwd(), file)} → ${path.relative(process.cwd(), path.join(dir, 'schema.ts'))}`,
    );
  }
}
