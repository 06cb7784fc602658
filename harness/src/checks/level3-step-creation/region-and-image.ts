import { processorOf } from '../../scenarios/instance-types.js';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import { adapterOf, problemsPerScenario } from './scenario-judgement.js';

const AWS_REGION = /\b(?:us|eu|ap|sa|ca|me|af|il|mx)-(?:north|south|east|west|central|northeast|southeast|southwest|northwest)-\d\b/g;

export const regionAndImage = defineCheck({
  id: 'level3.region_and_image',
  level: 3,
  severity: 'major',
  appliesTo: 'all',
  title: "The image and every region the request names follow the config's region; the image flavour follows the instance family",
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    const problems = problemsPerScenario(scenarios, (s: CreatedScenario) => {
      const found: string[] = [];
      const region = s.config.aws_region;
      const args = s.step.Arguments;
      const image = adapter.image(args);
      const named = [...new Set(JSON.stringify(args).match(AWS_REGION) ?? [])].filter((r) => r !== region);
      for (const other of named) {
        const where = typeof image === 'string' && image.includes(other) ? `the image ${image} is pulled from ${other}` : `the request names region ${other}`;
        found.push(`${where}, but the config's region is ${region}`);
      }
      // A step with no instance of its own (CreateModel) is judged by the instance type the scenario chose for it.
      const instanceType = adapter.resources(args)?.instanceType ?? s.plan.changed.find((c) => c.purpose === 'instance')?.value;
      const processor = processorOf(instanceType);
      const flavour = typeof image === 'string' ? /[-:](cpu|gpu)(?:[-.]|$)/.exec(image.split(':').pop() ?? '')?.[1] : undefined;
      if (processor !== undefined && flavour !== undefined && flavour !== processor)
        found.push(
          `the image ${image} is a ${flavour.toUpperCase()} image, but the job runs on a ${processor.toUpperCase()} instance (${String(instanceType)})`,
        );
      return found;
    });
    return outcomeFromProblems(
      problems,
      `image region and flavour follow the config in ${scenarios.length} scenario(s)`,
      problems.length > 1 ? { problems } : undefined,
    );
  },
});
