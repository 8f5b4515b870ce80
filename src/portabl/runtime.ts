// What the portabl client reads at run time: the facts generated from the spec, and its validators compiled at build
// time, each loaded with `import()` on the first validated call only (bundlers split them off the entry).
import { runtime } from '../../generated/portabl/runtime.js';
import type { ValidatorLoaders } from '../compiled-validator.js';

export const portablRuntime = runtime;

export const portablValidators: ValidatorLoaders = {
  first: () => import('../../generated/portabl/validators/first.js'),
  all: () => import('../../generated/portabl/validators/all.js'),
};
