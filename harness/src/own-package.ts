// The harness's own package.json: the first one above this module. Run from source this module is in src/;
// installed, it is bundled into one of the files in dist/ (harness/scripts/bundle.ts), which sit in one folder. Either
// way the nearest package.json is the harness's.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface HarnessPackage {
  readonly version: string;
  readonly description: string;
}

function nearestPackageJson(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const HARNESS_PACKAGE: HarnessPackage = JSON.parse(readFileSync(nearestPackageJson(fileURLToPath(import.meta.url)), 'utf8')) as HarnessPackage;
