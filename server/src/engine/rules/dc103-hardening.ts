import { isSeq } from 'yaml';
import { appendToMap, appendToSeq, insertionEdits, keyColumn, type Insertion } from '../compose/insertions';
import type { ComposeModel, Entry, Service } from '../compose/model';
import { extendsTarget } from '../compose/related-files';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix } from '../types';

const MAX_EXTENDS = 16;

/**
 * Looks a key up in the service and then along its `extends` chain within this file.
 * `unknown` when the chain leaves the file, so the key may be set where it cannot be seen.
 */
function lookup(model: ComposeModel, service: Service, key: string): Entry | 'unknown' | undefined {
  const byName = model.servicesByName;
  let current: Service | undefined = service;
  for (let depth = 0; current && depth < MAX_EXTENDS; depth++) {
    const entry = model.get(current.node, key);
    if (entry) return entry;
    const target = extendsTarget(model, current);
    if (!target) return undefined;
    if (target.file !== undefined) return 'unknown';
    current = byName.get(target.service);
  }
  return 'unknown';
}

function items(model: ComposeModel, entry: Entry): string[] {
  return isSeq(entry.value) ? entry.value.items.map((i) => model.scalarText(model.resolve(i)) ?? '') : [];
}

const NO_NEW_PRIVILEGES = /^no-new-privileges(?:[:=](true|false))?$/i;

interface Gap {
  /** What the message lists as missing. */
  label: string;
  /** The key name for the fix title. */
  key: string;
  insertion: (model: ComposeModel, service: Service) => Insertion | undefined;
}

function addKey(line: string) {
  return (model: ComposeModel, service: Service) => appendToMap(model, service.node, [line]);
}

/** Adds to the service's own list; one inherited through `extends` or a merge key is left alone. */
function addItem(entry: Entry, item: string, flowItem: string) {
  return (model: ComposeModel, service: Service) =>
    !entry.merged && model.get(service.node, entry.key)?.pair === entry.pair && isSeq(entry.value) ? appendToSeq(model, entry.value, entry.value.flow ? flowItem : item) : undefined;
}

/**
 * What the service lacks. An explicit `read_only: false` or `no-new-privileges:false`
 * is a decision, not an omission; so is any value taken from a variable.
 */
function gaps(model: ComposeModel, service: Service): Gap[] | undefined {
  const readOnly = lookup(model, service, 'read_only');
  const capDrop = lookup(model, service, 'cap_drop');
  const securityOpt = lookup(model, service, 'security_opt');
  if (readOnly === 'unknown' || capDrop === 'unknown' || securityOpt === 'unknown') return undefined;
  const out: Gap[] = [];
  if (!readOnly) out.push({ label: 'read_only: true', key: 'read_only', insertion: addKey('read_only: true') });
  if (!capDrop) out.push({ label: 'cap_drop: [ALL]', key: 'cap_drop', insertion: addKey('cap_drop: [ALL]') });
  else if (isSeq(capDrop.value) && !items(model, capDrop).some((c) => c.toUpperCase() === 'ALL' || c.includes('$'))) {
    out.push({ label: "'ALL' in cap_drop", key: 'cap_drop', insertion: addItem(capDrop, 'ALL', 'ALL') });
  }
  if (!securityOpt) out.push({ label: 'security_opt: [no-new-privileges:true]', key: 'security_opt', insertion: addKey('security_opt: ["no-new-privileges:true"]') });
  else if (isSeq(securityOpt.value) && !items(model, securityOpt).some((o) => NO_NEW_PRIVILEGES.test(o) || o.includes('$'))) {
    out.push({ label: "'no-new-privileges:true' in security_opt", key: 'security_opt', insertion: addItem(securityOpt, 'no-new-privileges:true', '"no-new-privileges:true"') });
  }
  return out;
}

function list(parts: string[]): string {
  return parts.length < 2 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** A service that names neither an image nor a build is a fragment another file completes. */
function isFragment(model: ComposeModel, service: Service): boolean {
  return !['image', 'build', 'extends'].some((k) => model.get(service.node, k));
}

export const dc103: ComposeRule = {
  id: 'DC103',
  name: 'hardening',
  severity: 'off',
  language: 'dockercompose',
  fix: 'Add hardening keys',
  docs: {
    summary: 'A service does not set `read_only: true`, `cap_drop: [ALL]` and `security_opt: [no-new-privileges:true]`.',
    why: 'These three settings take away what most services never use: writing to their own filesystem, the kernel capabilities Docker grants by default, and gaining privileges through setuid binaries. An attacker who gets code execution in such a container can change far less. Add them, then give back only what the service needs (`tmpfs` for writable paths, `cap_add`).',
  },
  check(model: ComposeModel, context: RuleContext) {
    for (const service of model.services) {
      if (isFragment(model, service)) continue;
      const missing = gaps(model, service);
      if (!missing?.length) continue;
      const fixes: Fix[] = [];
      const insertions = missing.map((g) => g.insertion(model, service));
      if (keyColumn(model, service.node) !== undefined && insertions.every((i) => i !== undefined)) {
        const keys = [...new Set(missing.map((g) => g.key))];
        fixes.push({ title: `Add hardening keys: harden '${service.name}' with ${list(keys)}`, edits: insertionEdits(model, insertions as Insertion[]), preferred: true });
      }
      context.report({
        range: model.rangeOf(service.keyNode),
        message: `'${service.name}' lacks ${list(missing.map((g) => g.label))}. Add them, then give back only what it needs ('tmpfs' for paths it writes, 'cap_add').`,
        fixes,
      });
    }
  },
};
