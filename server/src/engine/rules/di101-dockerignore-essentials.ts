import { isIgnored, type DockerignoreModel } from '../dockerignore';
import type { DockerignoreRule, RuleContext } from '../rule';
import type { FileAccess } from '../types';

interface Essential {
  /** A path that must be ignored, as the context would hold it. */
  probe: string;
  /** The line to add when it is not. */
  line: string;
  why: string;
  /** Only for projects that have this file beside the .dockerignore. */
  when?: string[];
}

const ESSENTIALS: Essential[] = [
  { probe: '.git', line: '.git', why: 'the repository history' },
  { probe: '.env', line: '**/.env*', why: 'local secrets' },
  { probe: 'node_modules', line: '**/node_modules', why: 'dependencies the image installs itself', when: ['package.json'] },
  { probe: '.venv', line: '.venv', why: 'the local virtual environment', when: ['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile'] },
  { probe: 'pkg/__pycache__', line: '**/__pycache__', why: 'bytecode caches', when: ['requirements.txt', 'pyproject.toml', 'setup.py', 'Pipfile'] },
];

function applies(essential: Essential, files: FileAccess | undefined): boolean {
  return !essential.when || (files !== undefined && essential.when.some((f) => files.exists(f)));
}

export const di101: DockerignoreRule = {
  id: 'DI101',
  name: 'dockerignore-essentials',
  severity: 'info',
  language: 'dockerignore',
  fix: 'Add the missing lines',
  docs: {
    summary: 'The `.dockerignore` lets `.git`, `.env` files, or the local dependency folder into the build context.',
    why: 'Whatever the ignore file lets through is sent to the builder and lands in the image with `COPY . .`: the `.git` history, `.env` files holding credentials, and local `node_modules` or virtual environments built for another platform that then shadow the ones the image installs.',
  },
  check(model: DockerignoreModel, context: RuleContext) {
    const missing = ESSENTIALS.filter((e) => applies(e, context.files) && !isIgnored(model.patterns, e.probe));
    if (missing.length === 0) return;
    const eol = model.lines.eol;
    const last = model.lines.lineCount - 1;
    const end = { line: last, character: model.lines.lineText(last).length };
    const needsBreak = model.text.length > 0 && !/[\r\n]$/.test(model.text);
    const added = missing.map((e) => e.line).join(eol) + eol;
    context.report({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: model.lines.lineText(0).length } },
      message: `This .dockerignore lets ${missing.map((e) => `${e.why} ('${e.line}')`).join(', ')} into the build context. Add ${missing.length === 1 ? 'that line' : 'those lines'}.`,
      fixes: [{ title: `Add the missing lines: ${missing.map((e) => e.line).join(', ')}`, edits: [{ range: { start: end, end }, newText: (needsBreak ? eol : '') + added }], preferred: true }],
    });
  },
};
