import type { Instruction } from 'dockerfile-ast';
import { shellCommands, type ShellCommand } from './commands';
import { heredocs } from './instructions';
import type { DockerfileModel } from './model';

/** A script that a `RUN` hands to the stage's SHELL, with its top-level commands only. */
export interface ShellScript {
  /** The commands in order; those of nested `sh -c '…'` scripts are left out. */
  commands: ShellCommand[];
  /** Document offset where the script's text starts. */
  start: number;
  /** A heredoc body (`RUN <<EOF`) rather than the instruction's own line. */
  heredoc: boolean;
}

/**
 * The scripts of a `RUN` that the SHELL in effect executes: the shell-form command line,
 * and the heredoc bodies of a bare `RUN <<EOF` (a body fed to a program, as in
 * `RUN python3 <<EOF`, or starting with a `#!` line runs elsewhere). Exec form runs no
 * SHELL and gives none.
 */
export function shellScripts(model: DockerfileModel, run: Instruction): ShellScript[] {
  const args = run.getArgumentsRange();
  if (!args || run.getKeyword() !== 'RUN') return [];
  const start = model.lines.offsetAt(args.start);
  const docs = heredocs(run);
  if (docs === undefined) return [];
  const all = shellCommands(model, run);
  const bodies = docs.flatMap((h) => {
    const content = h.getContentRange();
    return content ? [model.lines.offsetAt(content.start)] : [];
  });
  // Exec form: JSON that parsed gives commands without document offsets.
  if (all.length > 0 && all.every((c) => c.base === undefined)) return [];
  const line = all.filter((c) => c.base === start);
  const out: ShellScript[] = [{ commands: line, start, heredoc: false }];
  if (line.some((c) => c.words.length > 0)) return out;
  for (const body of bodies) {
    if (!model.text.startsWith('#!', body)) out.push({ commands: all.filter((c) => c.base === body), start: body, heredoc: true });
  }
  return out;
}
