// Suggestions for a misspelt or misremembered name. Candidates are ranked by how many of
// the target's words (camelCase or dotted parts) they have, then by case-insensitive
// edit distance, then by the longer common prefix, then alphabetically.

export function nearestNames(target: string, candidates: Iterable<string>, limit = 3): string[] {
  return rankBySimilarity(target, candidates).slice(0, limit);
}

export function rankBySimilarity(target: string, candidates: Iterable<string>): string[] {
  const wanted = target.toLowerCase();
  const wantedWords = [...new Set(words(target))];
  return [...new Set(candidates)]
    .map((name) => {
      const lower = name.toLowerCase();
      const own = words(name);
      return {
        name,
        shared: wantedWords.filter((word) => own.some((other) => sameWord(word, other))).length,
        distance: editDistance(wanted, lower),
        prefix: commonPrefixLength(wanted, lower),
      };
    })
    .sort((a, b) => b.shared - a.shared || a.distance - b.distance || b.prefix - a.prefix || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((scored) => scored.name);
}

export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** 'TrainingJobArn' -> training, job, arn; 'AutoMLJobArn' -> auto, ml, job, arn; 'ml.m5.xlarge' -> ml, m5, xlarge. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
}

// Plurals and other endings ('Artifact', 'Artifacts') count as the same word.
function sameWord(a: string, b: string): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter === longer || (shorter.length >= 3 && longer.startsWith(shorter));
}

function commonPrefixLength(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}
