import type { PipelineDefinition, PipelineStepDefinition } from '@stepscore/step-builder';
import { describe, expect, it } from 'vitest';
import { propertyReferenceProblems } from '../../src/simulator/property-reference-problems.js';

const step = (Name: string, Type: string, Arguments: Record<string, unknown> = {}): PipelineStepDefinition => ({ Name, Type, Arguments });
const pipeline = (...steps: PipelineStepDefinition[]): PipelineDefinition => ({ Version: '2020-12-01', Metadata: {}, Parameters: [], Steps: steps });
const model = (get: string) => step('Model', 'Model', { PrimaryContainer: { ModelDataUrl: { Get: get } } });

describe('propertyReferenceProblems', () => {
  it('accepts references to real properties of earlier steps, inside joins too', () => {
    const definition = pipeline(
      step('Prep', 'Processing'),
      step('Train', 'Training', {
        InputDataConfig: [
          {
            DataSource: {
              S3DataSource: {
                S3Uri: { 'Std:Join': { On: '/', Values: [{ Get: "Steps.Prep.ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri" }, 'train'] } },
              },
            },
          },
        ],
        Environment: { RUN: { Get: 'Execution.PipelineExecutionId' } },
      }),
      model('Steps.Train.ModelArtifacts.S3ModelArtifacts'),
      step('Deploy', 'Training', { Environment: { MODEL: { Get: 'Steps.Model.ModelArn' } } }),
    );
    expect(propertyReferenceProblems(definition)).toEqual([]);
  });

  it('names a property missing from the response shape, with the nearest real one', () => {
    const problems = propertyReferenceProblems(pipeline(step('Train', 'Training'), model('Steps.Train.ModelArtifacts.S3Uri')));
    expect(problems).toEqual([
      "Step 'Model' Arguments.PrimaryContainer.ModelDataUrl refers to 'Steps.Train.ModelArtifacts.S3Uri', but ModelArtifacts.S3Uri is not a property of " +
        "DescribeTrainingJobResponse: 'S3Uri' is not a member of ModelArtifacts (nearest: S3ModelArtifacts)",
    ]);
  });

  it('rejects references to missing, later and own steps', () => {
    const definition = pipeline(
      step('First', 'Training', { Environment: { SELF: { Get: 'Steps.First.TrainingJobName' }, NEXT: { Get: 'Steps.Second.TrainingJobName' } } }),
      step('Second', 'Training', { Environment: { GONE: { Get: 'Steps.Gone.TrainingJobName' } } }),
    );
    const problems = propertyReferenceProblems(definition);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toContain('a property of itself');
    expect(problems[1]).toContain("'Second' comes later in the pipeline");
    expect(problems[2]).toContain("the pipeline has no step 'Gone' (steps: First, Second)");
  });

  it('rejects a reference to a structure rather than a value, and steps of unknown type', () => {
    const problems = propertyReferenceProblems(
      pipeline(
        step('Train', 'Training'),
        step('Odd', 'Lambda'),
        model('Steps.Train.ModelArtifacts'),
        step('X', 'Model', { A: { Get: 'Steps.Odd.OutputParameters' } }),
      ),
    );
    expect(problems).toEqual([
      expect.stringContaining('ModelArtifacts is a structure of DescribeTrainingJobResponse, not a single value'),
      expect.stringContaining("'Odd' is a 'Lambda' step, whose properties are not known"),
    ]);
  });

  it('checks Processing outputs against DescribeProcessingJobResponse', () => {
    const problems = propertyReferenceProblems(pipeline(step('Prep', 'Processing'), model("Steps.Prep.ProcessingOutputConfig.Outputs['data'].S3Uri")));
    expect(problems).toEqual([expect.stringContaining("not a property of DescribeProcessingJobResponse: 'S3Uri' is not a member of ProcessingOutput")]);
  });
});
