import { shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { asPackageCommand, findOption, operandWords, type Ecosystem } from '../dockerfile/package-managers';
import { packageInstalls } from '../dockerfile/packages';
import type { Word } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';

/** How each package manager this rule reads writes a pinned version. */
type Manager = 'apt' | 'apk' | 'pip' | 'npm' | 'gem';

const PIN_FORM: Record<Manager, (name: string) => string> = {
  apt: (n) => `${n}=<version>`,
  apk: (n) => `${n}=<version>`,
  pip: (n) => `${n}==<version>`,
  npm: (n) => `${n}@<version>`,
  gem: (n) => `${n}:<version>`,
};

/** Paths, archives, URLs and VCS references name one fixed artifact, or none this rule can judge. */
const NOT_A_NAME = /^[./~]|:\/\/|^(git\+|file:|github:|gitlab:|bitbucket:)|\.(deb|apk|whl|gem|tgz|zip|tar(\.\w+)?)$|\$/;

interface Unpinned {
  ecosystem: Manager;
  word: Word;
  name: string;
}

/** The language package managers this rule reads, by the ecosystem their commands are read as. */
const LANGUAGE: Partial<Record<Ecosystem, Manager>> = { pip: 'pip', uv: 'pip', npm: 'npm', gem: 'gem' };

function languagePackages(command: ShellCommand): Unpinned[] {
  const pc = asPackageCommand(command);
  const ecosystem = pc && LANGUAGE[pc.ecosystem];
  if (!ecosystem || pc.action !== 'install') return [];
  const targets = operandWords(pc).filter((w) => !NOT_A_NAME.test(w.value));
  switch (ecosystem) {
    case 'pip':
      return targets.filter((w) => !/[=<>!~@]/.test(w.value)).map((word) => ({ ecosystem, word, name: word.value }));
    case 'npm':
      return targets
        .filter((w) => {
          const at = w.value.indexOf('@', 1);
          // `user/repo` is a GitHub shorthand, not a registry name.
          if (!w.value.startsWith('@') && w.value.includes('/')) return false;
          return at < 0 || w.value.slice(at + 1) === 'latest';
        })
        .map((word) => ({ ecosystem, word, name: word.value }));
    case 'gem':
      if (findOption(pc, '-v', '--version')) return [];
      return targets.filter((w) => !w.value.includes(':')).map((word) => ({ ecosystem, word, name: word.value }));
    default:
      return [];
  }
}

export const df303 = stageRule({
  id: 'DF303',
  name: 'pin-packages',
  severity: 'off',
  language: 'dockerfile',
  peers: ['DL3008', 'DL3018', 'DL3013', 'DL3016', 'DL3028'],
  docs: {
    summary: 'A package is installed with apt-get, apk, pip, npm or gem without a version.',
    why: 'An install without a version takes whatever the index serves on the day of the build, so rebuilding the same Dockerfile can produce a different image, and a new upstream release can break a build that did not change. Pinned versions make rebuilds repeatable and upgrades a visible change.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN') continue;
      const found: { command: ShellCommand; unpinned: Unpinned }[] = [];
      for (const install of packageInstalls(model, run)) {
        if (install.manager !== 'apt' && install.manager !== 'apk') continue;
        const ecosystem = install.manager;
        for (const { word } of install.packages) {
          if (NOT_A_NAME.test(word.value)) continue;
          const pinned = ecosystem === 'apt' ? word.value.includes('=') : /[=~<>]/.test(word.value);
          if (!pinned) found.push({ command: install.command, unpinned: { ecosystem, word, name: word.value } });
        }
      }
      for (const command of shellCommands(model, run)) {
        for (const unpinned of languagePackages(command)) found.push({ command, unpinned });
      }
      for (const { command, unpinned } of found) {
        context.report({
          range: wordRange(model, command, unpinned.word) ?? run.getInstructionRange(),
          message: `'${unpinned.name}' is installed without a fixed version, so a rebuild can pick up a different release. Pin it ('${PIN_FORM[unpinned.ecosystem](unpinned.name.replace(/(.)@latest$/, '$1'))}').`,
        });
      }
    }
  },
});
