import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The package.json nearest above a file (the one that decides how Node loads it), if there is one. */
export function nearestPackageJson(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}
