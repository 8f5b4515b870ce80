// The bundled specs the sandbox serves. JSON imports, for the reasons given in ../portabl/spec.ts: they resolve
// from src/ and from dist/ alike.

import identity from '../../generated/identity/openapi.json' with { type: 'json' };
import portabl from '../../generated/portabl/openapi.json' with { type: 'json' };
import type { SpecDocument } from '../spec-document.js';

export const sandboxSpecs: { portabl: SpecDocument; identity: SpecDocument } = {
  portabl: portabl as unknown as SpecDocument,
  identity: identity as unknown as SpecDocument,
};
