import { describe, expect, it } from 'vitest';
import { listResponseMembers } from '../../src/response-shapes.js';
import { serviceConstraints } from '../../src/service-constraints.js';
import { STEP_TYPE_NAMES, STEP_TYPES, isStepTypeName, stepTypeVocabulary } from '../../src/step-types/vocabulary.js';

describe('the step-type vocabulary', () => {
  it('finds an entry by registration type or pipeline Type, and nothing else', () => {
    expect(stepTypeVocabulary('CreateModel')).toBe(STEP_TYPES.CreateModel);
    expect(stepTypeVocabulary('Model')).toBe(STEP_TYPES.CreateModel);
    expect(stepTypeVocabulary('Training')).toBe(STEP_TYPES.Training);
    expect(stepTypeVocabulary('Tuning')).toBeUndefined();
    expect(stepTypeVocabulary('toString')).toBeUndefined();
    expect(isStepTypeName('Model')).toBe(false);
    expect(isStepTypeName('Transform')).toBe(true);
  });

  it.each(STEP_TYPE_NAMES)('%s names a request shape with its job-name member and a response shape the SDK has', (stepType) => {
    const { requestShape, responseShape, jobNameMember, createOperation, describeOperation } = STEP_TYPES[stepType];
    expect(serviceConstraints.shapes[requestShape]?.members).toHaveProperty(jobNameMember);
    expect(serviceConstraints.shapes[requestShape]?.required).toContain(jobNameMember);
    expect(listResponseMembers(responseShape)).toContain(jobNameMember);
    expect(requestShape.startsWith(createOperation)).toBe(true);
    expect(responseShape.startsWith(describeOperation)).toBe(true);
  });
});
