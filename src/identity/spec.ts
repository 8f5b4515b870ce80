// The bundled Identities spec, read at runtime for server URLs, operation ids and response schemas.
// A JSON import, for the reasons given in ../portabl/spec.ts.
import document from '../../generated/identity/openapi.json' with { type: 'json' };
import type { SpecDocument } from '../spec-document.js';

export const identitySpec: SpecDocument = document as unknown as SpecDocument;
