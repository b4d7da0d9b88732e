// Regenerates server/src/engine/data/image-tags.json, the bundled tag table behind
// "Pin tag", from the team's snapshot of the official-images library
// (../shared/image-tags.json). Only facts the engine reads are kept.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? join(root, '..', 'shared', 'image-tags.json');
const snapshot = JSON.parse(readFileSync(source, 'utf8'));

const images = {};
for (const [name, facts] of Object.entries(snapshot.images)) {
  images[name] = {
    recommended: facts.recommended,
    recommendedExactTag: facts.recommendedExactTag,
    lines: facts.lines,
    latestExact: facts.latestExact,
    variants: facts.variants,
    latestTagIs: facts.latestTagIs,
    ...(facts.aliases ? { aliases: facts.aliases } : {}),
    ...(facts.suffixRequired ? { suffixRequired: Object.keys(facts.suffixRequired) } : {}),
    ...(facts.deprecated ? { deprecated: true, alternatives: facts.alternatives ?? [] } : {}),
  };
}
const table = {
  date: snapshot.snapshotCommitDate.slice(0, 10),
  source: `${snapshot.source} at ${snapshot.snapshotCommit}`,
  images,
};
const out = join(root, 'server', 'src', 'engine', 'data', 'image-tags.json');
writeFileSync(out, JSON.stringify(table, null, 1) + '\n');
console.log(`wrote ${Object.keys(images).length} images (snapshot ${table.date}) to ${out}`);
