// `pnpm test:builders`, level 3: one test per check per registered builder (see define-builder-tests.ts).
import { defineBuilderTests } from './define-builder-tests.js';

await defineBuilderTests(3);
