import type { Instruction } from 'dockerfile-ast';
import { startsFromScratch } from '../dockerfile/lineage';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { shellScripts } from '../dockerfile/run-scripts';
import { stageRule, type RuleContext } from '../rule';
import type { Fix } from '../types';

/** `/app`, `$HOME`, `${APP_DIR}/x`, `C:\app`, `\app`: nothing a relative WORKDIR resolves against. */
function isAbsolute(path: string): boolean {
  return /^([/\\$]|[A-Za-z]:[\\/])/.test(path);
}

/** POSIX join-and-normalize of a relative path onto an absolute one, keeping a trailing slash. */
function resolve(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  const trailing = /\/\.?$/.test(relative) && parts.length > 0 ? '/' : '';
  return `/${parts.join('/')}${trailing}`;
}

interface Written {
  /** The path without the quotes around it. */
  path: string;
  quote: string;
}

function workdirOf(model: DockerfileModel, instruction: Instruction): Written | undefined {
  const args = instruction.getArgumentsRange();
  if (!args) return undefined;
  const raw = model.text.slice(model.lines.offsetAt(args.start), model.lines.offsetAt(args.end)).trim();
  const quoted = /^(["'])(.*)\1$/s.exec(raw);
  return quoted ? { path: quoted[2], quote: quoted[1] } : { path: raw, quote: '' };
}

function checkWorkdirs(model: DockerfileModel, stage: Stage, context: RuleContext): void {
  // The directory relative WORKDIRs resolve against, while no absolute one is known.
  let resolved = '/';
  for (const s of model.lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction.getKeyword() !== 'WORKDIR') continue;
      const written = workdirOf(model, instruction);
      if (!written || !written.path) continue;
      // After an absolute WORKDIR, relative ones are well defined: BuildKit does not object either.
      if (isAbsolute(written.path)) return;
      const range = instruction.getArgumentsRange()!;
      if (written.path.startsWith('~')) {
        // Docker does not expand `~`: there is no honest absolute form to offer.
        if (s === stage) context.report({ range, message: `WORKDIR '${written.path}' is relative: Docker does not expand '~', so this makes a directory named '~'. Write the absolute path, for example with $HOME.` });
        continue;
      }
      resolved = resolve(resolved, written.path);
      if (s !== stage) continue;
      const absolute = `${written.quote}${resolved}${written.quote}`;
      const fix: Fix = { title: `Make it absolute: ${absolute}`, preferred: true, edits: [{ range, newText: absolute }] };
      if (startsFromScratch(model, stage)) fix.safe = true;
      context.report({
        range,
        message: `WORKDIR '${written.path}' is relative and no absolute WORKDIR comes before it, so where it lands depends on the working directory the stage starts with. Write the absolute path.`,
        fixes: [fix],
      });
    }
  }
}

function checkCd(model: DockerfileModel, run: Instruction, context: RuleContext): void {
  const commands = shellScripts(model, run).flatMap((s) => s.commands);
  const last = commands[commands.length - 1];
  if (!last || last.words[0] !== 'cd' || last.base === undefined) return;
  const target = last.words[1];
  const written = model.text.slice(last.base + last.command.start, last.base + last.command.end);
  const advice = target && !target.startsWith('-') ? `use 'WORKDIR ${target}'` : 'use WORKDIR';
  context.report({
    range: model.lines.range(last.base + last.command.start, last.base + last.command.end),
    message: `'${written}' is the last command of this RUN, so the directory change ends with it and later instructions do not see it; ${advice} to change directory for them.`,
  });
}

export const df503 = stageRule({
  id: 'DF503',
  name: 'absolute-workdir',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Make it absolute',
  peers: ['DL3000', 'DL3003', 'WorkdirRelativePath'],
  docs: {
    summary: 'A `WORKDIR` is relative with no absolute `WORKDIR` before it, or a `RUN` ends with a `cd` whose effect is lost.',
    why: 'A relative WORKDIR resolves against whatever directory the base image left, so the same Dockerfile can put files elsewhere when the base image changes. Each RUN starts a fresh shell in the current WORKDIR: a `cd` at the end of a RUN changes nothing for the instructions that follow.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    checkWorkdirs(model, stage, context);
    for (const instruction of stage.instructions) {
      if (instruction.getKeyword() === 'RUN') checkCd(model, instruction, context);
    }
  },
});
