import type { Instruction } from 'dockerfile-ast';
import { hasCacheMount, mounts, shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { environmentAt } from '../dockerfile/instruction-order';
import { appendToRun, asPackageCommand, commandRange, imageStageInput, isImageStage, optionValues, runsPosixShell, shortText, type PackageCommand } from '../dockerfile/package-managers';
import type { Word } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, Range } from '../types';

const CLEAN = 'npm cache clean --force';
const OMIT_DEV = '--omit=dev';

const isInstall = (pc: PackageCommand | undefined): pc is PackageCommand => pc?.ecosystem === 'npm' && (pc.action === 'install' || pc.action === 'ci');

/** `npm cache clean`, or an `rm` of a `.npm` directory (`~/.npm`, `/root/.npm`, `$HOME/.npm`). */
function cleansCache(shell: ShellCommand, cacheDir: string | undefined): boolean {
  const pc = asPackageCommand(shell);
  if (pc?.ecosystem === 'npm' && pc.action === 'cache') return pc.args.some((w) => w.value === 'clean');
  const [program, ...args] = shell.words;
  return program === 'rm' && args.some((a) => /(^|\/)\.npm(\/(\*|_cacache)?)?$/.test(a) || (cacheDir !== undefined && a.replace(/\/\*?$/, '') === cacheDir.replace(/\/$/, '')));
}

/** A cache mount on npm's cache: `~/.npm` of any user, or the directory `npm_config_cache` names. */
function cacheMounted(run: Instruction, cacheDir: string | undefined, installs: PackageCommand[]): boolean {
  const dirs = [cacheDir, ...installs.flatMap((pc) => optionValues(pc, '--cache'))].filter((d): d is string => !!d);
  return hasCacheMount(run, ...dirs) || mounts(run).some((m) => m.type === 'cache' && /\/\.npm\/?$/.test(m.target ?? ''));
}

/**
 * Whether the stage's npm knows `--omit` (npm 7, Node 15 and later): true or false when
 * the official `node` image says so, undefined for other images.
 */
function npmHasOmit(model: DockerfileModel, stage: Stage): boolean | undefined {
  const image = model.rootImage(stage);
  if (!image?.official || image.repository !== 'node') return undefined;
  const major = /^(\d+)/.exec(image.tag ?? '');
  // lts, current, alpine, latest…: today's releases.
  return major ? Number(major[1]) >= 15 : true;
}

interface Deprecated {
  words: Word[];
  written: string;
}

/** `--only=production`/`--only=prod` (or with the value apart) and `--production`. */
function deprecatedProductionFlag(pc: PackageCommand): Deprecated | undefined {
  for (const [i, w] of pc.args.entries()) {
    if (/^--only=prod(uction)?$/.test(w.value) || w.value === '--production' || w.value === '--production=true') return { words: [w], written: w.value };
    const next = pc.args[i + 1];
    if (w.value === '--only' && next && /^prod(uction)?$/.test(next.value)) return { words: [w, next], written: `${w.value} ${next.value}` };
  }
  return undefined;
}

function spanOf(model: DockerfileModel, shell: ShellCommand, words: Word[]): Range | undefined {
  const first = wordRange(model, shell, words[0]);
  const last = wordRange(model, shell, words[words.length - 1]);
  return first && last ? { start: first.start, end: last.end } : undefined;
}

function checkDeprecatedFlags(model: DockerfileModel, stage: Stage, installs: PackageCommand[], context: RuleContext): void {
  const modern = npmHasOmit(model, stage);
  // npm 6 (Node 14 and older) has no --omit and still means what these flags say.
  if (modern === false) return;
  for (const pc of installs) {
    const found = deprecatedProductionFlag(pc);
    if (!found) continue;
    const range = spanOf(model, pc.shell, found.words);
    const fixes: Fix[] = range ? [{ title: `Use ${OMIT_DEV}: replace '${found.written}' in '${shortText(pc)}'`, edits: [{ range, newText: OMIT_DEV }], preferred: true, safe: modern === true }] : [];
    context.report({
      range: range ?? commandRange(model, pc),
      message: `'${found.written}' is deprecated since npm 7 and only warns now. Use '${OMIT_DEV}' to leave out development dependencies.`,
      fixes,
    });
  }
}

export const df208 = stageRule({
  id: 'DF208',
  name: 'npm-cache',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Append npm cache clean; use --omit=dev',
  docs: {
    summary: '`npm install`/`npm ci` leaves npm\'s download cache in the image, or uses the deprecated `--only=production`.',
    why: "npm keeps a copy of every package it downloads in its cache (~/.npm). In the image that ships, the copy is dead weight, often as large as node_modules itself. Cleaning the cache in the same RUN, or keeping it outside the layer with a cache mount, leaves it out. `--only=production` and `--production` still work in npm 7 and later but only with a warning; `--omit=dev` is the supported spelling.",
  },
  stageInputs: imageStageInput,
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    const image = isImageStage(model, stage);
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN') continue;
      const commands = shellCommands(model, run);
      const installs = commands.map((c) => asPackageCommand(c)).filter(isInstall);
      if (installs.length === 0) continue;
      checkDeprecatedFlags(model, stage, installs, context);
      if (!image) continue;
      const env = environmentAt(model, run);
      const cacheDir = env.get('npm_config_cache') ?? env.get('NPM_CONFIG_CACHE');
      if (cacheMounted(run, cacheDir, installs)) continue;
      const lastClean = commands.reduce((at, c, i) => (cleansCache(c, cacheDir) ? i : at), -1);
      const last = installs[installs.length - 1];
      if (lastClean > commands.indexOf(last.shell)) continue;
      // `&&` is not a separator in Windows PowerShell.
      const edit = runsPosixShell(model, run) ? appendToRun(model, run, CLEAN) : undefined;
      context.report({
        range: commandRange(model, last),
        message: `'${last.label}' leaves npm's download cache (~/.npm) in the image. End the same RUN with '${CLEAN}', or give it a cache mount.`,
        fixes: edit ? [{ title: `Append npm cache clean: end the RUN of '${shortText(last)}' with '${CLEAN}'`, edits: [edit], preferred: true, safe: true }] : [],
      });
    }
  },
});
