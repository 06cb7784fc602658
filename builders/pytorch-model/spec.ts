import { DependencyType, NodeType, type StepSpecificationInput } from '@stepscore/step-model';

export const pytorchModelSpec: StepSpecificationInput = {
  stepType: 'PyTorchModel',
  nodeType: NodeType.INTERNAL,
  dependencies: [
    {
      logicalName: 'model_data',
      dependencyType: DependencyType.MODEL_ARTIFACTS,
      required: true,
      compatibleSources: ['PyTorchTraining', 'Package', 'ProcessingStep', 'ModelArtifactsStep'],
      semanticKeywords: ['model', 'artifacts', 'pytorch', 'training', 'output', 'model_data'],
      dataType: 'S3Uri',
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'model.tar.gz holding the model and, under code/, the inference script',
    },
  ],
  outputs: [
    {
      // Read from the emitted `<name>-CreateModel` step: a Transform's ModelName.
      logicalName: 'model_name',
      outputType: DependencyType.CUSTOM_PROPERTY,
      propertyPath: 'properties.ModelName',
      dataType: 'String',
      aliases: ['model', 'ModelName'],
      // Stryker disable next-line StringLiteral: documentation; no request, pipeline or check reads a dependency's or output's description
      description: 'Name of the SageMaker model the step creates',
    },
  ],
};
