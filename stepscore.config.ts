// This repository's own builders, registered the way any project registers its builders (see README, "Use it in
// your project"): every stepscore command and `pnpm test:builders` find this file from the working directory up.
import { defineConfig } from 'stepscore';

export default defineConfig({
  builders: './builders/registry.ts',
});
