import type { Instruction } from 'dockerfile-ast';
import { hasCacheMount, mounts, shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { firstsAfter } from '../dockerfile/instruction-order';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { asPackageCommand, commandRange, deleteCommands, deleteWord, findOption, imageStageAndLaterInput, isImageStage, insertAfterWord, optionValues, packageCommands, shortText, type PackageCommand } from '../dockerfile/package-managers';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

const FLAG = '--no-cache';
const UPDATE_FLAGS = ['-U', '--update-cache', '--update'];
const CACHE_PATH = /^\/var\/cache\/apk(\/\*?)?$/;

/** apk commands that neither read nor write the package index. */
const INDEX_FREE = new Set(['del', 'info', 'version', 'verify', 'audit', 'stats']);

/** Whether an apk command downloads, stores or reads the index. */
function usesIndex(pc: PackageCommand): boolean {
  return pc.action !== undefined && !INDEX_FREE.has(pc.action) && !findOption(pc, FLAG, '--no-network');
}

/**
 * apk's cache moved onto a cache mount: `ln -s /mount /etc/apk/cache`, or
 * `--cache-dir` naming the mount. Nothing then stays in the layer.
 */
function cacheOnMount(run: Instruction, commands: readonly ShellCommand[]): boolean {
  const targets = mounts(run).flatMap((m) => (m.type === 'cache' && m.target ? [m.target.replace(/\/$/, '')] : []));
  if (targets.length === 0) return false;
  return commands.some((shell) => {
    const pc = asPackageCommand(shell);
    if (pc?.ecosystem === 'apk') return optionValues(pc, '--cache-dir').some((d) => targets.includes(d.replace(/\/$/, '')));
    return shell.words[0] === 'ln' && /^\/etc\/apk\/cache\/?$/.test(shell.words[shell.words.length - 1]);
  });
}

function cacheRemovals(shell: ShellCommand): string[] {
  const [program, ...args] = shell.words;
  return program === 'rm' ? args.filter((a) => CACHE_PATH.test(a)) : [];
}

/**
 * The edits that make `apk add` use `--no-cache`: the flag, and, when this command is
 * the RUN's only user of the index, dropping what `--no-cache` makes redundant
 * (`-U`/`--update`, a separate `apk update`, `rm -rf /var/cache/apk/*`).
 */
function noCacheEdits(model: DockerfileModel, add: PackageCommand, commands: readonly ShellCommand[]): TextEdit[] | undefined {
  // `--no-cache` takes the place of the first update flag, which it implies.
  const [first, ...more] = add.args.filter((a) => UPDATE_FLAGS.includes(a.value));
  const replaced = first && wordRange(model, add.shell, first);
  const flag = replaced ? { range: replaced, newText: FLAG } : add.actionWord && insertAfterWord(model, add.shell, add.actionWord, FLAG);
  if (!flag) return undefined;
  const edits: TextEdit[] = [flag];
  for (const w of more) {
    const drop = deleteWord(model, add.shell, w);
    if (drop) edits.push(drop);
  }
  const others = commands.map((c) => asPackageCommand(c)).filter((pc): pc is PackageCommand => pc?.ecosystem === 'apk' && pc.shell !== add.shell);
  const updates = others.filter((pc) => pc.action === 'update');
  if (others.some((pc) => pc.action !== 'update' && usesIndex(pc))) return edits;
  const doomed = updates.map((u) => u.shell);
  for (const shell of commands) {
    const paths = cacheRemovals(shell);
    if (paths.length === 0) continue;
    // The whole `rm` when it removes nothing else, or just the apk paths; kept where neither is clean.
    const removesOnlyCache = paths.length === shell.words.slice(1).filter((a) => !a.startsWith('-')).length;
    if (removesOnlyCache) doomed.push(shell);
    else for (const drop of shell.command.words.filter((w) => CACHE_PATH.test(w.value)).map((w) => deleteWord(model, shell, w))) if (drop) edits.push(drop);
  }
  for (const drop of deleteCommands(model, doomed)) if (drop) edits.push(drop);
  return edits;
}

/** What a RUN first does with the apk index: fetch a fresh one, or read the one that is there. */
function apkIndexUse(instruction: Instruction, model: DockerfileModel): 'fetches' | 'reads' | undefined {
  if (keyword(instruction) !== 'RUN') return undefined;
  const pc = packageCommands(model, instruction).find((c) => c.ecosystem === 'apk' && usesIndex(c));
  if (!pc) return undefined;
  return pc.action === 'update' || findOption(pc, ...UPDATE_FLAGS) ? 'fetches' : 'reads';
}

/** Whether, on some path the build can take, the next RUN that uses the index reads the one this RUN leaves. */
function laterAddNeedsIndex(model: DockerfileModel, run: Instruction): boolean {
  return firstsAfter(model, run, apkIndexUse).has('reads');
}

export const df206 = stageRule({
  id: 'DF206',
  name: 'apk-no-cache',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Insert --no-cache',
  peers: ['DL3019'],
  docs: {
    summary: '`apk add` runs without `--no-cache` and keeps the package index in the image.',
    why: 'Without `--no-cache`, apk keeps the package index it downloaded in /var/cache/apk, and that layer ships with the image though nothing uses it at run time. `apk add --no-cache` fetches a fresh index, installs and keeps nothing, which also makes a separate `apk update` and a final `rm -rf /var/cache/apk/*` unnecessary.',
  },
  stageInputs: imageStageAndLaterInput,
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    if (!isImageStage(model, stage)) return;
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN' || hasCacheMount(run, '/var/cache/apk', '/etc/apk/cache')) continue;
      const commands = shellCommands(model, run);
      // `--no-network` installs from what is already there (a virtual package of installed ones).
      const adds = commands.map((c) => asPackageCommand(c)).filter((pc): pc is PackageCommand => pc?.ecosystem === 'apk' && pc.action === 'add' && usesIndex(pc));
      if (adds.length === 0 || cacheOnMount(run, commands)) continue;
      const cleaned = commands.some((c, i) => cacheRemovals(c).length > 0 && i > commands.indexOf(adds[adds.length - 1].shell));
      const blocked = laterAddNeedsIndex(model, run);
      for (const add of adds) {
        const edits = blocked ? undefined : noCacheEdits(model, add, commands);
        const fixes: Fix[] = edits ? [{ title: `Insert ${FLAG} into '${shortText(add)}'`, edits, preferred: true, safe: true }] : [];
        context.report({
          range: commandRange(model, add),
          message: cleaned
            ? `'${add.label}' fetches an index that 'rm -rf /var/cache/apk/*' deletes again; '${FLAG}' does both in one flag. Use 'apk add ${FLAG}'.`
            : `'${add.label}' keeps the package index in /var/cache/apk, which then ships with the image. Use 'apk add ${FLAG}'.`,
          fixes,
        });
      }
    }
  },
});
