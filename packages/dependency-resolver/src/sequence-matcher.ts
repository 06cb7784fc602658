/**
 * A port of CPython's `difflib.SequenceMatcher` (Ratcliff–Obershelp "gestalt pattern matching"),
 * including the autojunk heuristic, so that `ratio()` gives the same numbers as Python.
 *
 * Strings are compared per code point, as Python iterates them; arrays are compared per element.
 */

export interface Match {
  readonly a: number;
  readonly b: number;
  readonly size: number;
}

export interface SequenceMatcherOptions {
  /** Elements of `b` to treat as junk (Python's `isjunk`); none by default. */
  readonly isJunk?: (element: string) => boolean;
  /** Python's `autojunk`: in a `b` of 200+ elements, drop elements that fill more than 1% + 1 of it. */
  readonly autojunk?: boolean;
}

const AUTOJUNK_MIN_LENGTH = 200;
const NO_INDICES: readonly number[] = [];

function elementsOf(sequence: string | readonly string[]): readonly string[] {
  return typeof sequence === 'string' ? Array.from(sequence) : sequence;
}

/** Python's `_calculate_ratio`: 2·M / T, and 1.0 for two empty sequences. */
export function calculateRatio(matches: number, length: number): number {
  return length > 0 ? (2.0 * matches) / length : 1.0;
}

export class SequenceMatcher {
  readonly a: readonly string[];
  readonly b: readonly string[];
  /** Element of `b` → ascending indices where it occurs, junk and popular elements removed. */
  private readonly b2j = new Map<string, number[]>();
  private readonly junk = new Set<string>();
  private readonly popular = new Set<string>();
  private matchingBlocks: readonly Match[] | undefined;
  private lengths: [Int32Array, Int32Array] | undefined;
  private touched: [Int32Array, Int32Array] | undefined;

  constructor(a: string | readonly string[], b: string | readonly string[], options: SequenceMatcherOptions = {}) {
    this.a = elementsOf(a);
    this.b = elementsOf(b);
    this.chainB(options.isJunk, options.autojunk ?? true);
  }

  get bJunk(): ReadonlySet<string> {
    return this.junk;
  }

  get bPopular(): ReadonlySet<string> {
    return this.popular;
  }

  private chainB(isJunk: ((element: string) => boolean) | undefined, autojunk: boolean): void {
    this.b.forEach((element, index) => {
      const indices = this.b2j.get(element);
      if (indices) indices.push(index);
      else this.b2j.set(element, [index]);
    });
    if (isJunk) {
      for (const element of this.b2j.keys()) if (isJunk(element)) this.junk.add(element);
      for (const element of this.junk) this.b2j.delete(element);
    }
    const n = this.b.length;
    if (autojunk && n >= AUTOJUNK_MIN_LENGTH) {
      const limit = Math.floor(n / 100) + 1;
      for (const [element, indices] of this.b2j) if (indices.length > limit) this.popular.add(element);
      for (const element of this.popular) this.b2j.delete(element);
    }
  }

  /**
   * The longest block with a[i..i+k) == b[j..j+k) inside the given ranges, earliest in `a`, then in `b`.
   * The block is first found among elements that are neither junk nor popular, then widened over
   * equal neighbours: non-junk ones first (popular elements are not junk, as in CPython), then junk.
   */
  findLongestMatch(alo = 0, ahi = this.a.length, blo = 0, bhi = this.b.length): Match {
    const { a, b, junk } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    // Python keeps a dict j → length of the longest match ending at a[i-1] and b[j]. Here: two
    // rows of a table that is all zeros between calls, and the cells each row set, to reset them.
    let [previous, current] = this.lengthRows();
    let [previousSet, currentSet] = this.touchedRows();
    let previousCount = 0;
    for (let i = alo; i < ahi; i++) {
      let currentCount = 0;
      for (const j of this.b2j.get(a[i] as string) ?? NO_INDICES) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j > 0 ? (previous[j - 1] as number) : 0) + 1;
        current[j] = k;
        currentSet[currentCount++] = j;
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      for (let t = 0; t < previousCount; t++) previous[previousSet[t] as number] = 0;
      [previous, current, previousSet, currentSet, previousCount] = [current, previous, currentSet, previousSet, currentCount];
    }
    for (let t = 0; t < previousCount; t++) previous[previousSet[t] as number] = 0;

    while (besti > alo && bestj > blo && !junk.has(b[bestj - 1] as string) && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && !junk.has(b[bestj + bestsize] as string) && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize++;
    }
    while (besti > alo && bestj > blo && junk.has(b[bestj - 1] as string) && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && junk.has(b[bestj + bestsize] as string) && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize++;
    }
    return { a: besti, b: bestj, size: bestsize };
  }

  private lengthRows(): [Int32Array, Int32Array] {
    return (this.lengths ??= [new Int32Array(this.b.length), new Int32Array(this.b.length)]);
  }

  private touchedRows(): [Int32Array, Int32Array] {
    return (this.touched ??= [new Int32Array(this.b.length), new Int32Array(this.b.length)]);
  }

  /**
   * Non-overlapping matching blocks in increasing order, adjacent blocks merged, ending with the
   * sentinel `{a: len(a), b: len(b), size: 0}`.
   */
  getMatchingBlocks(): readonly Match[] {
    if (this.matchingBlocks) return this.matchingBlocks;
    const found: Match[] = [];
    const queue: Array<[number, number, number, number]> = [[0, this.a.length, 0, this.b.length]];
    for (let range = queue.pop(); range; range = queue.pop()) {
      const [alo, ahi, blo, bhi] = range;
      const match = this.findLongestMatch(alo, ahi, blo, bhi);
      const { a: i, b: j, size: k } = match;
      if (k === 0) continue;
      found.push(match);
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
    found.sort((x, y) => x.a - y.a || x.b - y.b || x.size - y.size);

    const merged: Match[] = [];
    let current: Match = { a: 0, b: 0, size: 0 };
    for (const next of found) {
      if (current.a + current.size === next.a && current.b + current.size === next.b) {
        current = { a: current.a, b: current.b, size: current.size + next.size };
      } else {
        if (current.size > 0) merged.push(current);
        current = next;
      }
    }
    if (current.size > 0) merged.push(current);
    merged.push({ a: this.a.length, b: this.b.length, size: 0 });
    this.matchingBlocks = merged;
    return merged;
  }

  /** 2·M / T, where M is the number of matched elements and T the total length of both sequences. */
  ratio(): number {
    const matches = this.getMatchingBlocks().reduce((sum, block) => sum + block.size, 0);
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  /** An upper bound on `ratio()` from element counts alone. */
  quickRatio(): number {
    const available = new Map<string, number>();
    for (const element of this.b) available.set(element, (available.get(element) ?? 0) + 1);
    let matches = 0;
    for (const element of this.a) {
      const left = available.get(element) ?? 0;
      available.set(element, left - 1);
      if (left > 0) matches++;
    }
    return calculateRatio(matches, this.a.length + this.b.length);
  }

  /** An upper bound on `ratio()` from the lengths alone. */
  realQuickRatio(): number {
    const la = this.a.length;
    const lb = this.b.length;
    return calculateRatio(Math.min(la, lb), la + lb);
  }
}

/** `difflib.SequenceMatcher(None, a, b).ratio()` */
export function sequenceRatio(a: string, b: string): number {
  return new SequenceMatcher(a, b).ratio();
}
