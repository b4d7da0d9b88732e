import { isMap, parseDocument } from 'yaml';
import { parseLaterDocuments } from './compose/reparse';
import { yamlLineBreaks } from './text';
import type { Language } from './types';

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/** Names that say "documentation or script about a Dockerfile", not a Dockerfile. */
const NOT_DOCKERFILE = /\.(md|txt|json|ya?ml|sh|ps1|py|js|ts|html|dockerignore)$/i;

/** `Dockerfile`, `Dockerfile.dev`, `Dockerfile-windows`, `api.Dockerfile`, `Containerfile`… */
export function isDockerfileName(name: string): boolean {
  return /(^|[._-])(dockerfile|containerfile)([.-][^/\\]*)?$/i.test(name) && !NOT_DOCKERFILE.test(name);
}

/** `compose.yaml`, `docker-compose.prod.yml`, `compose-dev.yml`, `tests-compose.yaml`… */
export function isComposeName(name: string): boolean {
  return /(^|[._-])(docker-)?compose([.-][^/\\]*)?\.ya?ml$/i.test(name);
}

/** The language a file name implies, or undefined for files the linter does not read. */
export function languageOf(fileName: string): Language | undefined {
  const name = baseName(fileName);
  if (name === '.dockerignore' || name.endsWith('.dockerignore')) return 'dockerignore';
  if (isComposeName(name)) return 'dockercompose';
  if (isDockerfileName(name)) return 'dockerfile';
  return undefined;
}

/**
 * Whether a YAML file of any name is a Compose file: one of its documents has a top-level
 * `services` mapping (GitLab CI's top-level `services` is a list, Kubernetes has none).
 */
export function looksLikeCompose(text: string): boolean {
  if (!/^services\s*:/m.test(text)) return false;
  const first = parseDocument(yamlLineBreaks(text), { uniqueKeys: false });
  const documents = first.errors.some((e) => e.code === 'MULTIPLE_DOCS') ? [first, ...(parseLaterDocuments(text) ?? [])] : [first];
  return documents.some((doc) => isMap(doc.contents) && isMap(doc.contents.get('services', true)));
}
