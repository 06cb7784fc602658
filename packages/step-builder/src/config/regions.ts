export const REGION_CODES = ['NA', 'EU', 'FE'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const AWS_REGION_BY_CODE: Readonly<Record<RegionCode, string>> = {
  NA: 'us-east-1',
  EU: 'eu-west-1',
  FE: 'us-west-2',
};

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && (REGION_CODES as readonly string[]).includes(value);
}

export function invalidRegionMessage(value: unknown): string {
  return `Invalid custom region code: ${String(value)}. Must be one of ['NA','EU','FE']`;
}
