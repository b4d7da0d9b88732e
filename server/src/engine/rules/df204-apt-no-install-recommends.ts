import type { Instruction } from 'dockerfile-ast';
import { copyOperands, keyword, sourceText } from '../dockerfile/instructions';
import { lastBefore } from '../dockerfile/instruction-order';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { commandRange, findOption, imageStageInput, isImageStage, insertAfterWord, optionValues, packageCommands, shortText, type PackageCommand } from '../dockerfile/package-managers';
import { stageRule, type RuleContext } from '../rule';

const FLAG = '--no-install-recommends';
/** apt's spellings of "no": its boolean options accept all of these. */
const OFF = /^(false|no|off|0|without|disable)$/i;
/** The option as a config file writes it (`APT::Install-Recommends "false";`), not as `-o` gives it. */
const CONFIG_LINE = /APT::Install-Recommends\s+"?(false|no|off|0|without|disable)"?/i;

/** `-s`/`--simulate` and the like install nothing; `-d` only downloads. */
const NOTHING_INSTALLED = ['--simulate', '--just-print', '--dry-run', '--recon', '--no-act', '--download-only'];
/** Clustered short options (`-qs`), leaving out those that take a value (`-o…`, `-c…`, `-t…`, `-a…`). */
const SHORT_NO_INSTALL = /^-(?![octa])[a-zA-Z]*[sd][a-zA-Z]*$/;

/**
 * Recommends are already off for this command, or it installs nothing new:
 * a dry run, a download, or `--only-upgrade` of packages already installed.
 */
function exempt(command: PackageCommand): boolean {
  if (findOption(command, FLAG, '--only-upgrade', ...NOTHING_INSTALLED)) return true;
  if (command.args.some((w) => SHORT_NO_INSTALL.test(w.value))) return true;
  if (optionValues(command, '--install-recommends').some((v) => OFF.test(v))) return true;
  return optionValues(command, '-o', '--option').some((v) => {
    const [name, value] = v.split('=');
    return name.toLowerCase() === 'apt::install-recommends' && value !== undefined && OFF.test(value);
  });
}

/** An apt configuration that turns recommends off, written by this RUN or an earlier instruction. */
function turnedOffByConfig(model: DockerfileModel, run: Instruction): boolean {
  return lastBefore(model, run, configuresNoRecommends, true) !== undefined;
}

function configuresNoRecommends(i: Instruction, model: DockerfileModel): boolean {
  const k = keyword(i);
  if (k === 'COPY' || k === 'ADD') {
    // A file copied into apt's configuration directory cannot be read here: trust it.
    const destination = copyOperands(i)?.destination ?? '';
    if (destination.startsWith('/etc/apt/apt.conf')) return true;
  }
  return (k === 'RUN' || k === 'COPY') && CONFIG_LINE.test(sourceText(model, i));
}

export const df204 = stageRule({
  id: 'DF204',
  name: 'apt-no-install-recommends',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Insert --no-install-recommends',
  peers: ['DL3015'],
  docs: {
    summary: 'An apt install also installs every package the requested ones merely recommend.',
    why: 'By default apt installs "Recommends" along with the packages you name: documentation, optional tools and libraries that a container seldom needs. They often double the size of an install and widen the attack surface. `--no-install-recommends` installs only what you asked for and its real dependencies.',
  },
  stageInputs: imageStageInput,
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    if (!isImageStage(model, stage)) return;
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN') continue;
      const installs = packageCommands(model, run).filter((pc) => pc.ecosystem === 'apt' && pc.action === 'install' && !exempt(pc));
      if (installs.length === 0 || turnedOffByConfig(model, run)) continue;
      for (const install of installs) {
        const edit = install.actionWord && insertAfterWord(model, install.shell, install.actionWord, FLAG);
        context.report({
          range: commandRange(model, install),
          message: `'${install.label}' also installs the packages they recommend. Add '${FLAG}' and name any recommended package you need.`,
          fixes: edit ? [{ title: `Insert ${FLAG} into '${shortText(install)}'`, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
});
