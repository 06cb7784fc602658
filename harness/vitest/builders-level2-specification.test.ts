// `pnpm test:builders`, level 2: one test per check per registered builder (see define-builder-tests.ts).
import { defineBuilderTests } from './define-builder-tests.js';

await defineBuilderTests(2);
