import { isMap, isSeq } from 'yaml';
import { removeEntryLines } from '../compose/edits';
import type { ComposeModel, Service } from '../compose/model';
import { SECTIONS, serviceReferences, type DefinitionKind } from '../compose/references';
import { ComposeFiles, extendsTarget, folderOf, isLocalRelativePath, joinPath, loadProject } from '../compose/related-files';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix } from '../types';

const KINDS: DefinitionKind[] = ['network', 'volume', 'secret', 'config'];
const MAX_EXTENDS = 8;

/** Names used per kind; `all` when a reference depends on a variable, so it may name any of them. */
type Uses = Record<DefinitionKind, Set<string> | 'all'>;

function record(uses: Uses, kind: DefinitionKind, name: string | undefined): void {
  const set = uses[kind];
  if (set === 'all') return;
  if (name === undefined) uses[kind] = 'all';
  else set.add(name);
}

/**
 * What a service uses, including what it inherits through `extends` from another file:
 * those names must be defined beside the service, in the file that extends. Returns
 * false when an extended file cannot be read.
 */
function collect(model: ComposeModel, service: Service, folder: string, files: ComposeFiles, uses: Uses, depth = 0): boolean {
  for (const ref of serviceReferences(model, service)) if (ref.kind !== 'service') record(uses, ref.kind, ref.name);
  // With no network named (no key, or an empty one) and no network mode, a service joins `default`.
  const networks = model.get(service.node, 'networks')?.value;
  const named = (isMap(networks) || isSeq(networks)) && networks.items.length > 0;
  if (!named && model.get(service.node, 'network_mode') === undefined) record(uses, 'network', 'default');
  const parent = extendsTarget(model, service);
  if (!parent || parent.file === undefined) return true;
  if (depth >= MAX_EXTENDS || !isLocalRelativePath(parent.file)) return false;
  const file = files.read(joinPath(folder, parent.file));
  const base = file?.model.services.find((s) => s.name === parent.service);
  return !!file && !!base && collect(file.model, base, folderOf(file.path), files, uses, depth + 1);
}

const NOUN: Record<DefinitionKind, string> = { network: 'Network', volume: 'Volume', secret: 'Secret', config: 'Config' };
const USE: Record<DefinitionKind, string> = { network: 'attach a service to it', volume: 'mount it in a service', secret: 'grant it to a service', config: 'grant it to a service' };

export const dc403: ComposeRule = {
  id: 'DC403',
  name: 'unused-definition',
  severity: 'info',
  language: 'dockercompose',
  fix: 'Remove the definition',
  docs: {
    summary: 'A top-level network, volume, secret or config is defined but no service uses it.',
    why: 'A definition no service refers to does nothing: Compose never attaches, mounts or grants it. It is usually left over from a renamed or removed service, or the reference that should use it is misspelt; either way a reader is misled about what the stack needs.',
  },
  check(model: ComposeModel, context: RuleContext) {
    if (!model.root) return;
    const files = new ComposeFiles(context.files);
    const project = loadProject(model, context.fileName, files);
    // Out of sight, or an overlay whose base may use what it defines.
    if (!project.complete || project.overlay) return;
    const uses: Uses = { network: new Set(), volume: new Set(), secret: new Set(), config: new Set() };
    const sources = [{ model, folder: '.' }, ...project.files.map((f) => ({ model: f.model, folder: folderOf(f.path) }))];
    // A file without services only holds definitions for the files that include or extend it.
    if (sources.every((s) => s.model.services.length === 0)) return;
    for (const source of sources) {
      for (const service of source.model.services) if (!collect(source.model, service, source.folder, files, uses)) return;
    }
    const aliased = new Set(model.aliases().map((a) => a.source));
    for (const kind of KINDS) {
      const used = uses[kind];
      const sectionEntry = model.get(model.root, SECTIONS[kind]);
      const section = sectionEntry?.value;
      // A section that is an alias or merged in is written, and maybe shared, elsewhere.
      if (used === 'all' || !sectionEntry || sectionEntry.merged || sectionEntry.pair.value !== section || !isMap(section)) continue;
      for (const entry of model.entries(section)) {
        if (entry.merged || used.has(entry.key)) continue;
        const fixes: Fix[] = [];
        const edit = removeEntryLines(model, entry, section, sectionEntry);
        // An anchor on the definition that an alias reuses elsewhere must stay.
        const anchor = (entry.pair.value as { anchor?: string } | null)?.anchor ?? entry.keyNode.anchor;
        if (edit && !(anchor && aliased.has(anchor))) fixes.push({ title: `Remove the definition of ${kind} '${entry.key}'`, edits: [edit], preferred: true });
        context.report({
          range: model.rangeOf(entry.keyNode),
          message: `${NOUN[kind]} '${entry.key}' is defined but no service uses it. Remove the definition, or ${USE[kind]}.`,
          fixes,
        });
      }
    }
  },
};
