import { describe, expect, it } from 'vitest';
import {
  DependencyType,
  normalizeOutputSpec,
  parsePropertyPath,
  parseStepsGet,
  PropertyPathSyntaxError,
  PropertyReference,
  propertyGet,
  stripPropertiesPrefix,
} from '../src/index.js';

describe('propertyGet', () => {
  it("renders {Get: 'Steps.<step>.<path without properties.>'}", () => {
    expect(propertyGet('PyTorchTraining', 'properties.ModelArtifacts.S3ModelArtifacts')).toEqual({
      Get: 'Steps.PyTorchTraining.ModelArtifacts.S3ModelArtifacts',
    });
  });

  it('keeps a path that has no properties. prefix as it is', () => {
    expect(propertyGet('Pre', "ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri")).toEqual({
      Get: "Steps.Pre.ProcessingOutputConfig.Outputs['data'].S3Output.S3Uri",
    });
  });

  it('strips only a leading properties.', () => {
    expect(stripPropertiesPrefix('properties.properties.X')).toBe('properties.X');
    expect(stripPropertiesPrefix('Xproperties.Y')).toBe('Xproperties.Y');
  });
});

describe('PropertyReference', () => {
  const output = normalizeOutputSpec({
    logicalName: 'data_output',
    outputType: DependencyType.PROCESSING_OUTPUT,
    propertyPath: 'properties.OutputDataConfig.S3OutputPath',
  });
  const reference = new PropertyReference('XGBoostTraining', output);

  it('converts to a SageMaker Get expression', () => {
    expect(reference.toSageMakerProperty()).toEqual({ Get: 'Steps.XGBoostTraining.OutputDataConfig.S3OutputPath' });
  });

  it('prints as <step>.<logical name>', () => {
    expect(String(reference)).toBe('XGBoostTraining.data_output');
  });
});

describe('parsePropertyPath', () => {
  it('splits members on dots', () => {
    expect(parsePropertyPath('properties.ModelArtifacts.S3ModelArtifacts')).toEqual([
      { kind: 'member', name: 'ModelArtifacts' },
      { kind: 'member', name: 'S3ModelArtifacts' },
    ]);
  });

  it('reads quoted keys with either quote and dots inside them', () => {
    expect(parsePropertyPath("properties.ProcessingOutputConfig.Outputs['processed_data'].S3Output.S3Uri")).toEqual([
      { kind: 'member', name: 'ProcessingOutputConfig' },
      { kind: 'member', name: 'Outputs' },
      { kind: 'key', key: 'processed_data' },
      { kind: 'member', name: 'S3Output' },
      { kind: 'member', name: 'S3Uri' },
    ]);
    expect(parsePropertyPath('FinalMetricDataList["val.acc:f1"].Value')).toEqual([
      { kind: 'member', name: 'FinalMetricDataList' },
      { kind: 'key', key: 'val.acc:f1' },
      { kind: 'member', name: 'Value' },
    ]);
  });

  it('reads unquoted digits as a list index', () => {
    expect(parsePropertyPath('properties.InputDataConfig[0].ChannelName')).toEqual([
      { kind: 'member', name: 'InputDataConfig' },
      { kind: 'index', index: 0 },
      { kind: 'member', name: 'ChannelName' },
    ]);
    expect(parsePropertyPath('Matrix[1][12]')).toEqual([
      { kind: 'member', name: 'Matrix' },
      { kind: 'index', index: 1 },
      { kind: 'index', index: 12 },
    ]);
  });

  it.each([
    ['properties.', 'the path is empty or ends with a dot'],
    ['', 'the path is empty or ends with a dot'],
    ['ModelArtifacts.', 'the path is empty or ends with a dot'],
    ['A..B', 'unexpected text at ".B"'],
    ['[0].A', 'an index needs a member before it'],
    ["['k']", 'a key needs a member before it'],
    ['Outputs[0]x', `missing '.' before "x"`],
    ['A B', 'unexpected text at " B"'],
    ['Outputs[x]', 'unexpected text at "[x]"'],
  ])('rejects %j: %s', (path, reason) => {
    expect(() => parsePropertyPath(path)).toThrow(PropertyPathSyntaxError);
    expect(() => parsePropertyPath(path)).toThrow(`Cannot parse property path ${JSON.stringify(path)}: ${reason}`);
  });
});

describe('parseStepsGet', () => {
  it('splits a Steps reference into step name and path', () => {
    expect(parseStepsGet('Steps.XGBoostTraining.ModelArtifacts.S3ModelArtifacts')).toEqual({
      stepName: 'XGBoostTraining',
      path: 'ModelArtifacts.S3ModelArtifacts',
    });
  });

  it('round-trips what propertyGet renders', () => {
    const get = propertyGet('Tabular-Preprocessing_1', "properties.ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri").Get;
    expect(parseStepsGet(get)).toEqual({ stepName: 'Tabular-Preprocessing_1', path: "ProcessingOutputConfig.Outputs['x'].S3Output.S3Uri" });
  });

  it('returns undefined for references that are not to a step', () => {
    expect(parseStepsGet('Parameters.InputData')).toBeUndefined();
    expect(parseStepsGet('Execution.PipelineExecutionId')).toBeUndefined();
    expect(parseStepsGet('Steps.OnlyAStep')).toBeUndefined();
  });
});
