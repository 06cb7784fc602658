// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by function, and total (inclusive) time of
// the functions that matter, so a profile can be read without a browser.
//   tsx harness/bench/summarise-cpu-profile.ts <file.cpuprofile> [--top 40] [--filter text] [--under function]
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface FunctionTime {
  readonly name: string;
  readonly selfMs: number;
  readonly totalMs: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? relative(process.cwd(), url.replace(/^file:\/\//, '')).replace(/^node_modules\/\.pnpm\/[^/]+\/node_modules\//, '') : '';
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

/**
 * Self and inclusive milliseconds per function (a recursive function's inclusive time counted once per sample);
 * with `under`, only the samples taken while a function whose name contains it was on the stack.
 */
export function summarise(profile: CpuProfile, under?: string): FunctionTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    if (under !== undefined) {
      let inside = false;
      for (let at: number | undefined = id; at !== undefined && !inside; at = parent.get(at)) inside = label(byId.get(at) as ProfileNode).includes(under);
      if (!inside) return;
    }
    const name = label(node);
    self.set(name, (self.get(name) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const ancestor = label(byId.get(at) as ProfileNode);
      if (seen.has(ancestor)) continue;
      seen.add(ancestor);
      total.set(ancestor, (total.get(ancestor) ?? 0) + ms);
    }
  });
  return [...total.keys()].map((name) => ({ name, selfMs: self.get(name) ?? 0, totalMs: total.get(name) ?? 0 }));
}

function main(): void {
  const [file, ...rest] = process.argv.slice(2);
  if (!file) throw new Error('usage: summarise-cpu-profile.ts <file.cpuprofile> [--top N] [--filter text]');
  const option = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const top = Number(option('--top') ?? 40);
  const filter = option('--filter');
  const under = option('--under');
  const times = summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile, under);
  const all = times.reduce((sum, t) => sum + t.selfMs, 0);
  const show = (rows: FunctionTime[], key: 'selfMs' | 'totalMs') =>
    rows
      .sort((a, b) => b[key] - a[key])
      .slice(0, top)
      .forEach((t) => void console.log(`${t[key].toFixed(0).padStart(8)} ms ${((100 * t[key]) / all).toFixed(1).padStart(5)}%  ${t.name}`));
  console.log(`profile: ${all.toFixed(0)} ms sampled${under ? ` under '${under}'` : ''}\n\nself time:`);
  show([...times], 'selfMs');
  console.log(`\ninclusive time${filter ? ` (functions matching '${filter}')` : ''}:`);
  show(
    times.filter((t) => !filter || t.name.includes(filter)),
    'totalMs',
  );
}

if (import.meta.url === `file://${process.argv[1]}`) main();
