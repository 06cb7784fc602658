// A scenario's config was usually parsed, and accepted, while its scenario was derived: building the scenario parses
// the same config again. The schema's output from the first parse is kept for that one build. Kept per derivation
// and handed out once: no two builders get the same config object, and no builder of another registration ever
// gets one (a catalogue whose builders share a schema gains nothing from it).

type Raw = Readonly<Record<string, unknown>>;

/**
 * Whether two configs hold the same fields, in the same order, with the same values (compared as `Object.is`). The
 * values are compared first, without a list of either's keys: a scenario's config differs from most others in a
 * value, and two lists of some fifty keys per comparison were a fortieth of what a builder's checks allocate.
 */
export function sameFields(a: Raw, b: Raw): boolean {
  if (a === b) return true;
  let count = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.is(a[key], b[key])) return false;
    count++;
  }
  let others = 0;
  for (const key in b) if (Object.hasOwn(b, key)) others++;
  if (count !== others) return false;
  const keys = Object.keys(a);
  const otherKeys = Object.keys(b);
  return keys.every((key, i) => key === otherKeys[i]);
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
