import { frameworkEstimatorDefaultsFor, imageTagVersion, trainingAdapter, versionAtLeast } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import { defineCheck, notApplicable, outcomeFromProblems } from '../../check/check-definition.js';
import { literalText, runsBuiltInAlgorithm } from './scenario-judgement.js';

/** The scenario that leaves every setting with a default at that default: what the SDK's estimator gets when its user says nothing. */
const DEFAULTS_SCENARIO = 'minimal';

export const metricsTimeSeries = defineCheck({
  id: 'level3.metrics_time_series',
  level: 3,
  severity: 'minor',
  appliesTo: ['Training'],
  title: "With every setting at its default, a framework training request turns SageMaker metrics time series on where the SDK's estimator does",
  async run(ctx) {
    const defaults = frameworkEstimatorDefaultsFor(ctx.registration.framework);
    if (defaults === undefined) return notApplicable(`no SDK estimator defaults listed for the framework '${ctx.registration.framework}'`);
    await ctx.step();
    const scenario = (await ctx.createdScenarios()).find((s) => s.plan.name === DEFAULTS_SCENARIO);
    if (scenario === undefined) return notApplicable(`no '${DEFAULTS_SCENARIO}' scenario: the schema gives no setting a default`);
    const args = scenario.step.Arguments as Record<string, unknown>;
    if (runsBuiltInAlgorithm(args)) return notApplicable(`the '${DEFAULTS_SCENARIO}' request runs the image's own algorithm, not a script`);
    const image = literalText(trainingAdapter.image(args));
    const version = image === undefined ? undefined : imageTagVersion(image);
    if (version === undefined || !versionAtLeast(version, defaults.metricsTimeSeriesFrom)) {
      return notApplicable(
        `${defaults.estimator} turns metrics time series on from version ${defaults.metricsTimeSeriesFrom}; the image is ${image ?? 'an expression'}`,
      );
    }
    const algorithm = args['AlgorithmSpecification'];
    const sent = isPlainRecord(algorithm) ? algorithm['EnableSageMakerMetricsTimeSeries'] : undefined;
    const problems =
      sent === true
        ? []
        : [
            `[${DEFAULTS_SCENARIO}] AlgorithmSpecification.EnableSageMakerMetricsTimeSeries is ${JSON.stringify(sent) ?? 'not sent'}, but ${defaults.estimator} ${version} turns it on when enable_sagemaker_metrics is not given (${defaults.metricsSource})`,
          ];
    return outcomeFromProblems(problems, `metrics time series on with every default, as ${defaults.estimator} ${version} does`);
  },
});
