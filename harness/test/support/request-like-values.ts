import fc from 'fast-check';

/**
 * Values shaped like a step's request: nested objects and arrays of strings, numbers, booleans and null, with pipeline
 * expressions (`Get`, `Std:Join`, `Std:JsonGet`) among them, keys that need quoting in a path, and holes in arrays.
 */
export const requestLikeValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)),
    fc.record({ Get: fc.constantFrom('Parameters.P', 'Steps.A.Properties.X', 'Execution.PipelineExecutionId') }),
    fc.record({ 'Std:Join': fc.record({ On: fc.constantFrom('/', ''), Values: fc.array(tie('value'), { maxLength: 3 }) }) }),
    fc.record({ 'Std:JsonGet': fc.record({ Path: fc.string(), PropertyFile: tie('value') }) }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.sparseArray(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('S3Uri', 'a.b', 'x y')), tie('value'), { maxKeys: 4 }),
  ),
})).value;
