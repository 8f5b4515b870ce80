// The resource lifecycles the stateful checks follow, by operationId: how a resource is created, where its id is
// in the answer (or the request), how it is read back and deleted. The specs carry no OpenAPI `links` yet, so the
// pairing is written here once; runConformance refuses a table that names an operation the bundle lacks.

/**
 * @typedef {object} Lifecycle
 * @property {string} create     operationId that creates the resource
 * @property {(request: object, body: any) => string | undefined} idOf  the new resource's id
 * @property {string} read       operationId that reads it back (answers 2xx while it exists)
 * @property {string} readParam  the path parameter of `read` that takes the id
 * @property {string} [remove]   operationId that deletes it (then `read` must answer 404)
 * @property {string} [removeParam]
 * @property {(request: object) => boolean} [applies]  which generated creates to follow (default all)
 * @property {(request: object) => object} [prepare]  adjusts a generated create so that it can succeed (it must stay
 *   valid: e.g. drop an optional reference to a resource that does not exist)
 */

/** @type {Record<string, Lifecycle[]>} */
export const LIFECYCLES = {
  identity: [
    {
      create: 'createIdentity',
      // A company needs an existing person as its owner: a generated owner id is unknown, so only people are
      // followed (the company flow is the Arazzo workflow workflows/identity-company.arazzo.yaml).
      applies: (request) => request.body?.type === 'person',
      // A person's owner is optional, and a generated owner id names nobody (404 identity_owner_not_found).
      prepare: (request) => {
        const { identityOwner: _unknown, ...body } = request.body;
        return { ...request, body };
      },
      idOf: (_request, body) => body?.data?.id,
      read: 'getIdentity',
      readParam: 'id',
      remove: 'deleteIdentity',
      removeParam: 'id',
    },
  ],
  portabl: [
    {
      create: 'upsertUser',
      idOf: (request) => request.pathParams.userId,
      read: 'getUserSettings',
      readParam: 'userId',
    },
  ],
};
