import { shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { packageInstalls } from '../dockerfile/packages';
import type { Word } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';

type Ecosystem = 'apt' | 'apk' | 'pip' | 'npm' | 'gem';

const PIN_FORM: Record<Ecosystem, (name: string) => string> = {
  apt: (n) => `${n}=<version>`,
  apk: (n) => `${n}=<version>`,
  pip: (n) => `${n}==<version>`,
  npm: (n) => `${n}@<version>`,
  gem: (n) => `${n}:<version>`,
};

/** Options that take the next word as their value. */
const PIP_VALUE_OPTIONS = new Set(
  `-r --requirement -c --constraint -e --editable -i --index-url --extra-index-url -f --find-links -t --target --prefix --root
  --platform --python-version --implementation --abi --trusted-host --src --upgrade-strategy --progress-bar --cache-dir --log
  --proxy --retries --timeout --exists-action --cert --client-cert --global-option --config-settings -C --no-binary
  --only-binary --python -p --report --root-user-action --use-feature --use-deprecated --group --override --index`.split(/\s+/),
);
const NPM_VALUE_OPTIONS = new Set(['--prefix', '--registry', '--cache', '-w', '--workspace', '--omit', '--include', '--userconfig', '--loglevel', '--tag', '--before', '--location', '--install-strategy']);
const GEM_VALUE_OPTIONS = new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform', '--build-root', '-g', '--file']);

/** Paths, archives, URLs and VCS references name one fixed artifact, or none this rule can judge. */
const NOT_A_NAME = /^[./~]|:\/\/|^(git\+|file:|github:|gitlab:|bitbucket:)|\.(deb|apk|whl|gem|tgz|zip|tar(\.\w+)?)$|\$/;

/** The operands after `args[0]` (the subcommand), skipping options and their values. */
function operands(words: Word[], from: number, valueOptions: Set<string>): Word[] {
  const out: Word[] = [];
  for (let i = from; i < words.length; i++) {
    const v = words[i].value;
    if (v === '--' || /^\d*[<>]/.test(v) || v === '&>' || v === '>&') break;
    if (v.startsWith('-')) {
      if (!v.includes('=') && valueOptions.has(v)) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}

/** Where the program words (wrappers removed) start among the command's written words. */
function programStart(command: ShellCommand): number {
  const words = command.command.words;
  const first = command.words[0];
  return first === undefined ? -1 : words.findIndex((w) => w.value === first);
}

interface Unpinned {
  ecosystem: Ecosystem;
  word: Word;
  name: string;
}

function languagePackages(command: ShellCommand): Unpinned[] {
  const at = programStart(command);
  if (at < 0) return [];
  const words = command.command.words.slice(at);
  const values = words.map((w) => w.value);
  const program = (values[0].split('/').pop() as string).toLowerCase();
  let i = 1;
  if (/^python[0-9.]*$/.test(program) && values[1] === '-m' && /^pip[0-9.]*$/.test(values[2] ?? '')) i = 3;
  else if (program === 'uv' && values[1] === 'pip') i = 2;
  else if (!/^pip[0-9.]*$/.test(program) && program !== 'npm' && program !== 'gem') return [];
  const ecosystem: Ecosystem = program === 'npm' ? 'npm' : program === 'gem' ? 'gem' : 'pip';
  const sub = words.slice(i).findIndex((w) => !w.value.startsWith('-'));
  if (sub < 0) return [];
  const subcommand = values[i + sub];
  const installs = ecosystem === 'npm' ? ['install', 'i', 'add', 'in', 'isntall'] : ['install'];
  if (!installs.includes(subcommand)) return [];
  const valueOptions = ecosystem === 'pip' ? PIP_VALUE_OPTIONS : ecosystem === 'npm' ? NPM_VALUE_OPTIONS : GEM_VALUE_OPTIONS;
  const targets = operands(words, i + sub + 1, valueOptions).filter((w) => !NOT_A_NAME.test(w.value));
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
      if (values.some((v) => v === '-v' || v === '--version' || v.startsWith('--version='))) return [];
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
