import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, languageOf, lint, looksLikeCompose, parse, RULES, type Finding, type Language, type LintContext, type Severity } from '../engine';
import { siblingFiles } from '../host/files';
import { loadProjectConfig, type LoadedConfig } from '../host/project-config';
import { toJson, toSarif, toStylish, type FileResult } from './formats';

// Paths are those of the bundle, `dist/cli.js`, which ships beside package.json and docs/.
const PACKAGE_ROOT = join(__dirname, '..');
const DOCS_BASE = pathToFileURL(join(PACKAGE_ROOT, 'docs', 'rules')).href + '/';
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
const MAX_FIX_PASSES = 10;

const USAGE = `Usage:
  docker-patterns lint [paths…] [--format stylish|json|sarif] [--fix] [--fail-on error|warning|info|hint|none] [--no-context]
  docker-patterns rules [--format stylish|json]
  docker-patterns --version

lint finds Dockerfile*, *.Dockerfile, Containerfile, compose*.y?ml, docker-compose*.y?ml
and .dockerignore files in the folders given (default: the current folder).
--no-context lints each file on its own: rules do not look at the files beside it
(.dockerignore, lockfiles, env files, Dockerfiles named by a Compose file), for files
copied out of their project.
Exit codes: 0 nothing at or above --fail-on (default warning), 1 findings, 2 usage or I/O error.`;

class UsageError extends Error {}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

interface Options {
  command: string;
  paths: string[];
  format: string;
  fix: boolean;
  failOn: Severity | 'none';
  context: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { command: '', paths: [], format: 'stylish', fix: false, failOn: 'warning', context: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--format') options.format = value();
    else if (flag === '--fix') options.fix = true;
    else if (flag === '--no-context') options.context = false;
    else if (flag === '--fail-on') options.failOn = value() as Options['failOn'];
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else if (!options.command) options.command = arg;
    else options.paths.push(arg);
  }
  if (!['stylish', 'json', 'sarif'].includes(options.format)) throw new UsageError(`unknown format '${options.format}'`);
  if (!['error', 'warning', 'info', 'hint', 'none'].includes(options.failOn)) throw new UsageError(`unknown --fail-on level '${options.failOn}'`);
  return options;
}

const YAML = /\.ya?ml$/i;

/** Compose files by name, or YAML files that turn out to be Compose files. */
function detect(path: string, name: string): Language | undefined {
  return languageOf(name) ?? (YAML.test(name) && looksLikeCompose(readFileSync(path, 'utf8')) ? 'dockercompose' : undefined);
}

/** Files to lint: the named files as they are, and the recognised files under named folders. */
function collect(paths: string[]): { path: string; language: Language }[] {
  const out: { path: string; language: Language }[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) walk(path);
      } else if (entry.isFile()) {
        const language = detect(path, entry.name);
        if (language) out.push({ path, language });
      }
    }
  };
  for (const p of paths) {
    const path = resolve(p);
    if (statSync(path).isDirectory()) walk(path);
    else out.push({ path, language: languageOf(basename(path)) ?? (YAML.test(path) ? 'dockercompose' : 'dockerfile') });
  }
  return out;
}

function lintText(text: string, language: Language, context: LintContext, path: string): Finding[] {
  return lint(parse(text, language), context, {
    onRuleError: (ruleId, error) => process.stderr.write(`docker-patterns: rule ${ruleId} failed on ${path}: ${String(error)}\n`),
  });
}

/** Applies safe fixes until none is left (or a pass changes nothing), then writes the file. */
function fixFile(text: string, language: Language, context: LintContext, path: string): string {
  let current = text;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const fix = lintText(current, language, context, path)
      .flatMap((f) => f.fixes)
      .find((x) => x.safe);
    if (!fix) break;
    const next = applyEdits(current, fix.edits);
    if (next === current) break;
    current = next;
  }
  return current;
}

function runLint(options: Options): number {
  const files = collect(options.paths.length > 0 ? options.paths : ['.']);
  const results: FileResult[] = [];
  let ioError = false;
  const configs = new Map<string, LoadedConfig>();
  const configFor = (path: string) => {
    const folder = dirname(path);
    let loaded = configs.get(folder);
    if (!loaded) {
      loaded = loadProjectConfig(folder);
      for (const error of loaded.errors) process.stderr.write(`docker-patterns: ignoring config ${error}\n`);
      configs.set(folder, loaded);
    }
    return loaded.config;
  };
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file.path, 'utf8');
    } catch (error) {
      process.stderr.write(`docker-patterns: cannot read ${file.path}: ${(error as Error).message}\n`);
      ioError = true;
      continue;
    }
    const context: LintContext = { fileName: file.path, files: options.context ? siblingFiles(file.path) : undefined, config: configFor(file.path) };
    if (options.fix) {
      const fixed = fixFile(text, file.language, context, file.path);
      if (fixed !== text) {
        writeFileSync(file.path, fixed);
        text = fixed;
      }
    }
    results.push({ filePath: file.path, findings: lintText(text, file.language, context, file.path) });
  }
  const output = options.format === 'json' ? toJson(results) : options.format === 'sarif' ? toSarif(results, packageVersion(), DOCS_BASE) : toStylish(results);
  process.stdout.write(output + '\n');
  if (ioError) return 2;
  const threshold = options.failOn;
  const failing = threshold !== 'none' && results.some((r) => r.findings.some((f) => RANK[f.severity] >= RANK[threshold]));
  return failing ? 1 : 0;
}

function runRules(options: Options): number {
  const rules = RULES.map((r) => ({ id: r.id, name: r.name, severity: r.severity, languages: [r.language], fixable: r.fix !== undefined }));
  if (options.format === 'json') process.stdout.write(JSON.stringify(rules, null, 2) + '\n');
  else process.stdout.write(rules.map((r) => `${r.id}  ${r.name.padEnd(28)} ${r.severity.padEnd(8)} ${r.languages.join(',').padEnd(14)} ${r.fixable ? 'fix' : ''}`).join('\n') + '\n');
  return 0;
}

export function main(argv: string[]): number {
  try {
    if (argv.includes('--version')) {
      process.stdout.write(packageVersion() + '\n');
      return 0;
    }
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    const options = parseArgs(argv);
    if (options.command === 'lint') return runLint(options);
    if (options.command === 'rules') return runRules(options);
    throw new UsageError(options.command ? `unknown command '${options.command}'` : 'no command given');
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`docker-patterns: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR') {
      process.stderr.write(`docker-patterns: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}
