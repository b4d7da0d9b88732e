import spec from '../data/compose-spec.json';

/**
 * Places of the Compose schema: where a key sits, named by its path with `*` for a
 * user-chosen name (`services.*.build`) and `[]` for a list item (`services.*.ports[]`).
 * The same walk serves hovers (one step per YAML level) and the coverage test.
 */
type Schema = { readonly [key: string]: unknown };

const ROOT = spec as unknown as Schema;
const DEFINITIONS = (ROOT.definitions ?? {}) as Record<string, Schema>;
const MAX_DEPTH = 16;

export interface Place {
  /** `''` for the top level. */
  id: string;
  schemas: readonly Schema[];
}

export const ROOT_PLACE: Place = { id: '', schemas: [ROOT] };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function deref(node: unknown): Schema | undefined {
  let current = node;
  for (let i = 0; i < MAX_DEPTH && isSchema(current) && typeof current.$ref === 'string'; i++) {
    current = DEFINITIONS[current.$ref.slice(current.$ref.lastIndexOf('/') + 1)];
  }
  return isSchema(current) ? current : undefined;
}

/** The schema and every `oneOf`/`anyOf`/`allOf` branch under it, references followed. */
function alternatives(node: unknown, depth = 0, out: Schema[] = []): Schema[] {
  const schema = deref(node);
  if (!schema || depth > MAX_DEPTH) return out;
  out.push(schema);
  for (const key of ['oneOf', 'anyOf', 'allOf']) {
    const list = schema[key];
    if (Array.isArray(list)) for (const branch of list) alternatives(branch, depth + 1, out);
  }
  return out;
}

function branches(place: Place): Schema[] {
  return place.schemas.flatMap((s) => alternatives(s));
}

function join(id: string, step: string): string {
  return id === '' ? step : step === '[]' ? id + step : `${id}.${step}`;
}

/** The keys the schema defines at a place (extension `x-` keys aside). */
export function keysAt(place: Place): string[] {
  const keys = new Set<string>();
  for (const b of branches(place)) if (isSchema(b.properties)) for (const k of Object.keys(b.properties)) keys.add(k);
  return [...keys];
}

/** The place under a name the user chooses (`services.<name>`, `ulimits.<name>`). */
export function namedPlace(place: Place): Place | undefined {
  const schemas: Schema[] = [];
  for (const b of branches(place)) {
    if (isSchema(b.patternProperties)) {
      for (const [pattern, value] of Object.entries(b.patternProperties)) if (!pattern.startsWith('^x-') && isSchema(value)) schemas.push(value);
    }
    if (isSchema(b.additionalProperties)) schemas.push(b.additionalProperties);
  }
  return schemas.length ? { id: join(place.id, '*'), schemas } : undefined;
}

/** The place of a list's items. */
export function itemPlace(place: Place): Place | undefined {
  const schemas: Schema[] = [];
  for (const b of branches(place)) {
    if (isSchema(b.items)) schemas.push(b.items);
    else if (Array.isArray(b.items)) schemas.push(...b.items.filter(isSchema));
  }
  return schemas.length ? { id: join(place.id, '[]'), schemas } : undefined;
}

/** The place a key leads to: a defined key, else a user-chosen name. */
export function childPlace(place: Place, key: string): Place | undefined {
  if (key.startsWith('x-')) return undefined;
  const schemas: Schema[] = [];
  for (const b of branches(place)) {
    const value = isSchema(b.properties) ? b.properties[key] : undefined;
    if (value !== undefined) schemas.push(value as Schema);
  }
  return schemas.length ? { id: join(place.id, key), schemas } : namedPlace(place);
}

/** Every place with the keys the schema defines there. */
export function schemaKeys(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const visit = (place: Place | undefined, depth: number) => {
    if (!place || depth > MAX_DEPTH || out.has(place.id)) return;
    const keys = keysAt(place);
    if (keys.length) out.set(place.id, keys);
    for (const key of keys) visit(childPlace(place, key), depth + 1);
    visit(namedPlace(place), depth + 1);
    visit(itemPlace(place), depth + 1);
  };
  visit(ROOT_PLACE, 0);
  return out;
}
