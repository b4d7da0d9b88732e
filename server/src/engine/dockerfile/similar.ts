/** Levenshtein distance: insertions, deletions and substitutions each cost one. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidates ordered by how close they are to `name` (case-insensitive), nearest
 * first, ties in the given order; only those within `maxDistance` when it is given.
 */
export function byCloseness(name: string, candidates: Iterable<string>, maxDistance = Infinity): string[] {
  const lower = name.toLowerCase();
  return [...new Set(candidates)]
    .map((candidate, order) => ({ candidate, order, distance: editDistance(lower, candidate.toLowerCase()) }))
    .filter((c) => c.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance || a.order - b.order)
    .map((c) => c.candidate);
}

/** How far a misspelling of a word this long may plausibly stray from it. */
export function typoDistance(word: string): number {
  return word.length <= 3 ? 1 : word.length <= 8 ? 2 : 3;
}
