import { isMap, isScalar, isSeq } from 'yaml';
import type { FileAccess } from '../types';
import { ComposeModel, type Service } from './model';
import { knownNames, resolves, serviceReferences } from './references';

/** Names `docker compose` loads without `-f`: one base file, then its override. */
const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const OVERRIDE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml'];
/** Bounds the other files read (companions, includes, extends), against huge trees. */
const MAX_FILES = 32;

/** `a/./b/../c` → `a/c`, `/`-separated; `.` for the folder itself; leading `..` kept. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/') || '.';
}

export function joinPath(folder: string, path: string): string {
  return normalizePath(folder === '.' ? path : `${folder}/${path}`);
}

export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '.' : path.slice(0, slash) || '.';
}

export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

/**
 * A path the host can look up relative to the compose file's folder: not absolute, not
 * in the home folder, not a URL or Git address, and with no `${…}` left to interpolate.
 */
export function isLocalRelativePath(path: string): boolean {
  if (!path || path.includes('$')) return false;
  if (/^[/\\~]/.test(path) || /^[A-Za-z]:[/\\]/.test(path)) return false;
  return !/^[A-Za-z][\w+.-]*:\/\//.test(path) && !/^git@/.test(path) && !/^github\.com\//.test(path);
}

/** One other Compose file and the folder its relative paths start from. */
export interface ComposeFile {
  /** Relative to the linted file's folder. */
  path: string;
  model: ComposeModel;
}

/** Reads other Compose files once per lint run. */
export class ComposeFiles {
  private readonly cache = new Map<string, ComposeFile | null>();
  private parsed = 0;

  constructor(private readonly files: FileAccess | undefined) {}

  get available(): boolean {
    return this.files !== undefined;
  }

  /** Any file's text, for a Dockerfile say. */
  text(path: string): string | undefined {
    return this.files?.read(normalizePath(path));
  }

  exists(path: string): boolean {
    return this.files?.exists(normalizePath(path)) ?? false;
  }

  read(path: string): ComposeFile | undefined {
    const key = normalizePath(path);
    if (!this.cache.has(key)) {
      const text = this.parsed < MAX_FILES ? this.text(key) : undefined;
      if (text !== undefined) this.parsed++;
      this.cache.set(key, text === undefined ? null : { path: key, model: new ComposeModel(text) });
    }
    return this.cache.get(key) ?? undefined;
  }
}

/** The paths a top-level `include` names; `null` for an entry that cannot be read as a local file. */
export function includePaths(model: ComposeModel): (string | null)[] {
  const list = model.get(model.root, 'include')?.value;
  if (!isSeq(list)) return [];
  const out: (string | null)[] = [];
  const add = (node: unknown) => {
    const text = model.scalarText(model.resolve(node));
    out.push(text !== undefined && isLocalRelativePath(text) ? text : null);
  };
  for (const item of list.items) {
    const entry = model.resolve(item);
    if (isScalar(entry)) add(entry);
    else if (isMap(entry)) {
      const path = model.get(entry, 'path')?.value;
      if (isSeq(path)) path.items.forEach(add);
      else add(path);
    } else out.push(null);
  }
  return out;
}

/**
 * The files merged with the linted one into a project: the base/override pair Compose
 * loads by default, and every file reached through `include`.
 */
export interface Project {
  files: ComposeFile[];
  /**
   * False when something that could define or use names is out of sight: an include
   * that cannot be read, documents of the file past the ones read, or a file that is
   * plainly a fragment of a project (an override, or services with no image, build or
   * extends) whose base cannot be read.
   */
  complete: boolean;
  /**
   * A file with a name of its own (`docker-compose.prod.yml`, `extensions/x/x-compose.yml`),
   * no base file found beside it or above it, and names it does not define: it is
   * meant to be passed with `-f` after a base that defines them.
   */
  overlay: boolean;
}

