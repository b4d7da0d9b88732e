/**
 * Edit distance where inserting, deleting or changing a character, or swapping two
 * neighbours (the commonest typo), each cost one. Past `max` the answer is only some
 * number above `max`: the work stops once every row exceeds it.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  // Three rows: the one before last is needed for swaps. Suggestions measure a name against
  // every stage or key, so the rows are reused rather than allocated per call (up to a size
  // worth keeping).
  if (rows[0].length <= b.length && b.length < MAX_KEPT_ROW) rows = newRows(2 * (b.length + 1));
  let [before, last, row] = rows[0].length > b.length ? rows : newRows(b.length + 1);
  for (let j = 0; j <= b.length; j++) last[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    const previous = i > 1 ? a.charCodeAt(i - 2) : -1;
    row[0] = i;
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let d = Math.min(last[j] + 1, row[j - 1] + 1, last[j - 1] + (ai === bj ? 0 : 1));
      if (j > 1 && ai === b.charCodeAt(j - 2) && previous === bj) d = Math.min(d, before[j - 2] + 1);
      row[j] = d;
      if (d < least) least = d;
    }
    if (least > max) return least;
    [before, last, row] = [last, row, before];
  }
  return last[b.length];
}

const MAX_KEPT_ROW = 4096;
const newRows = (length: number) => [0, 1, 2].map(() => new Int32Array(length));
let rows = newRows(64);

/**
 * The candidates ordered by how close they are to `name` (case-insensitive), nearest
 * first, ties in the given order; only those within `maxDistance`, and the first `limit`.
 * Two names whose lengths differ by n are at least n apart, so candidates are measured
 * shortest difference first and the rest skipped once they cannot make the cut.
 */
export function byCloseness(name: string, candidates: Iterable<string>, maxDistance = Infinity, limit = Infinity): string[] {
  const lower = name.toLowerCase();
  const byBound: { candidate: string; order: number; bound: number; distance: number }[] = [];
  let order = 0;
  for (const candidate of new Set(candidates)) {
    const bound = Math.abs(candidate.length - lower.length);
    if (bound <= maxDistance) byBound.push({ candidate, order, bound, distance: 0 });
    order++;
  }
  byBound.sort((a, b) => a.bound - b.bound);
  let found: typeof byBound = [];
  // The distance of the last of the first `limit` found so far: nothing farther can make the cut.
  let cut = Infinity;
  for (const c of byBound) {
    if (c.bound > cut) break;
    c.distance = editDistance(lower, c.candidate.toLowerCase(), Math.min(maxDistance, cut));
    if (c.distance > maxDistance) continue;
    found.push(c);
    if (found.length >= limit) {
      found = nearest(found).slice(0, limit);
      cut = found[limit - 1].distance;
    }
  }
  return nearest(found).map((c) => c.candidate);
}

const nearest = <T extends { distance: number; order: number }>(list: T[]): T[] => list.sort((a, b) => a.distance - b.distance || a.order - b.order);

/** How far a misspelling of a word this long may plausibly stray from it; names of one or two characters have no near misses worth guessing. */
export function typoDistance(word: string): number {
  return word.length <= 2 ? 0 : word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3;
}
