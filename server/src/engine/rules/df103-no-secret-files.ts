import type { Instruction } from 'dockerfile-ast';
import { shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { copyOperandRanges, type CopyOperands, type Operand } from '../dockerfile/copy-sources';
import { flagValue, heredocs, keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { deleteInstruction } from '../dockerfile/removal';
import { secretAssignments } from '../dockerfile/secrets';
import { stageRule, type RuleContext } from '../rule';
import type { FileAccess, Fix, Range } from '../types';

type Kind = 'env' | 'key' | 'ssh' | 'aws' | 'registry';

const ADVICE: Record<Kind, string> = {
  env: 'Pass the variables when the container starts (docker run --env-file, Compose env_file) instead.',
  key: 'Mount it only for the step that needs it (RUN --mount=type=secret or --mount=type=ssh), or at run time.',
  ssh: 'Use RUN --mount=type=ssh for steps that need SSH access instead.',
  aws: 'Mount it only for the step that needs it (RUN --mount=type=secret,id=aws,target=/root/.aws/credentials) instead.',
  registry: 'Mount it only for the install step (RUN --mount=type=secret,target=…) instead.',
};

/** `.env.example` and friends are committed templates, not secrets. */
const ENV_TEMPLATES = new Set(['example', 'sample', 'template', 'tpl', 'dist', 'default', 'defaults', 'schema']);
/** Name parts that say a `.pem`/`.key` holds a private key. */
const PRIVATE_WORDS = new Set(['priv', 'private', 'privkey', 'secret', 'secrets', 'key']);
/** Name parts that say it is a certificate or public key (CA bundles, repository signing keys, trust stores). */
const PUBLIC_WORDS = new Set([
  'pub', 'public', 'pubkey', 'cert', 'certs', 'certificate', 'certificates', 'crt', 'ca', 'cacert', 'cacerts', 'chain', 'fullchain',
  'bundle', 'gpg', 'pgp', 'asc', 'keyring', 'keyrings', 'trust', 'trusted', 'truststore', 'root', 'signing', 'release',
]);
/** Files under `.ssh`/`.aws` that hold no secret. */
const HARMLESS_IN_FOLDERS = new Set(['known_hosts', 'known_hosts2', 'authorized_keys', 'config']);

const parts = (text: string) => text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);

/**
 * Whether an `.npmrc` holds a credential with a literal value (not `${NPM_TOKEN}`). Many
 * projects commit one with settings only (pnpm's `auto-install-peers`…), so one that
 * cannot be read is given the benefit of the doubt.
 */
function npmrcHasCredential(files: FileAccess | undefined, path: string): boolean {
  const text = files?.read(path.replace(/^\.\//, ''));
  if (text === undefined) return false;
  return /(^|[\s:])(_authToken|_auth|_password|password)\s*=\s*[^\s$]/m.test(text);
}

function classify(source: string, destination: string, files: FileAccess | undefined): { kind: Kind; what: string } | undefined {
  const segments = source.split(/[\\/]+/).filter((s) => s && s !== '.');
  const base = segments[segments.length - 1] ?? '';
  const lower = base.toLowerCase();
  const folder = segments.slice(0, -1).map((s) => s.toLowerCase());
  if (lower === '.ssh' || (folder.includes('.ssh') && !HARMLESS_IN_FOLDERS.has(lower) && !lower.endsWith('.pub'))) return { kind: 'ssh', what: 'holds SSH keys' };
  if (lower === '.aws' || (folder.includes('.aws') && !HARMLESS_IN_FOLDERS.has(lower))) return { kind: 'aws', what: 'holds AWS credentials' };
  if (lower === '.env' || lower === '.env*' || (lower.startsWith('.env.') && !lower.slice(5).split('.').some((p) => ENV_TEMPLATES.has(p)))) {
    return { kind: 'env', what: 'is an environment file, which usually holds secrets' };
  }
  if (/^id_(rsa|dsa|ecdsa|ed25519)/.test(lower) && !lower.endsWith('.pub')) return { kind: 'key', what: 'is a private SSH key' };
  if (lower === '.npmrc') return npmrcHasCredential(files, source) ? { kind: 'registry', what: 'is npm configuration, which often holds a registry token' } : undefined;
  if (lower === '.pypirc') return { kind: 'registry', what: 'is PyPI configuration with upload credentials' };
  if (lower === '.netrc' || lower === '.git-credentials') return { kind: 'registry', what: 'is a file of login credentials' };
  const ext = /\.(pem|key)$/.exec(lower)?.[1];
  if (!ext) return undefined;
  const own = [...folder.flatMap(parts), ...parts(lower.slice(0, -ext.length - 1))];
  const privateNamed = own.some((w) => PRIVATE_WORDS.has(w));
  const publicNamed = [...own, ...parts(destination)].some((w) => PUBLIC_WORDS.has(w));
  if (!privateNamed && publicNamed) return undefined;
  return { kind: 'key', what: ext === 'pem' && !privateNamed ? 'is a PEM file that may hold a private key' : 'is a private key' };
}

function copyMessage(source: string, found: { kind: Kind; what: string }): string {
  return `'${source}' ${found.what}; copying it puts the secret in an image layer that anyone with the image can read, even if a later step deletes it. ${ADVICE[found.kind]}`;
}

/** Drops one source, with the separator before it (or after it, for the first). */
function removeSource(operands: CopyOperands, index: number): Range {
  const all = [...operands.sources, operands.destination];
  const here = all[index];
  return index === 0 ? { start: here.range.start, end: all[1].range.start } : { start: all[index - 1].range.end, end: here.range.end };
}

function copyFixes(model: DockerfileModel, instruction: Instruction, operands: CopyOperands, index: number, source: Operand): Fix[] {
  const k = keyword(instruction);
  if (operands.sources.length === 1) return [{ title: `Remove this ${k} of '${source.value}'`, edits: [deleteInstruction(model, instruction)] }];
  return [{ title: `Remove '${source.value}' from this ${k}`, edits: [{ range: removeSource(operands, index), newText: '' }] }];
}

const REDIRECT = /^\d*>>?\|?(.*)$/;

/** The file a command writes its output to: `> file`, `>> file`, or `| tee [-a] file`. */
function writeTarget(command: ShellCommand, next: ShellCommand | undefined): string | undefined {
  const words = command.command.words;
  for (let i = 0; i < words.length; i++) {
    const m = REDIRECT.exec(words[i].value);
    if (!m || words[i].value.includes('>&')) continue;
    const target = m[1] || words[i + 1]?.value;
    if (target && !target.startsWith('/dev/') && !target.startsWith('&')) return target;
  }
  if (command.command.next === '|' && next?.words[0] === 'tee') return next.words.slice(1).find((w) => !w.startsWith('-'));
  return undefined;
}

function writeMessage(key: string, target: string): string {
  return `This writes a literal '${key}' into '${target}', so the secret stays in the image layer. Pass it as a build secret (RUN --mount=type=secret) or supply it when the container starts.`;
}

interface Write {
  range: Range;
  key: string;
  target: string;
}

/** `echo`/`printf` of `KEY=value` lines into a file, and `cat`/`tee` heredocs that do the same. */
function runWrites(model: DockerfileModel, run: Instruction, commands: readonly ShellCommand[]): { writes: Write[]; writers: Set<ShellCommand> } {
  const writes: Write[] = [];
  const writers = new Set<ShellCommand>();
  commands.forEach((command, i) => {
    const program = command.words[0];
    if (program !== 'echo' && program !== 'printf') return;
    const target = writeTarget(command, commands[i + 1]);
    if (!target) return;
    for (const word of command.command.words.slice(1)) {
      for (const a of secretAssignments(word.value)) {
        writes.push({ range: wordRange(model, command, word) ?? run.getInstructionRange(), key: a.key, target });
        writers.add(command);
      }
    }
  });
  const args = run.getArgumentsRange();
  if (!args) return { writes, writers };
  const firstLine = model.lines.offsetAt(args.start);
  for (const heredoc of heredocs(run) ?? []) {
    const content = heredoc.getContentRange();
    if (!content) continue;
    const at = model.lines.offsetAt(heredoc.getStartRange().start) - firstLine;
    const index = commands.findIndex((c) => c.base === firstLine && c.command.start <= at && at <= c.command.end);
    const owner = commands[index];
    if (!owner || (owner.words[0] !== 'cat' && owner.words[0] !== 'tee')) continue;
    const target = owner.words[0] === 'tee' ? owner.words.slice(1).find((w) => !w.startsWith('-')) : writeTarget(owner, commands[index + 1]);
    if (!target) continue;
    const bodyStart = model.lines.offsetAt(content.start);
    for (const a of secretAssignments(model.text.slice(bodyStart, model.lines.offsetAt(content.end)))) {
      writes.push({ range: model.lines.range(bodyStart + a.start, bodyStart + a.end), key: a.key, target });
      writers.add(owner);
    }
  }
  return { writes, writers };
}

function checkCopyHeredocs(model: DockerfileModel, instruction: Instruction, context: RuleContext): boolean {
  const found = heredocs(instruction) ?? [];
  if (found.length === 0) return false;
  const firstLine = instruction.getRange().start.line;
  const onFirstLine = instruction.getArguments().filter((a) => a.getRange().start.line === firstLine);
  const target = onFirstLine[onFirstLine.length - 1]?.getValue() ?? '';
  for (const heredoc of found) {
    const content = heredoc.getContentRange();
    if (!content) continue;
    const bodyStart = model.lines.offsetAt(content.start);
    for (const a of secretAssignments(model.text.slice(bodyStart, model.lines.offsetAt(content.end)))) {
      context.report({
        range: model.lines.range(bodyStart + a.start, bodyStart + a.end),
        message: writeMessage(a.key, target),
        fixes: found.length === 1 ? [{ title: `Remove this ${keyword(instruction)}`, edits: [deleteInstruction(model, instruction)] }] : [],
      });
    }
  }
  return true;
}

export const df103 = stageRule({
  id: 'DF103',
  name: 'no-secret-files',
  severity: 'error',
  language: 'dockerfile',
  fix: 'Remove the instruction',
  docs: {
    summary: 'A secret file (`.env`, private keys, `.npmrc`, `.ssh/`, `.aws/` …) is copied into the image, or a `RUN` writes a secret into a file.',
    why: 'Every file a `COPY`, `ADD` or `RUN` puts in a layer stays in the image, readable by anyone who pulls it, even when a later instruction deletes it. Secrets belong in build secret mounts for the steps that need them, and in environment files or secrets supplied when the container starts.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    for (const instruction of stage.instructions) {
      const k = keyword(instruction);
      if (k === 'RUN') {
        const commands = shellCommands(model, instruction);
        const { writes, writers } = runWrites(model, instruction, commands);
        const onlyWrites = writes.length > 0 && commands.every((c) => writers.has(c));
        for (const w of writes) {
          context.report({ range: w.range, message: writeMessage(w.key, w.target), fixes: onlyWrites ? [{ title: 'Remove this RUN', edits: [deleteInstruction(model, instruction)] }] : [] });
        }
        continue;
      }
      if ((k !== 'COPY' && k !== 'ADD') || flagValue(instruction, 'from') !== undefined) continue;
      if (checkCopyHeredocs(model, instruction, context)) continue;
      const operands = copyOperandRanges(model, instruction);
      if (!operands) continue;
      operands.sources.forEach((source, index) => {
        if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(source.value)) return;
        const found = classify(source.value, operands.destination.value, context.files);
        if (found) context.report({ range: source.range, message: copyMessage(source.value, found), fixes: copyFixes(model, instruction, operands, index, source) });
      });
    }
  },
});
