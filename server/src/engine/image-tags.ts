import table from './data/image-tags.json';

export interface ImageTagFacts {
  recommended: string | null;
  recommendedExactTag: string | null;
  lines: string[];
  latestExact: Record<string, string>;
  variants: string[];
  latestTagIs: string | null;
  aliases?: Record<string, string>;
  /** Lines whose bare tag does not exist (a suffix is needed). */
  suffixRequired?: string[];
  deprecated?: boolean;
  alternatives?: string[];
}

/** The date of the official-images snapshot the bundled table was built from. */
export const TAG_TABLE_DATE: string = table.date;

const images = table.images as Record<string, ImageTagFacts>;

export function tagFacts(repository: string): ImageTagFacts | undefined {
  return Object.prototype.hasOwnProperty.call(images, repository) ? images[repository] : undefined;
}

/** The version line a full version belongs to (`24.19.0` → `24`), if the table lists it. */
export function lineOf(facts: ImageTagFacts, version: string | null): string | undefined {
  if (!version) return undefined;
  return facts.lines.find((line) => version === line || version.startsWith(line + '.'));
}
