// One Ajv validator per bundled spec, shared by response validation and decodeInvitation: adding the document
// and compiling its schemas is the costly part, so it happens once per process.

import type { SpecDocument } from './spec-document.js';
import { createSpecValidator, type SpecValidator } from './spec-validator.js';

const validators = new WeakMap<SpecDocument, SpecValidator>();

export function validatorFor(spec: SpecDocument, api: string): SpecValidator {
  let validator = validators.get(spec);
  if (!validator) {
    validator = createSpecValidator(spec, `https://kyc-contracts.invalid/${api}.json`);
    validators.set(spec, validator);
  }
  return validator;
}
