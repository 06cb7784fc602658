// Every check on N synthetic builders in this process, on one thread, so that one CPU profile holds all of the
// work; prints each check's mean duration. To profile (see BENCHMARKS.md):
//   node --cpu-prof --cpu-prof-dir=/tmp/stepscore-prof --import tsx harness/bench/profile-run.ts --size 300
//   pnpm exec tsx harness/bench/summarise-cpu-profile.ts /tmp/stepscore-prof/<largest>.cpuprofile --top 40
import { parseArgs } from 'node:util';
import { ALL_CHECKS } from '../src/checks/index.js';
import { createMockBackend } from '../src/backends/mock-backend.js';
import { runCatalogue } from '../src/runner/run-catalogue.js';
import { scoreBuilder } from '../src/scoring/score-builder.js';
import { syntheticRun } from './synthetic-catalogue.js';

const { values } = parseArgs({ options: { size: { type: 'string', default: '300' } } });
const size = Number(values.size);
if (!Number.isInteger(size) || size < 1) throw new Error(`--size must be a positive integer (got ${values.size})`);

const run = syntheticRun(size);
const cpuStart = process.cpuUsage();
const started = performance.now();
const results = await runCatalogue(run.registrations, run.registry, {
  isolation: 'in-process',
  concurrency: 1,
  checks: ALL_CHECKS,
  backendName: 'mock',
  backendFactory: createMockBackend,
  catalogue: run.catalogue,
});
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStart);

const meanMs = new Map<string, number>();
for (const result of results) for (const check of result.checks) meanMs.set(check.id, (meanMs.get(check.id) ?? 0) + check.durationMs / results.length);
const notPerfect = results.filter((r) => scoreBuilder(r.checks).overall !== 100).length;
console.log(
  `${size} builders in ${(wallMs / 1000).toFixed(2)} s: ${(wallMs / size).toFixed(2)} ms wall and ${((cpu.user + cpu.system) / 1000 / size).toFixed(2)} ms CPU per builder; ${notPerfect} below 100`,
);
console.log('mean ms per builder, by check:');
for (const [id, ms] of [...meanMs].sort((a, b) => b[1] - a[1])) console.log(`${ms.toFixed(2).padStart(8)}  ${id}`);
