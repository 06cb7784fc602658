import { type Rating, ratingFor } from '../../scoring/rating.js';

/** The rating colour scale, green to red; the same in tables, bars, history points and the legend. */
export const RATING_COLOURS: Readonly<Record<Rating, string>> = {
  Excellent: '#1a7f37',
  Good: '#6cc070',
  Satisfactory: '#e3b341',
  'Needs Work': '#f0883e',
  Poor: '#d1242f',
};

/** Text on a rating's colour with at least 4.5:1 contrast (WCAG AA): white on the dark ends, ink on the light middle. */
export const RATING_TEXT_COLOURS: Readonly<Record<Rating, string>> = {
  Excellent: '#ffffff',
  Good: '#1f2328',
  Satisfactory: '#1f2328',
  'Needs Work': '#1f2328',
  Poor: '#ffffff',
};

/** For a level or run in which no check ran. */
export const NOT_RUN_COLOUR = '#b0b7c3';

export const RATING_THRESHOLDS: Readonly<Record<Rating, string>> = {
  Excellent: '≥ 90',
  Good: '≥ 80',
  Satisfactory: '≥ 70',
  'Needs Work': '≥ 60',
  Poor: '< 60',
};

export function colourForScore(score: number | null): string {
  return score === null ? NOT_RUN_COLOUR : RATING_COLOURS[ratingFor(score)];
}

export function colourForRating(rating: Rating | null): string {
  return rating === null ? NOT_RUN_COLOUR : RATING_COLOURS[rating];
}

export function textColourForScore(score: number | null): string {
  return score === null ? '#1f2328' : RATING_TEXT_COLOURS[ratingFor(score)];
}
