// Walks a bundled OpenAPI document the way a validator needs it: every request and response media type, with the
// JSON pointer of its schema, so that a schema can be named by its place in the document. Built on the package's one
// walker (src/openapi/document.js).
import {
  childPointer,
  follow as followRef,
  type Located,
  operationsOf,
  readPointer,
} from '../../src/openapi/document.js';
import type { OpenApiDocument } from './bundles.js';

export type { Located };

/** The value at a local JSON pointer; throws naming the pointer when it does not resolve. */
export const resolvePointer = (doc: OpenApiDocument, pointer: string): unknown => readPointer(doc, pointer);

/** The value under `parent` at `keys`, with its pointer (no `$ref` followed). */
export const child = (parent: Located, ...keys: string[]): Located => ({
  value: keys.reduce((v: any, k) => v?.[k], parent.value),
  pointer: childPointer(parent.pointer, ...keys),
});

/** `located` with its local `$ref`s followed. */
export const follow = (doc: OpenApiDocument, located: Located): Located =>
  followRef(doc, located.value, located.pointer) ?? located;

export interface MediaTypeSite {
  operationId: string;
  where: string; // e.g. "request application/json" or "response 404 application/json"
  mediaType: Located;
  schemaPointer: string;
  examples: { name: string; value: unknown }[];
}

/** Every request and response media type of every operation, with its schema pointer and its examples resolved. */
export function mediaTypeSites(doc: OpenApiDocument): MediaTypeSite[] {
  const sites: MediaTypeSite[] = [];
  for (const { method, path, pointer, operation } of operationsOf(doc)) {
    const op: Located = { value: operation, pointer };
    const operationId = operation.operationId ?? `${method.toUpperCase()} ${path}`;
    const bodies: [string, Located][] = [];
    if (operation.requestBody) bodies.push(['request', follow(doc, child(op, 'requestBody'))]);
    for (const status of Object.keys(operation.responses ?? {}))
      bodies.push([`response ${status}`, follow(doc, child(op, 'responses', status))]);
    for (const [label, holder] of bodies) {
      for (const mt of Object.keys(holder.value.content ?? {})) {
        const mediaType = child(holder, 'content', mt);
        const schema = follow(doc, child(mediaType, 'schema'));
        const examples: { name: string; value: unknown }[] = [];
        if ('example' in mediaType.value) examples.push({ name: 'example', value: mediaType.value.example });
        for (const name of Object.keys(mediaType.value.examples ?? {})) {
          const ex = follow(doc, child(mediaType, 'examples', name));
          if (!('value' in ex.value))
            throw new Error(`${ex.pointer} has no inline value (externalValue is not supported)`);
          examples.push({ name, value: ex.value.value });
        }
        sites.push({ operationId, where: `${label} ${mt}`, mediaType, schemaPointer: schema.pointer, examples });
      }
    }
  }
  return sites;
}
