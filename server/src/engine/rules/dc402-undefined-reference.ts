import { isMap, isScalar, type Scalar } from 'yaml';
import { childColumn } from '../compose/edits';
import { appendToMap } from '../compose/insertions';
import type { ComposeModel } from '../compose/model';
import { knownNames, resolves, SECTIONS, serviceReferences, type DefinitionKind, type Reference } from '../compose/references';
import { ComposeFiles, extendsTarget, isLocalRelativePath, loadProject } from '../compose/related-files';
import { byCloseness, typoDistance } from '../dockerfile/similar';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

/** Rename candidates offered per finding. */
const MAX_SUGGESTIONS = 5;

const NOUN: Record<DefinitionKind, string> = { network: 'Network', volume: 'Volume', secret: 'Secret', config: 'Config' };

function isNear(name: string, candidate: string): boolean {
  return byCloseness(name, [candidate], typoDistance(name)).length > 0;
}

function message(ref: Reference & { name: string }): string {
  if (ref.kind === 'service') return `'${ref.name}' is not a service of this project. Correct the name or define the service under 'services'.`;
  // `data/x:/x` reads as a volume name; a folder beside the file needs `./`.
  const short = String(ref.node.value) !== ref.name;
  const hint = ref.kind === 'volume' && short && ref.name.includes('/') ? `, or start the path with './' to mount a folder` : '';
  return `${NOUN[ref.kind]} '${ref.name}' is not defined under the top-level '${SECTIONS[ref.kind]}'. Correct the name or declare it there${hint}.`;
}

/**
 * Declares a volume or network with default settings: a new entry at the end of the
 * top-level section, or the section itself at the end of the file.
 */
function declareEdit(model: ComposeModel, kind: 'volume' | 'network', name: string): TextEdit | undefined {
  if (!/^[A-Za-z0-9][\w.-]*$/.test(name)) return undefined;
  const eol = model.lines.eol;
  const services = model.mapAt(model.root, 'services');
  const unit = services ? (childColumn(model, services) ?? 2) : 2;
  const entry = model.get(model.root, SECTIONS[kind]);
  if (entry) {
    const section = entry.value;
    // Only a section written right there: not an alias, a merge or a flow mapping.
    if (entry.merged || entry.pair.value !== section || !isMap(section) || section.flow || !section.range) return undefined;
    const indent = childColumn(model, section);
    if (indent === undefined) return undefined;
    const end = model.lines.positionAt(section.range[1]);
    const at = end.character === 0 ? end : { line: end.line + 1, character: 0 };
    if (end.character !== 0 && end.line + 1 >= model.lines.lineCount) return { range: { start: end, end }, newText: `${eol}${' '.repeat(indent)}${name}:` };
    return { range: { start: at, end: at }, newText: `${' '.repeat(indent)}${name}:${eol}` };
  }
  if (!model.root?.range || model.root.flow || childColumn(model, model.root) !== 0) return undefined;
  // After this document's last entry: a later document of the file may follow.
  const insertion = appendToMap(model, model.root, [`${SECTIONS[kind]}:`, `${' '.repeat(unit)}${name}:`]);
  return insertion && { range: model.lines.range(insertion.offset, insertion.offset), newText: insertion.text };
}

function fixesFor(model: ComposeModel, ref: Reference & { name: string }, candidates: string[], taken: Set<string>): Fix[] {
  const fixes: Fix[] = [];
  if (ref.span) {
    const span = ref.span;
    const options = byCloseness(ref.name, candidates.filter((c) => c !== ref.name && !taken.has(c))).slice(0, MAX_SUGGESTIONS);
    options.forEach((name, i) => {
      fixes.push({
        title: `Use a defined name: '${name}' instead of '${ref.name}'`,
        edits: [{ range: model.lines.range(span[0], span[1]), newText: name }],
        preferred: i === 0 && isNear(ref.name, name),
      });
    });
  }
  if (ref.kind === 'volume' || ref.kind === 'network') {
    const edit = declareEdit(model, ref.kind, ref.name);
    if (edit) {
      // Without a near miss, the name is more likely new than misspelt: declaring it comes first.
      const preferred = !fixes.some((f) => f.preferred);
      const declare = { title: `Declare ${ref.kind} '${ref.name}' under '${SECTIONS[ref.kind]}'`, edits: [edit], preferred };
      if (preferred) fixes.unshift(declare);
      else fixes.push(declare);
    }
  }
  return fixes;
}

