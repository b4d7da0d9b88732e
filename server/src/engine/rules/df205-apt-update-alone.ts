import { Arg, Env, type Instruction } from 'dockerfile-ast';
import type { ShellCommand } from '../dockerfile/commands';
import { shellCommands } from '../dockerfile/commands';
import { isModifiable, keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { APT_INSTALLS, asPackageCommand, commandRange, fetchesLists, type PackageCommand } from '../dockerfile/package-managers';
import { deleteInstruction } from '../dockerfile/removal';
import { programWords } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';
import type { Fix } from '../types';

/** apt actions that neither read the lists nor install. */
const APT_LEAVES_LISTS_UNUSED = new Set(['update', 'clean', 'autoclean', 'dist-clean']);

/**
 * Commands known not to install packages. Anything else after the update (a script, a
 * shell function, a tool that calls apt itself) may use the lists, so it is trusted.
 */
const NEVER_INSTALLS = new Set([
  'echo', 'printf', 'true', 'false', ':', 'set', 'export', 'unset', 'rm', 'mkdir', 'ln', 'cp', 'mv', 'chmod', 'chown', 'touch',
  'cat', 'tee', 'sed', 'ls', 'cd', 'test', '[', 'sleep', 'mktemp', 'gpg', 'gpgconf', 'apt-key', 'curl', 'wget', 'locale-gen',
  'update-ca-certificates', 'useradd', 'groupadd', 'find', 'grep', 'awk', 'tar', 'gzip', 'unzip', 'dpkg', 'apt-mark', 'fi', 'done', 'esac',
]);

/** Whether a command after the update could read the lists (or install by other means). */
function mayUseLists(shell: ShellCommand): boolean {
  const pc = asPackageCommand(shell);
  if (pc) return pc.ecosystem !== 'apt' || !APT_LEAVES_LISTS_UNUSED.has(pc.action ?? '');
  const program = shell.words[0];
  return program !== undefined && !NEVER_INSTALLS.has(program);
}

/** The last `apt-get update` of a RUN when nothing after it uses the lists. */
function loneUpdate(commands: readonly ShellCommand[]): PackageCommand | undefined {
  let update: PackageCommand | undefined;
  let usedAfter = false;
  for (const shell of commands) {
    const pc = asPackageCommand(shell);
    if (pc?.ecosystem === 'apt' && pc.action === 'update') {
      update = pc;
      usedAfter = false;
    } else if (update && mayUseLists(shell)) {
      usedAfter = true;
    }
  }
  return update && !usedAfter ? update : undefined;
}

/** Instructions that may stand between the two RUNs without changing what the update fetches. */
function harmlessBetween(instruction: Instruction): boolean {
  const k = keyword(instruction);
  if (k === 'ENV' || k === 'ARG') {
    const names = instruction instanceof Env ? instruction.getProperties().map((p) => p.getName()) : instruction instanceof Arg ? [instruction.getProperty()?.getName() ?? ''] : [];
    return names.every((n) => !/proxy|^apt/i.test(n));
  }
  return ['LABEL', 'EXPOSE', 'MAINTAINER', 'WORKDIR', 'STOPSIGNAL', 'HEALTHCHECK', 'CMD', 'ENTRYPOINT'].includes(k);
}

function mergeFix(model: DockerfileModel, stage: Stage, run: Instruction, update: PackageCommand, commands: readonly ShellCommand[]): Fix | undefined {
  const shell = update.shell;
  if (commands.length !== 1 || shell.base === undefined || (isModifiable(run) && run.getFlags().length > 0)) return undefined;
  const updateText = model.text.slice(shell.base + shell.command.start, shell.base + shell.command.end);
  if (/[\r\n]/.test(updateText)) return undefined;
  const after = stage.instructions.slice(stage.instructions.indexOf(run) + 1);
  const next = after.find((i) => !harmlessBetween(i));
  if (!next || keyword(next) !== 'RUN') return undefined;
  const nextCommands = shellCommands(model, next);
  let updatedAlready = false;
  for (const [i, command] of nextCommands.entries()) {
    const pc = asPackageCommand(command);
    if (pc?.ecosystem !== 'apt') continue;
    if (fetchesLists(pc)) updatedAlready = true;
    if (!APT_INSTALLS.has(pc.action ?? '')) continue;
    const remove = deleteInstruction(model, run);
    if (updatedAlready) return { title: `Merge into the next RUN: it runs '${updateText}' itself, so remove this one`, edits: [remove], preferred: true, safe: true };
    // The update goes right before the install, as one more link of its chain.
    const previous = nextCommands[i - 1];
    const joined = !previous || previous.base !== command.base || ['&&', ';', '\n'].includes(previous.command.next ?? '');
    if (command.base === undefined || !joined || programWords(command.command)[0] !== pc.program.value) return undefined;
    const at = command.base + command.command.start;
    return {
      title: `Merge into the next RUN: run '${updateText}' there, before '${pc.label}'`,
      edits: [remove, { range: model.lines.range(at, at), newText: `${updateText} && ` }],
      preferred: true,
      safe: true,
    };
  }
  return undefined;
}

export const df205 = stageRule({
  id: 'DF205',
  name: 'apt-update-alone',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Merge into the next RUN',
  docs: {
    summary: '`apt-get update` runs in a RUN that installs nothing afterwards.',
    why: 'Docker caches each RUN as a layer. A RUN that only updates the package lists is reused from the cache for as long as its text is unchanged, so a later RUN that installs a package you have just added works with lists that may be weeks old and fails to find versions that the mirrors have since removed. Updating and installing in one RUN keeps the lists as fresh as the install.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN') continue;
      const commands = shellCommands(model, run);
      const update = loneUpdate(commands);
      if (!update) continue;
      const fix = mergeFix(model, stage, run, update, commands);
      context.report({
        range: commandRange(model, update),
        message: `'${update.label}' runs in a RUN that installs nothing after it, so its cached layer can hand stale lists to a later install. Run it in the same RUN as the install.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
