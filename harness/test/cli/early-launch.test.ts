import { describe, expect, it } from 'vitest';
import { workersLaunchedFor } from '../../src/cli/early-launch.js';

describe('the worker launched as the process starts (workersLaunchedFor)', () => {
  it('launches one for `score` on the mock backend, which can be stopped before it begins', async () => {
    for (const argv of [['score'], ['score', '--builder', 'PyTorchTraining'], ['score', '--backend', 'mock'], ['score', '--backend=mock']]) {
      const launched = workersLaunchedFor(argv);
      expect(launched, argv.join(' ')).toBeDefined();
      await launched!.stop();
    }
  });

  it('launches none for another command, for help, or for a score on moto', () => {
    for (const argv of [[], ['list'], ['render', 'score'], ['score', '--help'], ['score', '-h'], ['score', '--backend', 'moto'], ['score', '--backend=moto']]) {
      expect(workersLaunchedFor(argv), argv.join(' ')).toBeUndefined();
    }
  });
});
