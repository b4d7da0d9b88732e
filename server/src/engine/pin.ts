import { statefulImage } from './image-facts';
import type { ImageRef } from './image-ref';
import { lineOf, TAG_TABLE_DATE, tagFacts, type ImageTagFacts } from './image-tags';
import type { Fix, TextEdit } from './types';

export interface PinCandidate {
  tag: string;
  /** Why this tag is offered, shown in the fix title. */
  reason: string;
}

export interface PinAdvice {
  candidates: PinCandidate[];
  /** Set when the official image is deprecated: what to use instead. */
  deprecation?: string;
}

/** The variant a floating tag asks for (`alpine` in `node:alpine`), or '' for none. */
export function floatingVariant(ref: ImageRef): string | undefined {
  if (ref.digest) return undefined;
  if (ref.tag === undefined || ref.tag === 'latest') return '';
  const facts = ref.official ? tagFacts(ref.repository) : undefined;
  return facts?.variants.includes(ref.tag) ? ref.tag : undefined;
}

/**
 * Tags to offer for a floating reference: tags already pinned for the same image in
 * the file first, then the bundled table's lines, keeping the variant.
 */
export function pinAdvice(ref: ImageRef, variant: string, pinnedElsewhere: readonly string[]): PinAdvice {
  const candidates: PinCandidate[] = [];
  const add = (tag: string | undefined, reason: string) => {
    if (tag && !candidates.some((c) => c.tag === tag)) candidates.push({ tag, reason });
  };
  for (const tag of pinnedElsewhere) add(tag, 'already pinned in this file');
  const facts = ref.official ? tagFacts(ref.repository) : undefined;
  if (!facts) return { candidates };
  if (facts.deprecated) {
    return { candidates, deprecation: `The official '${ref.repository}' image is deprecated; consider ${(facts.alternatives ?? []).join(', ')}.` };
  }
  const withVariant = (tag: string) => (variant ? `${tag}-${variant}` : tag);
  const dated = `tags as of ${TAG_TABLE_DATE}`;
  if (!facts.recommended) return { candidates };
  if (!facts.lines.includes(facts.recommended)) {
    // Images that publish exact versions only (no line tags).
    add(withVariant(facts.recommended), `recommended version, ${dated}`);
    return { candidates };
  }
  const recommended = facts.recommended;
  const latestLine = lineOf(facts, facts.latestTagIs);
  // A database that already ran what `latest` gave it cannot go back to an older line.
  const keepLatest = statefulImage(ref) !== undefined && latestLine !== undefined && isOlder(facts, recommended, latestLine);
  const primary = keepLatest ? (latestLine as string) : recommended;
  if (keepLatest) {
    add(lineTag(facts, primary, withVariant), `the line 'latest' pulls today, ${dated}`);
    add(lineTag(facts, recommended, withVariant), `recommended line, older than what 'latest' pulls: data written by ${primary} cannot be read by ${recommended}`);
  } else {
    add(lineTag(facts, recommended, withVariant), `recommended line, ${dated}`);
  }
  add(exactTag(facts, primary, variant), `exact version, ${dated}`);
  return { candidates };
}

function isOlder(facts: ImageTagFacts, line: string, than: string): boolean {
  return facts.lines.indexOf(line) > facts.lines.indexOf(than);
}

function lineTag(facts: ImageTagFacts, line: string, withVariant: (tag: string) => string): string | undefined {
  return facts.suffixRequired?.includes(line) ? undefined : withVariant(line);
}

function exactTag(facts: ImageTagFacts, line: string, variant: string): string | undefined {
  const exact = line === facts.recommended ? facts.recommendedExactTag : facts.latestExact[line];
  if (!variant || !exact) return exact ?? undefined;
  // Where the exact tag carries a suffix of its own (`25.0.4_7-jdk`), a variant cannot be appended.
  return facts.latestExact[line] === exact ? `${exact}-${variant}` : undefined;
}

/** The diagnostic text for a floating reference, and the tags its fixes offer. */
export function pinMessage(written: string, ref: ImageRef, variant: string, pinnedElsewhere: readonly string[]): { message: string; fixes: PinCandidate[] } {
  const sameVariant = pinnedElsewhere.filter((tag) => tagVariant(tag) === variant);
  const advice = pinAdvice(ref, variant, sameVariant);
  const facts = ref.official ? tagFacts(ref.repository) : undefined;
  let what: string;
  if (facts && facts.latestTagIs === null && !variant) what = `'${written}' asks for 'latest', which '${ref.repository}' does not publish, so it does not pull at all.`;
  else if (ref.tag === undefined) what = `'${written}' has no tag, so it resolves to whatever 'latest' is when pulled.`;
  else if (written.includes('${')) what = `'${written}' defaults to a floating tag, so it moves with every release.`;
  else if (variant) what = `'${written}' names a variant but no version, so it moves with every release.`;
  else what = `'${written}' moves with every release.`;
  const message = [what, 'Pin a version (or a digest) so builds are repeatable.', advice.deprecation].filter(Boolean).join(' ');
  return { message, fixes: advice.candidates };
}

/** The suffix after the version in a tag (`20-alpine` → `alpine`). */
function tagVariant(tag: string): string {
  const dash = tag.indexOf('-');
  return dash < 0 ? '' : tag.slice(dash + 1);
}

/** One fix per offered tag; the first is the preferred one. */
export function pinFixes(repository: string, candidates: readonly PinCandidate[], edit: (tag: string) => TextEdit): Fix[] {
  return candidates.map((c, i) => ({
    title: `Pin tag: ${repository}:${c.tag} (${c.reason})`,
    edits: [edit(c.tag)],
    preferred: i === 0,
  }));
}
