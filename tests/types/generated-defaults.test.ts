// The type generator's rule for `default` (scripts/generate-types.mjs), on a small document that has what the
// real specs do not yet: a defaulted property in a response-only schema and in a schema both sides share.
import { describe, expect, it } from 'vitest';
import { generateTypes, operatorsAdmitted } from '../../scripts/generate-types.mjs';

const json = (ref: string) => ({ content: { 'application/json': { schema: { $ref: ref } } } });
const document = {
  openapi: '3.1.0',
  info: { title: 'fixture', version: '1' },
  paths: {
    '/things': {
      get: {
        operationId: 'listThings',
        parameters: [
          {
            name: 'page',
            in: 'query',
            style: 'deepObject',
            explode: true,
            schema: { $ref: '#/components/schemas/Page' },
          },
        ],
        responses: { '200': { description: 'ok', ...json('#/components/schemas/Listing') } },
      },
      post: {
        operationId: 'createThing',
        requestBody: { required: true, ...json('#/components/schemas/Shared') },
        responses: { '200': { description: 'ok', ...json('#/components/schemas/Shared') } },
      },
    },
  },
  components: {
    schemas: {
      Page: {
        type: 'object',
        properties: { size: { type: 'integer', default: 30 }, number: { type: 'integer', default: 1 } },
      },
      Listing: { type: 'object', properties: { total: { type: 'integer', default: 0 }, cursor: { type: 'string' } } },
      Shared: { type: 'object', properties: { kind: { type: 'string', default: 'plain' } } },
    },
  },
};

function block(source: string, name: string): string {
  const start = source.indexOf(`${name}: {`);
  return source.slice(start, source.indexOf('};', start));
}

describe('generated types: defaults', () => {
  it('a defaulted property is optional in a schema a request uses and required in a response-only schema', async () => {
    const source: string = await generateTypes(document, document);
    expect(block(source, 'Page')).toMatch(/size\?: number;[\s\S]*number\?: number;/);
    expect(block(source, 'Listing')).toMatch(/\btotal: number;/);
    expect(block(source, 'Listing')).toMatch(/cursor\?: string;/);
    // Shared by a request and a response: the request must be allowed to leave it out.
    expect(block(source, 'Shared')).toMatch(/kind\?: string;/);
  });
});

describe('generated types: filter operators', () => {
  it('reads the operators a field allows from its pattern', () => {
    expect(operatorsAdmitted({ type: 'string', pattern: '^(?!(?:in|nin|like):).+$' })).toEqual([]);
    expect(operatorsAdmitted({ type: 'string', pattern: '^(?:like:)?(?!(?:in|nin|like):).+$' })).toEqual(['like']);
    expect(operatorsAdmitted({ type: 'string', pattern: '^(?:in:|nin:)?(?!(?:in|nin|like):).+$' })).toEqual([
      'in',
      'nin',
    ]);
    expect(operatorsAdmitted({ type: 'boolean' })).toEqual([]);
  });
});
