// What the bundled specs document: every (operation, status) pair with its schema and examples, each request body's
// schema, and which operation a concrete request (method + URL) is. The coverage gate and the case runner read this.
import { type ApiName, loadBundle, operationsOf } from '../../support/bundles.js';
import { mediaTypeSites } from '../../support/walk.js';

export interface DocumentedResponse {
  api: ApiName;
  operationId: string;
  method: string;
  path: string;
  status: number;
  /** Undefined when the response has no body (204, 202). */
  body?: { mediaType: string; schemaPointer: string; examples: { name: string; value: unknown }[] };
}

export const pairKey = (api: ApiName, operationId: string, status: number) => `${api} ${operationId} ${status}`;

const cache = new Map<ApiName, DocumentedResponse[]>();

/** Every documented response of an API, one entry per (operation, status). */
export function documentedResponses(api: ApiName): DocumentedResponse[] {
  const cached = cache.get(api);
  if (cached) return cached;
  const sites = mediaTypeSites(loadBundle(api));
  const responses: DocumentedResponse[] = [];
  for (const { method, path, operation } of operationsOf(api)) {
    const operationId: string = operation.operationId;
    for (const statusKey of Object.keys(operation.responses ?? {})) {
      const status = Number(statusKey);
      if (!Number.isInteger(status)) {
        // `default` or `4XX` cannot be asked for with `Prefer: code=`; the gate would never close.
        throw new Error(`${api} ${operationId}: response "${statusKey}" is not a single status code`);
      }
      const site = sites.find((s) => s.operationId === operationId && s.where.startsWith(`response ${statusKey} `));
      responses.push({
        api,
        operationId,
        method: method.toUpperCase(),
        path,
        status,
        ...(site
          ? {
              body: {
                mediaType: site.where.split(' ')[2]!,
                schemaPointer: site.schemaPointer,
                examples: site.examples,
              },
            }
          : {}),
      });
    }
  }
  cache.set(api, responses);
  return responses;
}

export function documentedResponse(api: ApiName, operationId: string, status: number): DocumentedResponse | undefined {
  return documentedResponses(api).find((r) => r.operationId === operationId && r.status === status);
}

/** The operation a request is, by method and path template (`/identities/{id}` matches `/identities/abc`). */
export function operationOfRequest(api: ApiName, method: string, url: string, baseUrl: string) {
  const base = new URL(baseUrl);
  const requested = new URL(url);
  const basePath = base.pathname.replace(/\/$/, '');
  const path = decodeURI(requested.pathname).slice(basePath.length);
  return operationsOf(api).find((op) => {
    if (op.method.toUpperCase() !== method.toUpperCase()) return false;
    const pattern = new RegExp(`^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`);
    return pattern.test(path);
  });
}

/** The JSON request body schema of an operation, by its pointer in the bundle (undefined without a body). */
export function documentedRequestSchema(api: ApiName, operationId: string): string | undefined {
  return mediaTypeSites(loadBundle(api)).find((s) => s.operationId === operationId && s.where.startsWith('request '))
    ?.schemaPointer;
}
