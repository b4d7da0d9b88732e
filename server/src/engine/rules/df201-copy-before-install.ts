import type { Instruction } from 'dockerfile-ast';
import { inFileCase } from '../dockerfile/casing';
import { copyOperands, isBroadCopy, isModifiable, keyword, runScript, sourceText } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { programWords, type Command } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';
import type { FileAccess, Fix, TextEdit } from '../types';

interface Installer {
  /** The command as users know it, for messages. */
  label: string;
  manifests(files: FileAccess | undefined, args: string[]): string[];
  /** True when the command needs nothing but the manifests, so it can run before the sources arrive. */
  manifestOnly(args: string[]): boolean;
}

const always = () => true;

/** The first existing file of each group; without file access, the first of each. */
function present(files: FileAccess | undefined, ...groups: string[][]): string[] {
  return groups.flatMap((group) => {
    if (!files) return [group[0]];
    const found = group.find((f) => files.exists(f));
    return found ? [found] : [];
  });
}

function npmManifests(files: FileAccess | undefined): string[] {
  if (!files) return ['package*.json'];
  return ['package.json', ...present(files, ['package-lock.json', 'npm-shrinkwrap.json'])];
}

function requirementFiles(args: string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if ((a === '-r' || a === '--requirement' || a === '-c' || a === '--constraint') && args[i + 1]) out.push(args[i + 1]);
    else if (a.startsWith('--requirement=')) out.push(a.slice('--requirement='.length));
    else if (a.startsWith('-r') && a.length > 2) out.push(a.slice(2));
  });
  return out;
}

const positional = (args: string[]) => args.filter((a) => !a.startsWith('-'));

/** Matches on program words (`npm ci`), returning the installer when it applies. */
function installerFor(words: string[]): Installer | undefined {
  const [program, sub, ...rest] = words;
  const args = words.slice(1);
  switch (program) {
    case 'npm':
      if (sub === 'ci' || ((sub === 'install' || sub === 'i') && positional(rest).length === 0)) {
        return { label: `npm ${sub}`, manifests: npmManifests, manifestOnly: always };
      }
      return undefined;
    case 'yarn':
      if (sub === undefined || sub === 'install' || (sub.startsWith('-') && positional(args).length === 0)) {
        return { label: 'yarn install', manifests: (f) => ['package.json', ...present(f, ['yarn.lock'])], manifestOnly: always };
      }
      return undefined;
    case 'pnpm':
      if ((sub === 'install' || sub === 'i') && positional(rest).length === 0) {
        return { label: 'pnpm install', manifests: (f) => ['package.json', ...present(f, ['pnpm-lock.yaml'])], manifestOnly: always };
      }
      return undefined;
    case 'pip':
    case 'pip3':
      return sub === 'install' && requirementFiles(rest).length > 0
        ? { label: `${program} install -r`, manifests: (_f, a) => requirementFiles(a), manifestOnly: always }
        : undefined;
    case 'python':
    case 'python3':
      return sub === '-m' && (rest[0] === 'pip' || rest[0] === 'pip3') ? installerFor(rest) : undefined;
    case 'poetry':
      return sub === 'install'
        ? { label: 'poetry install', manifests: (f) => ['pyproject.toml', ...present(f, ['poetry.lock'])], manifestOnly: (a) => a.includes('--no-root') }
        : undefined;
    case 'uv':
      if (sub === 'sync') {
        return { label: 'uv sync', manifests: (f) => ['pyproject.toml', ...present(f, ['uv.lock'])], manifestOnly: (a) => a.includes('--no-install-project') };
      }
      return sub === 'pip' && rest[0] === 'install' && requirementFiles(rest).length > 0
        ? { label: 'uv pip install -r', manifests: (_f, a) => requirementFiles(a), manifestOnly: always }
        : undefined;
    case 'go':
      return sub === 'mod' && rest[0] === 'download' ? { label: 'go mod download', manifests: (f) => ['go.mod', ...present(f, ['go.sum'])], manifestOnly: always } : undefined;
    case 'bundle':
      return sub === undefined || sub === 'install'
        ? { label: 'bundle install', manifests: (f) => ['Gemfile', ...present(f, ['Gemfile.lock'])], manifestOnly: always }
        : undefined;
    case 'composer':
      return sub === 'install'
        ? { label: 'composer install', manifests: (f) => ['composer.json', ...present(f, ['composer.lock'])], manifestOnly: (a) => a.includes('--no-scripts') }
        : undefined;
    case 'cargo':
      return sub === 'fetch' || sub === 'build'
        ? { label: `cargo ${sub}`, manifests: (f) => ['Cargo.toml', ...present(f, ['Cargo.lock'])], manifestOnly: () => sub === 'fetch' }
        : undefined;
    case 'mvn':
    case './mvnw':
      return args.some((a) => a.endsWith('dependency:go-offline') || a.endsWith('dependency:resolve'))
        ? { label: 'mvn dependency:go-offline', manifests: () => ['pom.xml'], manifestOnly: always }
        : undefined;
    case 'gradle':
    case './gradlew':
      return args.includes('dependencies')
        ? {
            label: 'gradle dependencies',
            manifests: (f) => present(f, ['build.gradle', 'build.gradle.kts'], ['settings.gradle', 'settings.gradle.kts']),
            manifestOnly: always,
          }
        : undefined;
    default:
      return undefined;
  }
}

