import { describe, expect, it } from 'vitest';
import { ANSI_ESCAPE, runStepscore } from './cli-runner.js';

interface MatchJson {
  score: number;
  parts: { string: number; token: number; synonym: number; substring: number };
}

async function matchJson(a: string, b: string): Promise<MatchJson> {
  const run = await runStepscore(['match', a, b, '--json']);
  expect(run.code).toBe(0);
  expect(run.stderr).toBe('');
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as MatchJson;
}

describe('stepscore match --json', () => {
  it('prints exactly {score, parts{string, token, synonym, substring}}', async () => {
    const result = await matchJson('input_path', 'processed_data');
    expect(Object.keys(result)).toEqual(['score', 'parts']);
    expect(Object.keys(result.parts)).toEqual(['string', 'token', 'synonym', 'substring']);
  });

  it("gives the reference's input_path ↔ processed_data: 0.2000 (0.3333, 0, 0.4, 0)", async () => {
    const { score, parts } = await matchJson('input_path', 'processed_data');
    expect(score).toBeCloseTo(0.2, 4);
    expect(parts.string).toBeCloseTo(0.3333, 4);
    expect(parts.token).toBeCloseTo(0, 4);
    expect(parts.synonym).toBeCloseTo(0.4, 4);
    expect(parts.substring).toBeCloseTo(0, 4);
  });

  it("gives the reference's model_input ↔ model_output: 0.6306 (0.7826, 0.3333, 0.45, 1.0)", async () => {
    const { score, parts } = await matchJson('model_input', 'model_output');
    expect(Math.abs(score - 0.6306)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(parts.string - 0.7826)).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(parts.token - 0.3333)).toBeLessThanOrEqual(1e-4);
    expect(parts.synonym).toBeCloseTo(0.45, 4);
    expect(parts.substring).toBeCloseTo(1, 4);
  });

  it('scores names that normalise to the same text as 1', async () => {
    expect((await matchJson('Model-Output', 'model_output')).score).toBe(1);
  });
});

describe('stepscore match (table)', () => {
  it('prints the four parts with weights and the total to 4 decimals', async () => {
    const run = await runStepscore(['match', 'model_input', 'model_output']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"model_input" vs "model_output" (normalised: "model input" vs "model output")');
    const row = (label: string) =>
      run.stdout
        .split('\n')
        .find((line) => line.includes(label))
        ?.split('│')
        .map((c) => c.trim())
        .filter(Boolean);
    expect(row('string (difflib ratio)')).toEqual(['string (difflib ratio)', '0.7826', '0.30', '0.2348']);
    expect(row('token (Jaccard)')).toEqual(['token (Jaccard)', '0.3333', '0.25', '0.0833']);
    expect(row('synonym')).toEqual(['synonym', '0.4500', '0.25', '0.1125']);
    expect(row('substring')).toEqual(['substring', '1.0000', '0.20', '0.2000']);
    expect(row('total')).toEqual(['total', '0.6306']);
  });

  it('has no colours when stdout is not a terminal, and colours when it is', async () => {
    expect((await runStepscore(['match', 'a_b', 'b_c'])).stdout).not.toMatch(ANSI_ESCAPE);
    expect((await runStepscore(['match', 'a_b', 'b_c'], { tty: true })).stdout).toMatch(ANSI_ESCAPE);
  });

  it('explains a total that is not the weighted sum', async () => {
    expect((await runStepscore(['match', 'Model-Output', 'model_output'])).stdout).toContain('The names normalise to the same text: the score is 1.');
    expect((await runStepscore(['match', '', 'model_output'])).stdout).toContain('An empty name matches nothing: the score is 0.');
  });
});
