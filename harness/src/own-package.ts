// The harness's own package.json: the first one above this module. Run from source this module is in src/;
// installed, it is bundled into one of the files in dist/ (harness/scripts/bundle.ts), which sit in one folder. Either
// way the nearest package.json is the harness's.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nearestPackageJson } from './nearest-package-json.js';

export interface HarnessPackage {
  readonly version: string;
  readonly description: string;
}

function ownPackageJson(): string {
  const here = fileURLToPath(import.meta.url);
  const found = nearestPackageJson(here);
  if (found === undefined) throw new Error(`No package.json above ${here}`);
  return found;
}

export const HARNESS_PACKAGE: HarnessPackage = JSON.parse(readFileSync(ownPackageJson(), 'utf8')) as HarnessPackage;