/** A RUN that binds the context in (`--mount=type=bind`) does not depend on layer order. */
function bindsContext(instruction: Instruction): boolean {
  if (!isModifiable(instruction)) return false;
  return instruction.getFlags().some((f) => f.getName() === 'mount' && /(^|,)type=bind(,|$)/.test(f.getValue() ?? ''));
}

interface InstallSite {
  run: Instruction;
  installer: Installer;
  command: Command;
  commands: Command[];
  offset: number;
}

function findInstall(model: DockerfileModel, instruction: Instruction): InstallSite | undefined {
  if (keyword(instruction) !== 'RUN' || bindsContext(instruction)) return undefined;
  const script = runScript(model, instruction);
  if (!script) return undefined;
  for (const command of script.commands) {
    const installer = installerFor(programWords(command));
    if (installer) return { run: instruction, installer, command, commands: script.commands, offset: script.offset };
  }
  return undefined;
}

/** Commands that may run before the sources arrive without changing the build. */
const HARMLESS_BEFORE_INSTALL = new Set(['cd', 'set', 'export', 'corepack', 'mkdir', 'true']);

const BLOCKING_BETWEEN = new Set(['RUN', 'COPY', 'ADD', 'ONBUILD']);

function reorderFix(model: DockerfileModel, copy: Instruction, between: Instruction[], site: InstallSite, files: FileAccess | undefined): Fix | undefined {
  const operands = copyOperands(copy);
  if (!operands) return undefined;
  const relativeDestination = !operands.destination.startsWith('/') && !operands.destination.startsWith('$');
  if (between.some((i) => BLOCKING_BETWEEN.has(keyword(i)) || (relativeDestination && keyword(i) === 'WORKDIR'))) return undefined;

  const words = programWords(site.command);
  if (!site.installer.manifestOnly(words.slice(1))) return undefined;
  const index = site.commands.indexOf(site.command);
  const before = site.commands.slice(0, index);
  if (before.some((c) => c.next !== '&&' || !HARMLESS_BEFORE_INSTALL.has(programWords(c)[0] ?? ''))) return undefined;
  if (site.command.next !== undefined && site.command.next !== '&&') return undefined;

  const manifests = site.installer.manifests(files, words.slice(1));
  if (manifests.length === 0) return undefined;
  const eol = model.lines.eol;
  const copyRange = copy.getRange();
  const kept = isModifiable(copy)
    ? copy
        .getFlags()
        .filter((f) => ['chown', 'chmod', 'link'].includes(f.getName()))
        .map((f) => ' ' + f.toString())
        .join('')
    : '';
  const destination = operands.destination.endsWith('/') ? operands.destination : operands.destination === '.' ? './' : operands.destination + '/';
  const manifestCopy = `${inFileCase(model, 'COPY')}${kept} ${manifests.join(' ')} ${destination}`;
  const broadCopy = sourceText(model, copy);
  const edits: TextEdit[] = [{ range: copyRange, newText: manifestCopy }];

  const next = site.commands[index + 1];
  if (!next) {
    edits.push({ range: { start: site.run.getRange().end, end: site.run.getRange().end }, newText: eol + broadCopy });
  } else {
    const runHead = model.text.slice(model.lines.offsetAt(site.run.getRange().start), site.offset).trimEnd();
    edits.push({
      range: model.lines.range(site.offset + site.command.end, site.offset + next.start),
      newText: `${eol}${broadCopy}${eol}${runHead} `,
    });
  }
  return { title: `Reorder COPY: copy ${manifests.join(', ')} and install before copying the sources`, edits, preferred: true, safe: true };
}

export const df201 = stageRule({
  id: 'DF201',
  name: 'copy-before-install',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Reorder COPY',
  docs: {
    summary: 'The whole build context is copied before dependencies are installed.',
    why: 'Docker reuses a cached layer only while everything before it is unchanged. Copying all sources before the install means any edit to any file re-runs the install; copying only the manifests first keeps the install cached until the dependencies change.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    const instructions = stage.instructions;
    instructions.forEach((copy, i) => {
      if (!isBroadCopy(copy)) return;
      for (let j = i + 1; j < instructions.length; j++) {
        if (isBroadCopy(instructions[j])) return;
        const site = findInstall(model, instructions[j]);
        if (!site) continue;
        const fix = reorderFix(model, copy, instructions.slice(i + 1, j), site, context.files);
        context.report({
          range: copy.getRange(),
          message: `'${sourceText(model, copy).split(/\r?\n/)[0].trim()}' copies the whole context before '${site.installer.label}', so any source change re-runs the install. Copy the dependency manifests first, install, then copy the rest.`,
          fixes: fix ? [fix] : [],
        });
        return;
      }
    });
  },
});
