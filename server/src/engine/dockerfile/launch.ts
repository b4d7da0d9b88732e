import type { Instruction } from 'dockerfile-ast';
import { keyword } from './instructions';

/** The argv of a `CMD`/`ENTRYPOINT`, from either form; a shell-form command gives its words. */
export function launchArgv(instruction: Instruction | undefined): string[] {
  if (!instruction) return [];
  const raw = (instruction.getRawArgumentsContent() ?? '').trim();
  if (raw.startsWith('[')) {
    try {
      const argv: unknown = JSON.parse(raw.replace(/\\[ \t]*\r?\n/g, ''));
      if (Array.isArray(argv)) return argv.map(String);
    } catch {
      // Not JSON: Docker runs it as a shell command, whose words follow.
    }
  }
  return instruction.getArguments().map((a) => a.getValue());
}

/** Shells and language REPLs: an image whose command is one of these is a base for others. */
export const INTERPRETERS: ReadonlySet<string> = new Set([
  'sh', 'bash', 'ash', 'dash', 'zsh', 'pwsh', 'powershell', 'cmd', 'powershell.exe', 'pwsh.exe', 'cmd.exe',
  'python', 'python3', 'node', 'bun', 'deno', 'irb', 'ruby', 'php', 'perl', 'jshell', 'iex', 'erl', 'ghci', 'lua', 'R', 'julia',
]);

const program = (argv: string[]) => (argv[0] ?? '').split('/').pop() as string;

/**
 * Whether the image's command, as the last `ENTRYPOINT` and `CMD` give it (an entrypoint
 * script, tini or dumb-init passing on to `CMD`), is one of `programs` with no arguments
 * beyond those `plainArgument` accepts (options, by default).
 */
export function runsProgram(instructions: Instruction[], programs: ReadonlySet<string>, plainArgument = (word: string) => word.startsWith('-')): boolean {
  const last = (k: string) => [...instructions].reverse().find((i) => keyword(i) === k);
  const entrypoint = launchArgv(last('ENTRYPOINT'));
  const cmd = launchArgv(last('CMD'));
  const bare = (argv: string[]) => argv.length > 0 && programs.has(program(argv)) && argv.slice(1).every(plainArgument);
  const wrapper = entrypoint.length === 0 || /entrypoint|tini|dumb-init/.test(program(entrypoint));
  return bare(entrypoint) || (wrapper && bare(cmd));
}

/** A bare shell or interpreter (`python3`, `bash -l`): the mark of a base or toolbox image, not an application. */
export function runsBareInterpreter(instructions: Instruction[]): boolean {
  return runsProgram(instructions, INTERPRETERS);
}
