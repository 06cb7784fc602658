import { StepSpecification } from '@stepscore/step-model';
import { builderRegistry } from '../builders/registry.js';
import { deriveScenarios } from '../harness/src/scenarios/derive-scenarios.js';
for (const r of builderRegistry.all()) {
  const spec = StepSpecification.create({ ...r.spec, scriptContract: r.contract });
  const t = performance.now();
  const d = deriveScenarios(r, spec, r.defaultConfig);
  console.log(r.stepName, (performance.now()-t).toFixed(1),'ms');
  for (const s of d.valid) console.log(' ', s.name, JSON.stringify(s.changed.map(c=>[c.field, typeof c.value==='string' && c.value.length>20 ? c.value.length : c.value])), JSON.stringify(s.inputs));
  for (const p of d.invalid) console.log('  x', p.description);
}
