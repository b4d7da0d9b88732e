import { lineOf, TAG_TABLE_DATE, tagFacts } from '../image-tags';
import { isFloating, type ImageRef } from '../image-ref';

/** The rough size class of a variant's base, when the tag names a well-known one. */
function sizeClass(ref: ImageRef, variant: string | undefined): string | undefined {
  if (ref.repository === 'scratch') return 'empty (scratch, 0 MB)';
  if (ref.registry === 'gcr.io' && ref.repository.startsWith('distroless/')) return 'distroless (~20 MB)';
  if (!variant) return undefined;
  if (variant.includes('alpine')) return 'Alpine-based (~5 MB base)';
  if (variant.includes('slim')) return 'slim Debian (~50 MB base)';
  if (/^(bookworm|trixie|bullseye|buster|jammy|noble|focal)$/.test(variant)) return 'full distribution (largest)';
  return undefined;
}

/**
 * What an `image:` value pulls, in a few lines: family, variant and its size class,
 * whether the tag floats, and the recommended line from the bundled tag table.
 * `written` is the value as written in the file, `ref` the reference after interpolation.
 */
export function imageHoverText(written: string, ref: ImageRef | undefined): string {
  const head = `**\`${written}\`** — image reference`;
  if (!ref) return `${head}\n\nNot a valid image reference.`;
  const facts = ref.official ? tagFacts(ref.repository) : undefined;
  const lines: string[] = [];
  const family = ref.official ? `\`${ref.repository}\` (Docker Official Image)` : `\`${ref.registry ? ref.registry + '/' : ''}${ref.repository}\``;
  lines.push(`Family: ${family}`);
  let version: string | undefined;
  let variant: string | undefined;
  if (ref.tag && ref.tag !== 'latest') {
    if (facts?.variants.includes(ref.tag)) variant = ref.tag;
    else {
      const dash = ref.tag.indexOf('-');
      version = dash < 0 ? ref.tag : ref.tag.slice(0, dash);
      variant = dash < 0 ? undefined : ref.tag.slice(dash + 1);
    }
  }
  const size = sizeClass(ref, variant);
  if (variant || size) lines.push(`Variant: ${variant ? `\`${variant}\`` : 'default'}${size ? `, ${size}` : ''}`);
  if (ref.digest) lines.push('Tag: pinned by digest, never changes.');
  else if (ref.tag === undefined && written.includes('$')) lines.push('Tag: comes from a variable that is not set; cannot tell.');
  else if (isFloating(ref) || version === undefined) lines.push('Tag: floats — it follows the newest release; pin a version for repeatable builds.');
  else if (facts) {
    const line = facts.aliases?.[version] ?? version;
    const exact = Object.values(facts.latestExact).includes(version) || (lineOf(facts, version) !== undefined && lineOf(facts, version) !== version);
    if (exact) lines.push(`Tag: exact version \`${version}\`; it changes only when rebuilt upstream.`);
    else if (facts.lines.includes(line)) lines.push(`Tag: follows the \`${line}\` line — moves with its minor and patch releases.`);
    else lines.push(`Tag: \`${version}\`.`);
  } else lines.push(`Tag: \`${ref.tag}\`.`);
  if (facts?.deprecated) lines.push(`Deprecated upstream; consider ${(facts.alternatives ?? []).map((a) => `\`${a}\``).join(', ')}.`);
  else if (facts?.recommended) {
    const exact = facts.recommendedExactTag ? ` (newest: \`${facts.recommendedExactTag}\`)` : '';
    lines.push(`Recommended line: \`${facts.recommended}\`${exact}, as of ${TAG_TABLE_DATE}.`);
  }
  return `${head}\n\n${lines.map((l) => `- ${l}`).join('\n')}`;
}
