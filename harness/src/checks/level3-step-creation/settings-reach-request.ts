import type { StepTypeAdapter } from '@stepscore/sagemaker';
import { isPlainRecord } from '@stepscore/step-model';
import { defineCheck, outcomeFromProblems } from '../../check/check-definition.js';
import type { CreatedScenario } from '../../scenarios/built-scenario.js';
import type { ChangedSetting } from '../../scenarios/scenario.js';
import { adapterOf, isNumber, isString, keysIn, leafValuesIn, literalsIn } from './scenario-judgement.js';

function isStringRecord(value: unknown): value is Record<string, string> {
  return isPlainRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

/**
 * What of the step a setting can reach: its request and the step's own settings (CacheConfig, RetryPolicies...),
 * not its name, type or the steps it waits for.
 */
function reachable(scenario: CreatedScenario): Record<string, unknown> {
  const { Name: _name, Type: _type, DependsOn: _dependsOn, ...rest } = scenario.step;
  return rest;
}

/** A request's literal strings, numbers and keys, each listed once however many settings are looked for in it. */
class RequestLeaves {
  private stringList?: string[];
  private numberList?: number[];
  private keySet?: Set<string>;

  constructor(private readonly args: unknown) {}

  strings(): string[] {
    this.stringList ??= leafValuesIn(this.args, isString);
    return this.stringList;
  }

  numbers(): number[] {
    this.numberList ??= leafValuesIn(this.args, isNumber);
    return this.numberList;
  }

  keys(): Set<string> {
    this.keySet ??= new Set(keysIn(this.args));
    return this.keySet;
  }
}

/** Why a changed setting cannot be seen in the request; undefined when it can. */
function unseen(
  change: ChangedSetting,
  scenario: CreatedScenario,
  adapter: StepTypeAdapter,
  leaves: RequestLeaves,
  defaults: CreatedScenario | undefined,
): string | undefined {
  const { field, value } = change;
  if (change.purpose === 'instance') {
    const resources = adapter.resources(scenario.step.Arguments);
    // A step that runs on no instance of its own (CreateModel) shows the instance family in its image flavour alone.
    if (resources === undefined) return undefined;
    return resources.instanceType === value ? undefined : `${field} = '${String(value)}', but the request runs on ${JSON.stringify(resources.instanceType)}`;
  }
  if (change.purpose === 'parameter') {
    // A setting given as a pipeline parameter reaches the request as that parameter's Get, alone or inside a Join.
    const get = typeof value === 'object' && value !== null ? (value as { Get?: unknown }).Get : undefined;
    if (typeof get !== 'string') return undefined;
    return leaves.strings().some((s) => s === get || s.includes(`${get}`)) ? undefined : `${field} = ${JSON.stringify(value)} appears nowhere in the request`;
  }
  if (typeof value === 'string') {
    const wanted = value.replace(/\/+$/, '');
    return leaves.strings().some((s) => s.includes(wanted)) ? undefined : `${field} = '${value}' appears nowhere in the request`;
  }
  if (typeof value === 'number') {
    return leaves.numbers().some((n) => n === value) || leaves.strings().some((s) => s === String(value))
      ? undefined
      : `${field} = ${value} appears nowhere in the request`;
  }
  if (isStringRecord(value)) {
    const keys = leaves.keys();
    const missing = Object.keys(value).filter((k) => !keys.has(k));
    return missing.length === 0 ? undefined : `${field} sets ${missing.join(', ')}, which appear nowhere in the request`;
  }
  if (isPlainRecord(value)) return objectUnseen(change, scenario, leaves, defaults);
  return undefined;
}

/**
 * A nested setting (an object of options) reaches the request when each of its strings and numbers appears there and
 * the step differs from the default scenario's: a builder that ignores the object, or one of its members, is seen.
 */
function objectUnseen(change: ChangedSetting, scenario: CreatedScenario, leaves: RequestLeaves, defaults: CreatedScenario | undefined): string | undefined {
  const strings = leaves.strings();
  // The strings and numbers at the leaves (switches are left to the step as a whole).
  const missing = literalsIn(change.value)
    .map((leaf) => leaf.value)
    .filter((leaf) =>
      typeof leaf === 'string' ? !strings.some((s) => s.includes(leaf)) : !leaves.numbers().includes(leaf) && !strings.includes(String(leaf)),
    );
  if (missing.length > 0)
    return `${change.field} = ${JSON.stringify(change.value)}, but ${missing.map((m) => JSON.stringify(m)).join(', ')} appear nowhere in the request`;
  if (defaults !== undefined && JSON.stringify(reachable(defaults)) === JSON.stringify(reachable(scenario))) {
    return `${change.field} = ${JSON.stringify(change.value)}, yet the step is the default scenario's`;
  }
  return undefined;
}

/** `enable_checkpointing` → `checkpoint`: what a switch named `enable_<thing>` turns on, as it appears in member names. */
function enabledThing(field: string): string | undefined {
  const thing = /^enable_?(.+)$/i.exec(field)?.[1];
  return thing === undefined ? undefined : thing.replace(/_/g, '').toLowerCase().replace(/ing$/, '');
}

/** Whether a request member says that what it configures is off: `false`, or a member holding `Enabled: false` or `Disable…: true`. */
function readsOff(value: unknown): boolean {
  if (value === false) return true;
  if (!isPlainRecord(value)) return false;
  return Object.entries(value).some(([key, v]) => (/^enabled?$/i.test(key) && v === false) || (/^disable/i.test(key) && v === true));
}

/**
 * A switch named `enable_<thing>` turned off must take away the request member named after that thing
 * (`enable_checkpointing` → `CheckpointConfig`), or turn it off (`false`, `Enabled: false`), when the default request
 * has one: a member kept on, even changed in some detail, still does the thing the switch was to stop.
 */
function switchedOffButKept(change: ChangedSetting, scenario: CreatedScenario, defaults: CreatedScenario | undefined): string | undefined {
  const thing = enabledThing(change.field);
  if (change.value !== false || thing === undefined || defaults === undefined) return undefined;
  const before = defaults.step.Arguments as Record<string, unknown>;
  const after = scenario.step.Arguments as Record<string, unknown>;
  const kept = Object.keys(before).filter((member) => member.toLowerCase().includes(thing) && member in after && !readsOff(after[member]));
  return kept.length === 0 ? undefined : `${change.field} = false, yet ${kept.join(', ')} ${kept.length === 1 ? 'is' : 'are'} still sent, not turned off`;
}

export const settingsReachRequest = defineCheck({
  id: 'level3.settings_reach_request',
  level: 3,
  severity: 'major',
  appliesTo: 'all',
  title: 'Each config setting a scenario changes reaches the request (instance types, overridden settings, settings given as pipeline parameters)',
  async run(ctx) {
    await ctx.step();
    const adapter = adapterOf(ctx);
    const scenarios = await ctx.createdScenarios();
    // A switch may rightly change nothing in some settings (the SDK turns the debugger hook off when checkpoints
    // sync), so flipped switches are built and judged by the other checks, not required to change the step.
    const judged = scenarios.flatMap((s) => s.plan.changed.filter((c) => ['override', 'instance', 'parameter'].includes(c.purpose)).map((c) => ({ s, c })));
    const leaves = new Map(scenarios.map((s) => [s, new RequestLeaves(reachable(s))]));
    const defaults = scenarios.find((s) => s.plan.name === 'default');
    const problems = judged.flatMap(({ s, c }) => {
      const why = unseen(c, s, adapter, leaves.get(s) as RequestLeaves, defaults);
      return why === undefined ? [] : [`[${s.plan.name}] ${why}`];
    });
    const switchedOff = scenarios.flatMap((s) =>
      s.plan.changed
        .filter((c) => c.purpose === 'flip')
        .flatMap((c) => {
          const why = switchedOffButKept(c, s, defaults);
          return why === undefined ? [] : [`[${s.plan.name}] ${why}`];
        }),
    );
    problems.push(...switchedOff);
    return outcomeFromProblems(problems, `${judged.length} changed setting(s) reach the request`, problems.length > 1 ? { problems } : undefined);
  },
});
