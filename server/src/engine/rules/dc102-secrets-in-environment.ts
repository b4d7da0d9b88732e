import { isAlias, isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { appendToMap, appendToSeq, indentUnit, insertionEdits, quote, quoteStyle, type Insertion } from '../compose/insertions';
import type { ComposeModel, Service } from '../compose/model';
import { serviceImage } from '../compose/service-image';
import { isEmptyValue, isSecretName, isSwitchValue } from '../dockerfile/secrets';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix, Range, TextEdit } from '../types';

/**
 * Official images whose entrypoint reads `<NAME>_FILE` in place of these variables
 * (docker-library's `file_env`, WordPress's `getenv_docker`).
 */
const FILE_VARIABLES: Record<string, string[]> = {
  postgres: ['POSTGRES_PASSWORD'],
  mysql: ['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD'],
  mariadb: ['MARIADB_ROOT_PASSWORD', 'MARIADB_PASSWORD', 'MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD', 'MARIADB_REPLICATION_PASSWORD'],
  mongo: ['MONGO_INITDB_ROOT_PASSWORD'],
  wordpress: ['WORDPRESS_DB_PASSWORD'],
};

/** True when Compose substitutes something in the value (`$$` is a literal dollar). */
function interpolated(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value.replace(/\$\$/g, ''));
}