/** Names already listed beside the reference, which a rename must not duplicate. */
function siblings(refs: Reference[], ref: Reference): Set<string> {
  return new Set(refs.filter((r) => r.service === ref.service && r.via === ref.via && r.kind === ref.kind && r.name !== undefined).map((r) => r.name as string));
}

export const dc402: ComposeRule = {
  id: 'DC402',
  name: 'undefined-reference',
  severity: 'error',
  language: 'dockercompose',
  fix: 'Use a defined name',
  docs: {
    summary: 'A service names a service, network, volume, secret or config that the project does not define.',
    why: "Compose resolves every name a service uses (`depends_on`, `links`, `extends`, `networks`, named volumes, `secrets`, `configs`) against the project's definitions before it creates anything. A misspelt or forgotten name stops `docker compose up` with an 'undefined' error, or, for an `extends` base, a missing service.",
  },
  check(model: ComposeModel, context: RuleContext) {
    const files = new ComposeFiles(context.files);
    const project = loadProject(model, context.fileName, files);
    // A name may come from a file out of sight: nothing can be said for sure.
    if (!project.complete) return;
    const known = knownNames([model, ...project.files.map((f) => f.model)]);
    // In an overlay, unknown names may be the base file's; only near misses are surely typos.
    const worthReporting = (name: string, candidates: string[]) => !project.overlay || candidates.some((c) => isNear(name, c));
    const reported = new Set<Scalar>();
    for (const service of model.services) {
      const refs = serviceReferences(model, service);
      for (const ref of refs) {
        if (resolves(known, ref) || reported.has(ref.node)) continue;
        const named = ref as Reference & { name: string };
        // `default` exists without being written down: offered only for a near miss.
        const candidates = [...known[ref.kind]].filter((name) => (ref.kind === 'service' ? name !== service.name : name !== 'default' || isNear(named.name, name)));
        if (!worthReporting(named.name, candidates)) continue;
        reported.add(ref.node);
        context.report({ range: ref.span ? model.lines.range(ref.span[0], ref.span[1]) : model.rangeOf(ref.node), message: message(named), fixes: fixesFor(model, named, candidates, siblings(refs, ref)) });
      }
    }
    for (const service of model.services) {
      const target = extendsTarget(model, service);
      const entry = model.get(service.node, 'extends');
      if (!target || !entry || entry.merged || target.service.includes('$')) continue;
      const node = isMap(entry.value) ? model.get(entry.value, 'service')?.value : entry.value;
      if (!isScalar(node) || reported.has(node)) continue;
      // `extends` without `file` looks in this file only, before any merging.
      let pool = model.services.map((s) => s.name);
      let where = 'this file';
      if (target.file !== undefined) {
        const file = isLocalRelativePath(target.file) ? files.read(target.file) : undefined;
        if (!file) continue;
        pool = file.model.services.map((s) => s.name);
        where = `'${target.file}'`;
      }
      if (pool.includes(target.service)) continue;
      reported.add(node);
      const start = model.valueOffset(node);
      const ref: Reference & { name: string } = { kind: 'service', name: target.service, node, span: start === undefined ? undefined : [start, start + target.service.length], service, via: 'extends', interpolated: false };
      context.report({
        range: model.rangeOf(node),
        message: `'${target.service}' is not a service in ${where}, so '${service.name}' has nothing to extend. Correct the name or define that service.`,
        fixes: fixesFor(model, ref, target.file === undefined ? pool.filter((s) => s !== service.name) : pool, new Set()),
      });
    }
  },
};
