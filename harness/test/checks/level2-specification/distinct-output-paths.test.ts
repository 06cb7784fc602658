import { describe, expect, it } from 'vitest';
import { builderRegistry, runChecks, withSpecAndContract } from '../../support/broken-builders.js';

const ID = 'level2.distinct_output_paths';

describe(ID, () => {
  it.each(builderRegistry.names())('passes on %s', async (name) => {
    expect((await runChecks(builderRegistry.get(name), [ID]))[ID]?.status).toBe('pass');
  });

  it("fails, as a blocker, when a second output copies the first one's property path", async () => {
    const real = builderRegistry.all().find((r) => r.spec.outputs.length >= 2);
    if (!real) throw new Error('the test needs a registered builder with two outputs');
    const [first, second] = real.spec.outputs;
    const broken = withSpecAndContract(real, (spec) => {
      (spec.outputs[1] as { propertyPath: string }).propertyPath = first!.propertyPath;
    });
    const result = (await runChecks(broken, [ID]))[ID];
    expect(result?.status).toBe('fail');
    expect(result?.severity).toBe('blocker');
    expect(result?.message).toContain(`outputs '${first!.logicalName}' and '${second!.logicalName}' share the property path`);
  });
});
