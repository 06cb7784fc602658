import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { requireAssembledPipeline } from '../../catalogue/context-pipeline.js';
import { findStepsGets } from '../../simulator/pipeline-expressions.js';
import { propertyReferenceProblems } from '../../simulator/property-reference-problems.js';

export const propertyReferencesValid = defineCheck({
  id: 'level4.property_references_valid',
  level: 4,
  severity: 'blocker',
  appliesTo: 'all',
  title: 'Every Get in the pipeline names an earlier step and a real property of its response',
  async run(ctx) {
    const { definition } = await requireAssembledPipeline(ctx);
    const references = definition.Steps.flatMap((s) => findStepsGets(s.Arguments).map((g) => `${s.Name}: ${g.get}`));
    const problems = propertyReferenceProblems(definition);
    return outcomeFromProblems(problems, `${references.length} step property references are valid`, problems.length > 0 ? { problems, references } : undefined);
  },
});