/** An override by name, or a file with services that none of its documents gives an image, build or extends. */
function isFragment(model: ComposeModel, fileName: string): boolean {
  if (/\.override\.ya?ml$/i.test(baseName(fileName))) return true;
  const documents = model.readDocuments();
  const based = (name: string) =>
    documents.some((d) => {
      const service = d.servicesByName.get(name);
      return service !== undefined && ['image', 'build', 'extends'].some((key) => d.get(service.node, key) !== undefined);
    });
  return documents.some((d) => d.services.some((s) => !based(s.name)));
}

/** Each document of a file as a file of the project; undefined when it has too many to read. */
function documentsOf(file: ComposeFile): ComposeFile[] | undefined {
  return file.model.documents()?.map((model) => ({ path: file.path, model }));
}

/** Where the base of a file with a name of its own may be: beside it, or a folder or two up. */
const BASE_FOLDERS = ['.', '..', '../..'];

export function loadProject(model: ComposeModel, fileName: string, files: ComposeFiles): Project {
  const own = baseName(fileName).toLowerCase();
  const isDefault = BASE_NAMES.includes(own) || OVERRIDE_NAMES.includes(own);
  const found: ComposeFile[] = [];
  let complete = true;
  // Every document of every file: Compose merges them all.
  const add = (file: ComposeFile) => {
    const documents = documentsOf(file);
    if (!documents) complete = false;
    found.push(...(documents ?? [file]).filter((f) => f.model !== model));
  };
  add({ path: baseName(fileName), model });
  let hasBase = BASE_NAMES.includes(own);
  if (isDefault) {
    for (const name of [...BASE_NAMES, ...OVERRIDE_NAMES]) {
      const file = name === own ? undefined : files.read(name);
      if (!file) continue;
      add(file);
      if (BASE_NAMES.includes(name)) hasBase = true;
    }
  } else {
    // `-f base -f this`: the first base found is the likely partner; no override then.
    const base = BASE_FOLDERS.flatMap((folder) => BASE_NAMES.map((name) => joinPath(folder, name)))
      .map((path) => files.read(path))
      .find((file) => file !== undefined);
    if (base) {
      add(base);
      hasBase = true;
    }
  }
  complete = complete && (hasBase || !isFragment(model, fileName));
  // The linted file itself, when an included file includes it back.
  const seen = new Set([baseName(fileName), ...found.map((f) => f.path)]);
  const queue: { model: ComposeModel; folder: string }[] = [{ model, folder: '.' }, ...found.map((f) => ({ model: f.model, folder: folderOf(f.path) }))];
  for (let i = 0; i < queue.length; i++) {
    for (const path of includePaths(queue[i].model)) {
      const file = path === null ? undefined : files.read(joinPath(queue[i].folder, path));
      if (!file) {
        complete = false;
        continue;
      }
      if (seen.has(file.path)) continue;
      seen.add(file.path);
      const before = found.length;
      add(file);
      for (const document of found.slice(before)) queue.push({ model: document.model, folder: folderOf(document.path) });
    }
  }
  let overlay = false;
  if (!isDefault && !hasBase) {
    const known = knownNames([model, ...found.map((f) => f.model)]);
    // The whole file is one: whichever of its documents is being checked, the answer is the same.
    overlay = model.readDocuments().some((d) => d.services.some((s) => serviceReferences(d, s).some((ref) => !resolves(known, ref))));
  }
  return { files: found, complete, overlay };
}

/** Where `extends` points: a service of this file, or of another file (`file:`). */
export interface ExtendsTarget {
  service: string;
  file?: string;
}

export function extendsTarget(model: ComposeModel, service: Service): ExtendsTarget | undefined {
  const value = model.get(service.node, 'extends')?.value;
  if (isScalar(value)) {
    const name = model.scalarText(value);
    return name === undefined ? undefined : { service: name };
  }
  if (!isMap(value)) return undefined;
  const name = model.scalarText(model.get(value, 'service')?.value);
  if (name === undefined) return undefined;
  const file = model.scalarText(model.get(value, 'file')?.value);
  return file === undefined ? { service: name } : { service: name, file };
}
