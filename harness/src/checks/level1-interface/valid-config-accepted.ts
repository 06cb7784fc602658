import { defineCheck, pass } from '../../check/check-definition.js';

export const validConfigAccepted = defineCheck({
  id: 'level1.valid_config_accepted',
  level: 1,
  severity: 'blocker',
  importance: 1.0,
  appliesTo: 'all',
  title: 'The config parses and the builder constructs with it',
  run(ctx) {
    // Either failure surfaces as this check's root cause, shared with every check that needs the builder.
    const builder = ctx.builder();
    return pass(`${builder.constructor.name} constructed with the ${ctx.registration.stepName} config`);
  },
});
