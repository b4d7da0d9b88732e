import { Arg, type Instruction } from 'dockerfile-ast';
import { hasCacheMount, mounts, shellCommands, type ShellCommand } from '../dockerfile/commands';
import { copyOperands, keyword, sourceText } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { environmentAt, lastBefore } from '../dockerfile/instruction-order';
import { asPackageCommand, commandRange, findOption, imageStageInput, isImageStage, insertAfterWord, shortText, type PackageCommand } from '../dockerfile/package-managers';
import { stageRule, type RuleContext } from '../rule';

const FLAG = '--no-cache-dir';

/**
 * pip reads `PIP_NO_CACHE_DIR` as "no cache" whatever its value (`0` and `false`
 * included, for compatibility); a value it cannot parse stops the install with an error.
 */
const NO_CACHE_VARIABLE = 'PIP_NO_CACHE_DIR';

/** `ARG PIP_NO_CACHE_DIR` without a default: declared to be passed with `--build-arg`. */
function declaredAsArg(model: DockerfileModel, run: Instruction): boolean {
  return lastBefore(model, run, isNoCacheArg) !== undefined;
}

const isNoCacheArg = (i: Instruction) => i instanceof Arg && i.getProperty()?.getName() === NO_CACHE_VARIABLE;

/** A pip configuration file that could set `no-cache-dir`, copied or written before the RUN. */
function configuredByFile(model: DockerfileModel, run: Instruction, env: Map<string, string>): boolean {
  if (env.has('PIP_CONFIG_FILE')) return true;
  return lastBefore(model, run, configuresPip, true) !== undefined;
}

function configuresPip(i: Instruction, model: DockerfileModel): boolean {
  const k = keyword(i);
  if ((k === 'COPY' || k === 'ADD') && /(^|\/)pip\.(conf|ini)$|\/pip\/?$/.test(copyOperands(i)?.destination ?? '')) return true;
  if (k !== 'RUN' && k !== 'COPY') return false;
  const text = sourceText(model, i);
  return /no[-_]cache[-_]dir/i.test(text) && /pip\.conf|pip config/.test(text);
}

/** Where pip keeps its cache for the user running the RUN, as far as the Dockerfile says. */
function cacheDirs(env: Map<string, string>): string[] {
  const dirs = ['/root/.cache/pip'];
  const explicit = env.get('PIP_CACHE_DIR');
  if (explicit) dirs.push(explicit);
  const xdg = env.get('XDG_CACHE_HOME');
  if (xdg) dirs.push(`${xdg.replace(/\/$/, '')}/pip`);
  return dirs;
}

/** A cache mount on pip's cache: the root user's, another user's (`/home/app/.cache/pip`) or the configured one. */
function cacheMounted(run: Instruction, env: Map<string, string>): boolean {
  return hasCacheMount(run, ...cacheDirs(env)) || mounts(run).some((m) => m.type === 'cache' && /\/\.cache(\/pip)?\/?$/.test(m.target ?? ''));
}

/** `PIP_NO_CACHE_DIR=… pip install`, or an `export` of it earlier in the same RUN. */
function setInRun(commands: readonly ShellCommand[], upTo: number): boolean {
  return commands.slice(0, upTo + 1).some((c) => c.command.words.some((w) => w.value.startsWith(`${NO_CACHE_VARIABLE}=`)));
}

export const df207 = stageRule({
  id: 'DF207',
  name: 'pip-no-cache-dir',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Insert --no-cache-dir',
  peers: ['DL3042'],
  docs: {
    summary: '`pip install` runs without `--no-cache-dir` and leaves its download cache in the image.',
    why: "pip keeps every wheel and download it fetched in its cache (~/.cache/pip) to speed up the next install on the same machine. In an image there is no next install: the cache only adds size, often as much as the installed packages themselves. `--no-cache-dir` (or `PIP_NO_CACHE_DIR`, or a cache mount that keeps the cache outside the layer) avoids it.",
  },
  stageInputs: imageStageInput,
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    if (!isImageStage(model, stage)) return;
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN') continue;
      const commands = shellCommands(model, run);
      const installs = commands
        .map((c, i) => ({ pc: asPackageCommand(c), i }))
        .filter((x): x is { pc: PackageCommand; i: number } => x.pc?.ecosystem === 'pip' && x.pc.action === 'install' && !findOption(x.pc, FLAG) && !setInRun(commands, x.i));
      if (installs.length === 0) continue;
      const env = environmentAt(model, run);
      if (env.has(NO_CACHE_VARIABLE) || declaredAsArg(model, run) || cacheMounted(run, env) || configuredByFile(model, run, env)) continue;
      for (const { pc } of installs) {
        const edit = pc.actionWord && insertAfterWord(model, pc.shell, pc.actionWord, FLAG);
        context.report({
          range: commandRange(model, pc),
          message: `'${pc.label}' keeps the packages it downloads in pip's cache, which then ships with the image. Add '${FLAG}'.`,
          fixes: edit ? [{ title: `Insert ${FLAG} into '${shortText(pc)}'`, edits: [edit], preferred: true, safe: true }] : [],
        });
      }
    }
  },
});