/** A variable name Compose can interpolate, derived from the environment key. */
function variableName(key: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return key;
  const name = key.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

interface Site {
  name: string;
  value: string;
  range: Range;
  services: Service[];
  /** Replaces the value with `text`, keeping its quoting. */
  replaceValue?: (text: string) => TextEdit;
  /** Renames the key to `<key>_FILE` and points it at `path`. */
  toFile?: (path: string) => TextEdit[];
  /** The environment is written in the service itself, not merged or aliased in. */
  own: boolean;
}

/** `text` written like `node`; in a flow collection `${…}` needs quotes, its braces being flow indicators. */
function quoted(model: ComposeModel, node: Scalar, text: string, flow: boolean): string {
  if (node.type === 'QUOTE_DOUBLE') return quote(text, '"');
  if (node.type === 'QUOTE_SINGLE') return quote(text, "'");
  return flow && /[{}[\],]/.test(text) ? quote(text, quoteStyle(model)) : text;
}

function isLiteralSecret(name: string, value: string | undefined): value is string {
  return value !== undefined && isSecretName(name) && !isEmptyValue(value) && !isSwitchValue(value) && !interpolated(value) && !value.startsWith('/run/secrets/');
}

function sitesOf(model: ComposeModel, service: Service): Map<object, Site> {
  const out = new Map<object, Site>();
  const entry = model.get(service.node, 'environment');
  if (!entry) return out;
  const ownContainer = !entry.merged && !isAlias(entry.pair.value);
  const env = entry.value;
  if (isMap(env)) {
    for (const e of model.entries(env)) {
      const value = model.scalarText(e.value);
      if (!isScalar(e.value) || !isLiteralSecret(e.key, value)) continue;
      const node = e.value;
      const plainForm = node.type === 'PLAIN' || node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
      const keyStart = model.valueOffset(e.keyNode);
      const replaceValue = plainForm ? (text: string) => ({ range: model.rangeOf(node), newText: quoted(model, node, text, !!env.flow) }) : undefined;
      const toFile =
        replaceValue && keyStart !== undefined
          ? (path: string) => {
              const at = model.lines.positionAt(keyStart + e.key.length);
              return [{ range: { start: at, end: at }, newText: '_FILE' }, replaceValue(path)];
            }
          : undefined;
      out.set(e.keyNode, { name: e.key, value, range: model.rangeOf(node), services: [service], replaceValue, toFile, own: ownContainer && !e.merged });
    }
  } else if (isSeq(env)) {
    for (const raw of env.items) {
      const item = model.resolve(raw);
      const text = model.scalarText(item);
      const eq = text?.indexOf('=') ?? -1;
      if (!isScalar(item) || text === undefined || eq <= 0) continue;
      const name = text.slice(0, eq);
      const value = text.slice(eq + 1);
      if (!isLiteralSecret(name, value)) continue;
      const start = model.valueOffset(item);
      const span = (from: number) => model.lines.range((start ?? 0) + from, (start ?? 0) + text.length);
      // A plain item of a flow list is rewritten whole, so it can be quoted.
      const whole = env.flow && item.type === 'PLAIN';
      out.set(item, {
        name,
        value,
        range: start === undefined ? model.rangeOf(item) : span(eq + 1),
        services: [service],
        replaceValue:
          start === undefined ? undefined : whole ? (v) => ({ range: model.rangeOf(item), newText: quoted(model, item, `${name}=${v}`, true) }) : (v) => ({ range: span(eq + 1), newText: v }),
        toFile: start === undefined ? undefined : (path) => [{ range: span(eq), newText: `_FILE=${path}` }],
        own: ownContainer && !isAlias(raw),
      });
    }
  }
  return out;
}

/** A secret name not yet defined at the top level. */
function freeSecretName(model: ComposeModel, site: Site): string | undefined {
  const defined = model.mapAt(model.root, 'secrets');
  const taken = (n: string) => defined !== undefined && model.get(defined, n) !== undefined;
  const base = site.name.toLowerCase();
  return [base, `${site.services[0].name}_${base}`].find((n) => !taken(n));
}

/** `secrets:` on the service and at the top level, and the secret file holding the value. */
function moveToSecrets(model: ComposeModel, site: Site, context: RuleContext): Fix | undefined {
  const service = site.services[0];
  const files = context.files;
  const image = serviceImage(model, service);
  const supported = image?.official ? FILE_VARIABLES[image.repository] ?? [] : [];
  if (!files || !site.own || site.services.length !== 1 || !site.toFile || !supported.includes(site.name)) return undefined;
  const name = freeSecretName(model, site);
  const path = name && `secrets/${name}.txt`;
  if (!name || !path || files.exists(path) || !model.root) return undefined;
  const unit = ' '.repeat(indentUnit(model));
  const insertions: (Insertion | undefined)[] = [];
  const serviceSecrets = model.get(service.node, 'secrets');
  if (!serviceSecrets) insertions.push(appendToMap(model, service.node, ['secrets:', `${unit}- ${name}`]));
  else insertions.push(!serviceSecrets.merged && isSeq(serviceSecrets.value) ? appendToSeq(model, serviceSecrets.value, name) : undefined);
  const topLevel = model.get(model.root, 'secrets');
  const definition = [`${name}:`, `${unit}file: ./${path}`];
  if (!topLevel) insertions.push(appendToMap(model, model.root, ['secrets:', ...definition.map((l) => unit + l)]));
  else insertions.push(!topLevel.merged && isMap(topLevel.value) ? appendToMap(model, topLevel.value, definition) : undefined);
  if (insertions.some((i) => i === undefined)) return undefined;
  return {
    title: `Move to secrets: pass ${site.name} as the secret '${name}' in ${path}`,
    edits: [...site.toFile(`/run/secrets/${name}`), ...insertionEdits(model, insertions as Insertion[])],
    // Compose reads `$$` in the file as one `$`; the secret file gets what the container got.
    createFiles: [{ path, content: site.value.replace(/\$\$/g, '$') }],
  };
}

export const dc102: ComposeRule = {
  id: 'DC102',
  name: 'secrets-in-environment',
  severity: 'warning',
  language: 'dockercompose',
  fix: 'Use interpolation',
  docs: {
    summary: 'An `environment` entry whose name says it holds a password, token, secret or key has its value written in the Compose file.',
    why: 'A Compose file is committed, copied into tickets and pasted into chats, so a credential written in it is shared with everyone who ever reads the file, and changing it means editing and redeploying the file. Interpolate the value from the environment or an untracked `.env` file, or hand it to the container as a secret file.',
  },
  check(model: ComposeModel, context: RuleContext) {
    const sites = new Map<object, Site>();
    for (const service of model.services) {
      for (const [key, site] of sitesOf(model, service)) {
        const known = sites.get(key);
        if (known) known.services.push(service);
        else sites.set(key, site);
      }
    }
    for (const site of sites.values()) {
      const variable = variableName(site.name);
      const fixes: Fix[] = [];
      if (site.replaceValue) {
        fixes.push({ title: `Use interpolation: read ${site.name} from the environment as '\${${variable}}'`, edits: [site.replaceValue(`\${${variable}}`)], preferred: true });
      }
      const secrets = moveToSecrets(model, site, context);
      if (secrets) fixes.push(secrets);
      context.report({
        range: site.range,
        message: `'${site.name}' has its secret value written in the Compose file, where everyone who reads the file sees it. Interpolate it from the environment ('\${${variable}}') or pass it as a secret file.`,
        fixes,
      });
    }
  },
};
