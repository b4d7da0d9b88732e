import type { Language } from './types';

function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

export function isDockerfileName(name: string): boolean {
  return /^(Dockerfile|Containerfile)([.-].*)?$/i.test(name) || /\.(dockerfile|containerfile)$/i.test(name);
}

export function isComposeName(name: string): boolean {
  return /^(docker-)?compose([.-].*)?\.ya?ml$/i.test(name);
}

/** The language a file name implies, or undefined for files the linter does not read. */
export function languageOf(fileName: string): Language | undefined {
  const name = baseName(fileName);
  if (name === '.dockerignore' || name.endsWith('.dockerignore')) return 'dockerignore';
  if (isComposeName(name)) return 'dockercompose';
  if (isDockerfileName(name)) return 'dockerfile';
  return undefined;
}
