import fc from 'fast-check';
import { checkEveryFix, corpus, mutatedSample, randomText, safeLint, tokenSoup } from './properties';

/**
 * `npm run fuzz [-- --minutes N] [-- --seed S]`: the properties of the robustness tests with fresh
 * seeds and no run limit, round after round until the time is up. A failure prints its seed and
 * shrunk input; `--seed S` replays that round.
 */

function option(name: string): number | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : Number(process.argv[at + 1]);
}

const minutes = option('minutes') ?? 5;
const fixedSeed = option('seed');
const samples = corpus();

type Options = fc.Parameters<unknown>;
/** Each property as a check over its own input type. */
const properties: [string, (options: Options) => fc.RunDetails<unknown>][] = [
  ['random text', (o) => fc.check(fc.property(randomText, ([text, language]) => void safeLint(text, language)), o)],
  ['long random text', (o) => fc.check(fc.property(fc.string({ unit: 'binary', maxLength: 20_000, size: 'max' }), randomText.map(([, l]) => l), (text, language) => void safeLint(text, language)), o)],
  ['token soup', (o) => fc.check(fc.property(tokenSoup, ([text, language]) => void safeLint(text, language)), o)],
  ['mutated corpus files', (o) => fc.check(fc.property(mutatedSample(samples), (s) => void safeLint(s.text, s.language)), o)],
  ['every fix on mutated corpus files', (o) => fc.check(fc.property(mutatedSample(samples), (s) => void checkEveryFix(s)), o)],
];

const deadline = Date.now() + minutes * 60_000;
/** Every property gets at least two turns, none longer than 30 s. */
const slice = Math.min(30_000, (minutes * 60_000) / properties.length / 2);
const runs = new Map<string, number>();
let failed = false;
for (let round = 0; !failed && Date.now() < deadline; round++) {
  for (const [name, check] of properties) {
    const seed = fixedSeed ?? (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
    const sliceMs = Math.max(1_000, Math.min(slice, deadline - Date.now()));
    const details = check({ seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: sliceMs });
    runs.set(name, (runs.get(name) ?? 0) + details.numRuns);
    if (details.failed) {
      failed = true;
      console.error(`FAIL ${name}: replay with npm run fuzz -- --seed ${seed}\n${fc.defaultReportMessage(details) ?? ''}\n${String(details.errorInstance)}`);
      break;
    }
    if (fixedSeed !== undefined || Date.now() >= deadline) break;
  }
  if (fixedSeed !== undefined) break;
}
for (const [name, count] of runs) console.log(`${name}: ${count} inputs`);
console.log(failed ? 'fuzz: a property failed' : `fuzz: no failure in ${minutes} min`);
process.exitCode = failed ? 1 : 0;
