import type { Instruction } from 'dockerfile-ast';
import { hasCacheMount, shellCommands, type ShellCommand } from '../dockerfile/commands';
import { firstsAfter } from '../dockerfile/instruction-order';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { APT_INSTALLS, appendToRun, asPackageCommand, commandRange, fetchesLists, imageStageAndLaterInput, isImageStage, packageCommands, shortText, type PackageCommand } from '../dockerfile/package-managers';
import { stageRule, type RuleContext } from '../rule';
import type { Fix } from '../types';

const CLEANUP = 'rm -rf /var/lib/apt/lists/*';

/** `rm` of the lists (or of a directory holding them), or `apt-get dist-clean`, which removes them too. */
function removesLists(shell: ShellCommand, apt: PackageCommand | undefined): boolean {
  if (apt?.ecosystem === 'apt' && apt.action === 'dist-clean') return true;
  const [program, ...args] = shell.words;
  return program === 'rm' && args.some((a) => /^\/var\/lib\/apt(\/lists)?\/?(\*)?$/.test(a));
}

/** The last install of a RUN when the lists are not removed after the last command that reads or fetches them. */
function installLeavingLists(model: DockerfileModel, run: Instruction): PackageCommand | undefined {
  let install: PackageCommand | undefined;
  let lastUse = -1;
  let lastCleanup = -1;
  shellCommands(model, run).forEach((shell, i) => {
    const pc = asPackageCommand(shell);
    if (pc?.ecosystem === 'apt' && (pc.action === 'update' || APT_INSTALLS.has(pc.action ?? ''))) {
      lastUse = i;
      if (pc.action !== 'update') install = pc;
    }
    if (removesLists(shell, pc)) lastCleanup = i;
  });
  return lastCleanup < lastUse ? install : undefined;
}

/** What a RUN first does with the apt lists: fetch them anew, or install from what is there. */
function aptListUse(instruction: Instruction, model: DockerfileModel): 'fetches' | 'installs' | undefined {
  if (keyword(instruction) !== 'RUN') return undefined;
  for (const pc of packageCommands(model, instruction)) {
    if (pc.ecosystem !== 'apt') continue;
    if (fetchesLists(pc)) return 'fetches';
    if (APT_INSTALLS.has(pc.action ?? '')) return 'installs';
  }
  return undefined;
}

/**
 * Whether, on some path the build can take (the rest of the stage, then each stage built on
 * it), the next `RUN` that uses the lists installs from them without an update of its own:
 * removing them here would break that install.
 */
function laterInstallNeedsLists(model: DockerfileModel, run: Instruction): boolean {
  return firstsAfter(model, run, aptListUse).has('installs');
}

export const df203 = stageRule({
  id: 'DF203',
  name: 'apt-lists-cleanup',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Remove apt lists',
  peers: ['DL3009'],
  docs: {
    summary: 'An apt install leaves the downloaded package lists in the image.',
    why: "`apt-get update` downloads package lists (tens of megabytes) to /var/lib/apt/lists. Files deleted by a later RUN still ship in the earlier layer, so the lists must be removed in the same RUN that installs, or the layer carries them for good. They are useless at run time and go stale anyway.",
  },
  stageInputs: imageStageAndLaterInput,
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    if (!isImageStage(model, stage)) return;
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN' || hasCacheMount(run, '/var/lib/apt/lists')) continue;
      const install = installLeavingLists(model, run);
      if (!install) continue;
      const edit = laterInstallNeedsLists(model, run) ? undefined : appendToRun(model, run, CLEANUP);
      const fixes: Fix[] = edit ? [{ title: `Remove apt lists: end the RUN of '${shortText(install)}' with '${CLEANUP}'`, edits: [edit], preferred: true, safe: true }] : [];
      context.report({
        range: commandRange(model, install),
        message: `'${install.label}' leaves the apt package lists in the image. End the same RUN with '${CLEANUP}'.`,
        fixes,
      });
    }
  },
});
