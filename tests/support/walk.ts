// Walks a bundled OpenAPI document the way a validator needs it: following local $refs while remembering the JSON
// pointer of what was reached, so that a schema can be named by its place in the document.
import { HTTP_METHODS, type OpenApiDocument } from './bundles.js';
import { pointerSegment } from '../../src/spec-validator.js';

export interface Located<T = any> {
  value: T;
  pointer: string;
}

export function resolvePointer(doc: OpenApiDocument, pointer: string): unknown {
  let node: any = doc;
  for (const raw of pointer.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) throw new Error(`${pointer} does not resolve`);
    node = node[key];
  }
  return node;
}

export function follow(doc: OpenApiDocument, located: Located): Located {
  let current = located;
  for (let hops = 0; current.value && typeof current.value === 'object' && typeof current.value.$ref === 'string'; hops++) {
    if (hops > 20) throw new Error(`$ref cycle at ${current.pointer}`);
    const ref: string = current.value.$ref;
    if (!ref.startsWith('#')) throw new Error(`external $ref ${ref} at ${current.pointer}: the bundle must be self-contained`);
    current = { value: resolvePointer(doc, ref), pointer: ref };
  }
  return current;
}

export const child = (parent: Located, ...keys: string[]): Located => ({
  value: keys.reduce((v: any, k) => v?.[k], parent.value),
  pointer: `${parent.pointer}/${keys.map(pointerSegment).join('/')}`,
});

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
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of HTTP_METHODS) {
      if (!item[method]) continue;
      const op: Located = { value: item[method], pointer: `#/paths/${pointerSegment(path)}/${method}` };
      const operationId = op.value.operationId ?? `${method.toUpperCase()} ${path}`;
      const bodies: [string, Located][] = [];
      if (op.value.requestBody) bodies.push(['request', follow(doc, child(op, 'requestBody'))]);
      for (const status of Object.keys(op.value.responses ?? {})) {
        bodies.push([`response ${status}`, follow(doc, child(op, 'responses', status))]);
      }
      for (const [label, holder] of bodies) {
        for (const mt of Object.keys(holder.value.content ?? {})) {
          const mediaType = child(holder, 'content', mt);
          const schema = follow(doc, child(mediaType, 'schema'));
          const examples: { name: string; value: unknown }[] = [];
          if ('example' in mediaType.value) examples.push({ name: 'example', value: mediaType.value.example });
          for (const name of Object.keys(mediaType.value.examples ?? {})) {
            const ex = follow(doc, child(mediaType, 'examples', name));
            if (!('value' in ex.value)) throw new Error(`${ex.pointer} has no inline value (externalValue is not supported)`);
            examples.push({ name, value: ex.value.value });
          }
          sites.push({ operationId, where: `${label} ${mt}`, mediaType, schemaPointer: schema.pointer, examples });
        }
      }
    }
  }
  return sites;
}
