import { STEP_TYPE_NAMES } from '@stepscore/sagemaker';
import { describe, expect, it } from 'vitest';
import { defineCheck, pass } from '../../src/check/check-definition.js';
import { ALL_CHECKS } from '../../src/checks/index.js';
import { checkImportance, PROFILES, ProfileError, profileChecks, profileFor, profileProblems } from '../../src/profiles/index.js';
import { REQUEST_VALIDITY_CHECK } from '../../src/profiles/profile.js';

describe('profiles', () => {
  it.each(STEP_TYPE_NAMES)('the %s profile is sound: it holds the request-validity blocker and only checks that apply', (stepType) => {
    expect(profileProblems(PROFILES[stepType], ALL_CHECKS)).toEqual([]);
    expect(Object.keys(PROFILES[stepType].checks)).toContain(REQUEST_VALIDITY_CHECK);
  });

  it('every check of the harness is in at least one profile (none is dead)', () => {
    const listed = new Set(Object.values(PROFILES).flatMap((p) => Object.keys(p.checks)));
    expect(ALL_CHECKS.map((c) => c.id).filter((id) => !listed.has(id))).toEqual([]);
  });

  it('fails closed: a profile without the request-validity check, or naming an unknown check, cannot be used', () => {
    const { [REQUEST_VALIDITY_CHECK]: _dropped, ...rest } = PROFILES.Training.checks;
    expect(profileProblems({ stepType: 'Training', checks: rest }, ALL_CHECKS)).toEqual([expect.stringContaining(`lacks ${REQUEST_VALIDITY_CHECK}`)]);
    expect(profileProblems({ stepType: 'Training', checks: { ...PROFILES.Training.checks, 'level3.no_such_check': 1 } }, ALL_CHECKS)).toEqual([
      expect.stringContaining("'level3.no_such_check', which is no check"),
    ]);
  });

  it('refuses a step type it has no profile for, naming the known ones', () => {
    expect(() => profileFor('Trainer', ALL_CHECKS)).toThrow(ProfileError);
    expect(() => profileFor('Trainer', ALL_CHECKS)).toThrow(/no profile for step type 'Trainer'.*Training, Processing, Transform, CreateModel/);
  });

  it("a team's own check runs where it applies, at its declared importance; the harness's run only where listed", () => {
    const own = defineCheck({
      id: 'level3.team_rule',
      level: 3,
      severity: 'major',
      appliesTo: ['Processing'],
      importance: 2,
      title: 'a team rule',
      run: () => pass(),
    });
    const processing = profileChecks(PROFILES.Processing, [...ALL_CHECKS, own]);
    expect(processing.find((c) => c.check === own)?.importance).toBe(2);
    expect(profileChecks(PROFILES.Training, [...ALL_CHECKS, own]).some((c) => c.check === own)).toBe(false);
    expect(profileChecks(PROFILES.Transform, ALL_CHECKS).map((c) => c.check.id)).not.toContain('level3.hyperparameters_encoded');
    expect(checkImportance('Training', own)).toBe(2);
  });
});
