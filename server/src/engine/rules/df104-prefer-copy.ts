import { copyOperandRanges } from '../dockerfile/copy-sources';
import { isModifiable, keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { stageRule, type RuleContext } from '../rule';

/** URLs and Git sources: what ADD is for. */
const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^git@/i;
/**
 * Names ADD may unpack. Docker decides by the content, not the name, so anything that
 * looks compressed counts: a `.gz` can hold a tar as well as `.tar.gz` can.
 */
const ARCHIVE = /\.(tar|tgz|taz|tbz|tbz2|tb2|txz|tlz|tzst|gz|bz2|xz|lz|lzma|zst|z)$/i;
/** Flags only ADD has: keeping them needs ADD. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

/** A variable, or a wildcard that could match an archive (`files/*`, but not `*.txt`). */
function unknownName(source: string): boolean {
  const base = source.split(/[\\/]/).filter(Boolean).pop() ?? '';
  return source.includes('$') || (/[*?[]/.test(base) && !/\.[A-Za-z0-9]+$/.test(base));
}

export const df104 = stageRule({
  id: 'DF104',
  name: 'prefer-copy',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Replace ADD with COPY',
  peers: ['DL3020'],
  docs: {
    summary: '`ADD` copies local files that `COPY` would copy the same way.',
    why: '`ADD` also downloads URLs and unpacks local tar archives, so a reader has to check each source to know which of the three it does, and a file that later becomes an archive silently starts being unpacked. `COPY` does only the plain copy; keep `ADD` for archives to unpack and remote sources.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    for (const instruction of stage.instructions) {
      if (keyword(instruction) !== 'ADD' || !isModifiable(instruction)) continue;
      if (instruction.getFlags().some((f) => ADD_ONLY_FLAGS.has(f.getName().toLowerCase()))) continue;
      const operands = copyOperandRanges(model, instruction);
      if (!operands) continue;
      const local = operands.sources.filter((s) => !REMOTE.test(s.value) && !ARCHIVE.test(s.value) && !unknownName(s.value));
      if (local.length === 0) continue;
      const range = instruction.getInstructionRange();
      const written = instruction.getInstruction();
      const replacement = written === written.toLowerCase() ? 'copy' : 'COPY';
      const names = local.map((s) => `'${s.value}'`).join(', ');
      const one = local.length === 1;
      const onlyLocal = local.length === operands.sources.length;
      context.report({
        range,
        message: onlyLocal
          ? `${names} ${one ? 'is a local file or folder' : 'are local files or folders'}, so ADD only copies ${one ? 'it' : 'them'}, exactly as COPY would. Use COPY, and keep ADD for URLs and archives it should unpack.`
          : `ADD only copies the local ${one ? 'source' : 'sources'} ${names} but may download or unpack the others. Copy ${names} with a COPY of ${one ? 'its' : 'their'} own.`,
        fixes: onlyLocal ? [{ title: 'Replace ADD with COPY', edits: [{ range, newText: replacement }], safe: true, preferred: true }] : [],
      });
    }
  },
});
