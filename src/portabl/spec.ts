// The bundled Portabl spec, read at runtime for server URLs, operation ids and response schemas.
//
// Loaded with a JSON import rather than fs: the relative path is resolved by the module system, so it works from
// src/ (vitest, tsx), from dist/ after `tsc` (the import is kept as written and dist/<x>/ sits at the same depth as
// src/<x>/, whichever rootDir the build uses; with rootDir "." tsc copies the JSON next to the output), and in
// bundlers (esbuild/Vite inline it). fs would need a path computed from import.meta.url and fail in browsers.
import document from '../../generated/portabl/openapi.json' with { type: 'json' };
import type { SpecDocument } from '../spec-document.js';

export const portablSpec: SpecDocument = document as unknown as SpecDocument;
