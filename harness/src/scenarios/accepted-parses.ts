// A scenario's config was usually parsed, and accepted, while its scenario was derived: building the scenario parses
// the same config again. The schema's output from the first parse is kept for that one build. Kept per derivation
// and handed out once: no two builders get the same config object, and no builder of another registration ever
// gets one (a catalogue whose builders share a schema gains nothing from it).

type Raw = Readonly<Record<string, unknown>>;

/** Whether two configs hold the same fields, in the same order, with the same values (compared as `Object.is`). */
export function sameFields(a: Raw, b: Raw): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (key !== others[i] || !Object.is(a[key], b[key])) return false;
  }
  return true;
}

/** The schema's outputs for the configs one derivation's schema accepted, each given out at most once. */
export class AcceptedParses {
  private readonly entries: { readonly config: Raw; readonly output: unknown }[] = [];

  record(config: Raw, output: unknown): void {
    this.entries.push({ config, output });
  }

  /** An output recorded for a config with the same fields as `config`, removed so that no one else gets it. */
  take(config: Raw): { readonly output: unknown } | undefined {
    // From the latest: a plan's config is most often the last one its scenario's derivation accepted.
    const index = this.entries.findLastIndex((entry) => sameFields(entry.config, config));
    if (index < 0) return undefined;
    const [entry] = this.entries.splice(index, 1);
    return entry && { output: entry.output };
  }
}

// A scenario plan's config → the schema's output for it, until the scenario is built.
const outputsByPlanConfig = new WeakMap<object, { readonly output: unknown }>();

/** Keeps `output` as the schema's output for the plan config `config` (the very object the plan holds). */
export function keepParseFor(config: Raw, output: { readonly output: unknown }): void {
  outputsByPlanConfig.set(config, output);
}

/** The schema's output kept for this plan config, once: a second call (another build of it) gets undefined. */
export function takeParseFor(config: Raw): { readonly output: unknown } | undefined {
  const kept = outputsByPlanConfig.get(config);
  outputsByPlanConfig.delete(config);
  return kept;
}
