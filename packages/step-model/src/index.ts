export * from './dependency-type.js';
export * from './dependency-spec.js';
export * from './output-spec.js';
export * from './step-specification.js';
export * from './training-script-contract.js';
export * from './property-reference.js';
export * from './validation-result.js';
export * from './python-repr.js';
export { logicalNameErrors } from './logical-name.js';
