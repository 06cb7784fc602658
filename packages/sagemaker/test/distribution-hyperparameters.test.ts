import { describe, expect, it } from 'vitest';
import {
  distributionHyperparameterNames,
  distributionMembers,
  distributionTableFor,
  PYTORCH_DISTRIBUTION,
  sdkDistributionHyperparameters,
} from '../src/distribution-hyperparameters.js';

const TYPE = 'ml.p4d.24xlarge';
const sdk = (distribution: Record<string, unknown>, instanceType: unknown = TYPE) =>
  sdkDistributionHyperparameters(PYTORCH_DISTRIBUTION, distribution, instanceType);

describe('the SDK distribution table of sagemaker.pytorch.PyTorch (v2.257.6)', () => {
  it('adds nothing without a distribution (the estimator defaults it to {})', () => {
    expect(sdk({})).toEqual({ hyperparameters: {} });
  });

  it('torch_distributed: the launcher switch and the instance type', () => {
    expect(sdk({ torch_distributed: { enabled: true } })).toEqual({
      hyperparameters: { sagemaker_torch_distributed_enabled: true, sagemaker_instance_type: TYPE },
    });
  });

  it('pytorchddp is read as smdistributed.dataparallel, and refused beside smdistributed', () => {
    const smddp = {
      sagemaker_distributed_dataparallel_enabled: true,
      sagemaker_instance_type: TYPE,
      sagemaker_distributed_dataparallel_custom_mpi_options: '',
    };
    expect(sdk({ pytorchddp: { enabled: true } })).toEqual({ hyperparameters: smddp });
    expect(sdk({ smdistributed: { dataparallel: { enabled: true } } })).toEqual({ hyperparameters: smddp });
    const refused = sdk({ pytorchddp: { enabled: true }, smdistributed: { dataparallel: { enabled: false } } });
    expect(refused).toEqual({ refused: expect.stringContaining("refuses 'pytorchddp' with 'smdistributed'") });
  });

  it('smdistributed switched off: its switch and the instance type, no MPI options', () => {
    expect(sdk({ smdistributed: { dataparallel: { enabled: false, custom_mpi_options: '-v' } } })).toEqual({
      hyperparameters: { sagemaker_distributed_dataparallel_enabled: false, sagemaker_instance_type: TYPE },
    });
  });

  it('mpi: its switch, the processes per host only when given, the custom options or ""', () => {
    expect(sdk({ mpi: { enabled: true } })).toEqual({ hyperparameters: { sagemaker_mpi_enabled: true, sagemaker_mpi_custom_mpi_options: '' } });
    expect(sdk({ mpi: { enabled: true, processes_per_host: 8, custom_mpi_options: '-verbose' } })).toEqual({
      hyperparameters: { sagemaker_mpi_enabled: true, sagemaker_mpi_num_of_processes_per_host: 8, sagemaker_mpi_custom_mpi_options: '-verbose' },
    });
    expect(sdk({ parameter_server: { enabled: true } })).toEqual({ hyperparameters: { sagemaker_parameter_server_enabled: true } });
  });

  it('torch_distributed enabled replaces the others, except smdistributed, which still adds its own (and brings the rest along)', () => {
    expect(sdk({ torch_distributed: { enabled: true }, mpi: { enabled: true } })).toEqual({
      hyperparameters: { sagemaker_torch_distributed_enabled: true, sagemaker_instance_type: TYPE },
    });
    expect(sdk({ torch_distributed: { enabled: true }, smdistributed: { dataparallel: { enabled: true } }, mpi: { enabled: false } })).toEqual({
      hyperparameters: {
        sagemaker_mpi_enabled: false,
        sagemaker_mpi_custom_mpi_options: '',
        sagemaker_distributed_dataparallel_enabled: true,
        sagemaker_distributed_dataparallel_custom_mpi_options: '',
        sagemaker_torch_distributed_enabled: true,
        sagemaker_instance_type: TYPE,
      },
    });
    expect(sdk({ torch_distributed: { enabled: false }, mpi: { enabled: true } })).toEqual({
      hyperparameters: { sagemaker_mpi_enabled: true, sagemaker_mpi_custom_mpi_options: '' },
    });
  });

  it('keeps an instance type given as a pipeline expression as it is', () => {
    const parameter = { Get: 'Parameters.InstanceType' };
    expect(sdk({ torch_distributed: { enabled: true } }, parameter)).toEqual({
      hyperparameters: { sagemaker_torch_distributed_enabled: true, sagemaker_instance_type: parameter },
    });
  });

  it('lists its names and members, and is found by framework only', () => {
    expect([...distributionHyperparameterNames(PYTORCH_DISTRIBUTION)].sort()).toEqual([
      'sagemaker_distributed_dataparallel_custom_mpi_options',
      'sagemaker_distributed_dataparallel_enabled',
      'sagemaker_instance_type',
      'sagemaker_mpi_custom_mpi_options',
      'sagemaker_mpi_enabled',
      'sagemaker_mpi_num_of_processes_per_host',
      'sagemaker_parameter_server_enabled',
      'sagemaker_torch_distributed_enabled',
    ]);
    expect(distributionMembers(PYTORCH_DISTRIBUTION)).toEqual([
      { member: 'pytorchddp', enabled: { enabled: true } },
      { member: 'torch_distributed', enabled: { enabled: true } },
      { member: 'parameter_server', enabled: { enabled: true } },
      { member: 'mpi', enabled: { enabled: true } },
      { member: 'smdistributed', enabled: { dataparallel: { enabled: true } } },
    ]);
    expect(distributionTableFor('pytorch')).toBe(PYTORCH_DISTRIBUTION);
    expect(distributionTableFor('xgboost')).toBeUndefined();
  });
});
