import fc from 'fast-check';
import { checkEveryFix, checkIncremental, corpus, editedVersions, globalArgVersions, mutatedSample, randomText, safeLint, serviceGraphVersions, stageGraphVersions, tokenSoup } from './properties';

/**
 * `npm run fuzz [-- --minutes N]`: the properties of the robustness tests with fresh seeds and
 * no run limit, round after round until the time is up. A failure prints the command that
 * replays it: `npm run fuzz -- --property NAME --seed S --path P` runs that one case again.
 */

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

const minutes = Number(option('minutes') ?? 5);
const replay = option('seed') === undefined ? undefined : { property: option('property'), seed: Number(option('seed')), path: option('path') };
const samples = corpus();

type Options = fc.Parameters<unknown>;
/** Each property as a check over its own input type. */
const properties: [string, (options: Options) => fc.RunDetails<unknown>][] = [
  ['random text', (o) => fc.check(fc.property(randomText, ([text, language]) => void safeLint(text, language)), o)],
  ['long random text', (o) => fc.check(fc.property(fc.string({ unit: 'binary', maxLength: 20_000, size: 'max' }), randomText.map(([, l]) => l), (text, language) => void safeLint(text, language)), o)],
  ['token soup', (o) => fc.check(fc.property(tokenSoup, ([text, language]) => void safeLint(text, language)), o)],
  ['mutated corpus files', (o) => fc.check(fc.property(mutatedSample(samples), (s) => void safeLint(s.text, s.language)), o)],
  ['every fix on mutated corpus files', (o) => fc.check(fc.property(mutatedSample(samples), (s) => void checkEveryFix(s)), o)],
  ['edited Dockerfiles linted incrementally', (o) => fc.check(fc.property(editedVersions(samples, 'dockerfile'), (v) => void checkIncremental(v.versions, 'dockerfile')), o)],
  ['multi-stage Dockerfiles with lines replaced', (o) => fc.check(fc.property(stageGraphVersions, (v) => void checkIncremental(v.versions, 'dockerfile')), o)],
  ['Dockerfiles with global ARGs changed and stages moved', (o) => fc.check(fc.property(globalArgVersions, (v) => void checkIncremental(v.versions, 'dockerfile')), o)],
  ['Compose files with lines replaced', (o) => fc.check(fc.property(serviceGraphVersions, (v) => void checkIncremental(v.versions, 'dockercompose')), o)],
  ['edited Compose files parsed incrementally', (o) => fc.check(fc.property(editedVersions(samples, 'dockercompose'), (v) => void checkIncremental(v.versions, 'dockercompose')), o)],
];

function report(name: string, seed: number, details: fc.RunDetails<unknown>): void {
  console.error(`FAIL ${name}: replay with npm run fuzz -- --property "${name}" --seed ${seed} --path ${details.counterexamplePath ?? ''}`);
  console.error(`${fc.defaultReportMessage(details) ?? ''}\n${String(details.errorInstance)}`);
}

let failed = false;
if (replay) {
  for (const [name, check] of properties.filter(([n]) => replay.property === undefined || n === replay.property)) {
    const details = check({ seed: replay.seed, path: replay.path, numRuns: replay.path ? 1 : 1_000 });
    console.log(`${name}: ${details.numRuns} inputs`);
    if (details.failed) report(name, replay.seed, details);
    failed ||= details.failed;
  }
} else {
  const deadline = Date.now() + minutes * 60_000;
  /** Every property gets at least two turns, none longer than 30 s. */
  const slice = Math.min(30_000, (minutes * 60_000) / properties.length / 2);
  const runs = new Map<string, number>();
  while (!failed && Date.now() < deadline) {
    for (const [name, check] of properties) {
      const seed = (Date.now() ^ (Math.random() * 2 ** 31)) | 0;
      const details = check({ seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: Math.max(1_000, Math.min(slice, deadline - Date.now())) });
      runs.set(name, (runs.get(name) ?? 0) + details.numRuns);
      if (details.failed) report(name, seed, details);
      failed ||= details.failed;
      if (failed || Date.now() >= deadline) break;
    }
  }
  for (const [name, count] of runs) console.log(`${name}: ${count} inputs`);
}
console.log(failed ? 'fuzz: a property failed' : replay ? 'fuzz: the replay passed' : `fuzz: no failure in ${minutes} min`);
process.exitCode = failed ? 1 : 0;
