export const RATINGS = ['Excellent', 'Good', 'Satisfactory', 'Needs Work', 'Poor'] as const;
export type Rating = (typeof RATINGS)[number];

const THRESHOLDS: readonly (readonly [number, Rating])[] = [
  [90, 'Excellent'],
  [80, 'Good'],
  [70, 'Satisfactory'],
  [60, 'Needs Work'],
  [0, 'Poor'],
];

export function ratingFor(score: number): Rating {
  for (const [threshold, rating] of THRESHOLDS) if (score >= threshold) return rating;
  return 'Poor';
}

/** Lower index is better. */
export function ratingRank(rating: Rating): number {
  return RATINGS.indexOf(rating);
}

export function parseRating(text: string): Rating | undefined {
  return RATINGS.find((r) => r.toLowerCase().replace(/\s+/g, '') === text.toLowerCase().replace(/[\s_-]+/g, ''));
}
