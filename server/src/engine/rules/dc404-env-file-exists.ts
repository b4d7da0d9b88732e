import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { ComposeModel, Entry, YamlNode } from '../compose/model';
import { ComposeFiles, isLocalRelativePath, joinPath, normalizePath } from '../compose/related-files';
import type { ComposeRule, RuleContext } from '../rule';

/** The names Docker looks for in a build context when none is given. */
const DEFAULT_DOCKERFILES = ['Dockerfile', 'dockerfile', 'Containerfile'];

/** A path scalar the host can look up: local, relative, with nothing left to interpolate. */
function localPath(model: ComposeModel, node: unknown): { node: Scalar; path: string } | undefined {
  const resolved = model.resolve(node);
  const path = isScalar(resolved) ? model.scalarText(resolved) : undefined;
  return isScalar(resolved) && path !== undefined && isLocalRelativePath(path) ? { node: resolved, path: normalizePath(path) } : undefined;
}

class Checker {
  private readonly reported = new Set<Scalar>();

  constructor(
    private readonly model: ComposeModel,
    private readonly files: ComposeFiles,
    private readonly context: RuleContext,
  ) {}

  /** A folder exists when the host says so, or when a file inside it does. */
  private exists(path: string, inside: string[] = []): boolean {
    return path === '.' || this.files.exists(path) || inside.some((p) => this.files.exists(p));
  }

  private report(node: Scalar, message: string): void {
    if (this.reported.has(node)) return;
    this.reported.add(node);
    this.context.report({ range: this.model.rangeOf(node), message });
  }

  /** Reports the path unless it exists; true when it does. */
  file(node: unknown, what: string, advice = 'Correct the path or create it.'): boolean {
    const found = localPath(this.model, node);
    if (!found || this.exists(found.path)) return true;
    this.report(found.node, `${what} '${this.model.scalarText(found.node)}' does not exist. ${advice}`);
    return false;
  }

  /** `env_file`: a path, a list of paths, or a list of `{path, required}`. */
  envFiles(value: YamlNode | null): void {
    for (const raw of isSeq(value) ? value.items : [value]) {
      const item = this.model.resolve(raw);
      if (isMap(item) && this.model.scalarText(this.model.get(item, 'required')?.value) === 'false') continue;
      this.file(isMap(item) ? this.model.get(item, 'path')?.value : item, 'Env file', "Create it, correct the path, or mark the entry 'required: false'.");
    }
  }

  build(entry: Entry): void {
    const model = this.model;
    const options = isMap(entry.value) ? entry.value : undefined;
    const contextNode = options ? model.get(options, 'context')?.value : entry.value;
    const written = contextNode === undefined || contextNode === null ? '.' : model.scalarText(contextNode);
    // A remote, absolute or interpolated context: nothing here to look at.
    if (written === undefined || !isLocalRelativePath(written)) return;
    const context = normalizePath(written);
    const contextScalar = isScalar(contextNode) ? contextNode : undefined;
    if (options && model.get(options, 'dockerfile_inline')) {
      if (contextScalar) this.file(contextScalar, 'Build context');
      return;
    }
    const dockerfileNode = options ? model.get(options, 'dockerfile')?.value : undefined;
    if (dockerfileNode !== undefined && dockerfileNode !== null) {
      const dockerfile = localPath(model, dockerfileNode);
      if (!dockerfile) return;
      const path = joinPath(context, dockerfile.path);
      if (!this.exists(context, [path, ...DEFAULT_DOCKERFILES.map((name) => joinPath(context, name))])) {
        if (contextScalar) this.report(contextScalar, `Build context '${written}' does not exist. Correct the path or create the folder.`);
        return;
      }
      if (!this.files.exists(path)) {
        this.report(dockerfile.node, `Dockerfile '${model.scalarText(dockerfile.node)}' does not exist in the build context '${written}'. Correct the path (it is relative to the context) or create the file.`);
      }
      return;
    }
    const defaults = DEFAULT_DOCKERFILES.map((name) => joinPath(context, name));
    if (defaults.some((p) => this.files.exists(p))) return;
    if (!this.exists(context)) {
      if (contextScalar) this.report(contextScalar, `Build context '${written}' does not exist. Correct the path or create the folder.`);
      return;
    }
    this.report(contextScalar ?? entry.keyNode, `Build context '${written}' has no Dockerfile. Add one, or name the file to build with 'dockerfile:'.`);
  }
}

export const dc404: ComposeRule = {
  id: 'DC404',
  name: 'env-file-exists',
  severity: 'warning',
  language: 'dockercompose',
  docs: {
    summary: 'An env file, secret or config file, build context, Dockerfile or included file named in the Compose file does not exist.',
    why: "Compose reads these paths before it starts anything, relative to the Compose file's folder (a Dockerfile relative to its build context). A missing one stops `docker compose up` or `build` with a \"no such file\" error; for an env file the usual cause is a file that exists only on one developer's machine.",
  },
  check(model: ComposeModel, context: RuleContext) {
    if (!context.files) return;
    const check = new Checker(model, new ComposeFiles(context.files), context);
    const include = model.get(model.root, 'include')?.value;
    for (const raw of isSeq(include) ? include.items : []) {
      const item = model.resolve(raw);
      const path = isMap(item) ? model.get(item, 'path')?.value : item;
      for (const node of isSeq(path) ? path.items : [path]) check.file(node, 'Included file');
    }
    for (const service of model.services) {
      const env = model.get(service.node, 'env_file');
      if (env) check.envFiles(env.value);
      const build = model.get(service.node, 'build');
      if (build) check.build(build);
      const parent = model.get(service.node, 'extends')?.value;
      if (isMap(parent)) check.file(model.get(parent, 'file')?.value, 'Extended file');
    }
    for (const [section, what] of [['secrets', 'Secret file'], ['configs', 'Config file']]) {
      const map = model.mapAt(model.root, section);
      for (const entry of map ? model.entries(map) : []) check.file(model.get(entry.value, 'file')?.value, what);
    }
  },
};
