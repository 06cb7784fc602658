// `pnpm test:builders`, level 4: one test per check per builder of the project's stepscore config (see
// harness/src/vitest/define-builder-tests.ts).
import { defineBuilderTests } from '../src/vitest/define-builder-tests.js';

await defineBuilderTests({ levels: [4] });
