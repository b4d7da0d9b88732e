import { shellCommands } from './dockerfile/commands';
import type { DockerfileModel } from './dockerfile/model';
import { isIgnored, parseDockerignore, type IgnorePattern } from './dockerignore';
import type { FileAccess } from './types';

export type Ecosystem = 'node' | 'python' | 'go' | 'general';

const COMMON = ['# Version control, secrets and local settings never belong in an image', '.git', '**/.env', '**/.env.*', '**/*.pem', '**/*.key', '.vscode', '.idea', '**/.DS_Store', '**/*.log'];

/** What each ecosystem writes locally that the image rebuilds or never needs. */
export const DOCKERIGNORE_TEMPLATES: Record<Ecosystem, string[]> = {
  node: [...COMMON, '', '# Installed inside the image from the lockfile', '**/node_modules', '**/npm-debug.log*', '**/yarn-error.log', '', '# Local build output and caches', 'coverage', '.next/cache', '.turbo'],
  python: [...COMMON, '', '# Virtual environments and caches', '.venv', 'venv', '**/__pycache__', '**/*.py[cod]', '.pytest_cache', '.mypy_cache', '.ruff_cache', '**/*.egg-info', '.coverage', 'htmlcov'],
  go: [...COMMON, '', '# Test and coverage output', '**/*.test', '**/*.out', 'coverage.*'],
  general: [...COMMON],
};

const IMAGE_ECOSYSTEM: Record<string, Ecosystem> = { node: 'node', python: 'python', pypy: 'python', golang: 'go' };
const PROGRAM_ECOSYSTEM: Record<string, Ecosystem> = { npm: 'node', yarn: 'node', pnpm: 'node', npx: 'node', pip: 'python', pip3: 'python', poetry: 'python', uv: 'python', go: 'go' };
const MANIFEST_ECOSYSTEM: [string, Ecosystem][] = [['package.json', 'node'], ['requirements.txt', 'python'], ['pyproject.toml', 'python'], ['go.mod', 'go']];

/** The ecosystem a Dockerfile builds: its base images, then its commands, then the manifests beside it. */
export function detectEcosystem(model: DockerfileModel, files: FileAccess | undefined): Ecosystem {
  for (const stage of model.stages) {
    const found = stage.image?.official ? IMAGE_ECOSYSTEM[stage.image.repository] : undefined;
    if (found) return found;
  }
  for (const instruction of model.stages.flatMap((s) => s.instructions)) {
    for (const command of shellCommands(model, instruction)) {
      const found = PROGRAM_ECOSYSTEM[command.words[0] ?? ''];
      if (found) return found;
    }
  }
  return MANIFEST_ECOSYSTEM.find(([file]) => files?.exists(file))?.[1] ?? 'general';
}

export const ECOSYSTEM_LABEL: Record<Ecosystem, string> = { node: 'Node.js', python: 'Python', go: 'Go', general: 'general' };

/** Each template line as a compiled pattern, read once: every lint of a Dockerfile without a `.dockerignore` asks. */
const templatePatterns = new Map<string, IgnorePattern[]>();
/** The last template made, for the next version of the same file, which nearly always copies the same files. */
let lastTemplate: { key: string; lines: string[] } | undefined;

/** The ecosystem's template without the lines that would leave out a file the Dockerfile copies by name. */
export function dockerignoreTemplate(ecosystem: Ecosystem, copied: ReadonlySet<string>): string[] {
  const key = `${ecosystem}\n${[...copied].join('\n')}`;
  if (lastTemplate?.key !== key) lastTemplate = { key, lines: filterTemplate(ecosystem, copied) };
  return lastTemplate.lines;
}

function filterTemplate(ecosystem: Ecosystem, copied: ReadonlySet<string>): string[] {
  return DOCKERIGNORE_TEMPLATES[ecosystem].filter((line) => {
    if (line === '' || line.startsWith('#')) return true;
    let patterns = templatePatterns.get(line);
    if (!patterns) templatePatterns.set(line, (patterns = parseDockerignore(line)));
    for (const source of copied) if (isIgnored(patterns, source)) return false;
    return true;
  });
}
