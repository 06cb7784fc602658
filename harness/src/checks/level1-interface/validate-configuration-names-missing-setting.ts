import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import { errorMessage } from '../../context/prerequisite-error.js';

import { TRAINING_SETTINGS } from '@stepscore/step-builder';

export const validateConfigurationNamesMissingSetting = defineCheck({
  id: 'level1.validate_configuration_names_missing_setting',
  level: 1,
  severity: 'minor',
  importance: 1.0,
  appliesTo: ['Training'],
  title: 'validateConfiguration() refuses a config missing a training setting, naming it',
  run(ctx) {
    const config = ctx.config();
    ctx.builder(); // the valid config must construct first, or every refusal below would be for another reason
    const problems: string[] = [];
    for (const setting of TRAINING_SETTINGS) {
      const builder = ctx.construct({ ...config });
      // The schema would refuse the config outright; taking the setting away afterwards reaches validateConfiguration itself.
      delete (builder.config as unknown as Record<string, unknown>)[setting];
      try {
        builder.validateConfiguration();
        problems.push(`validateConfiguration() accepted a config without '${setting}'`);
      } catch (error) {
        const message = errorMessage(error);
        if (!message.includes(setting)) problems.push(`validateConfiguration() refused a config without '${setting}' but did not name it: "${message}"`);
      }
    }
    return outcomeFromProblems(problems, `validateConfiguration() names each missing setting: ${TRAINING_SETTINGS.join(', ')}`);
  },
});
