import { parseImageRef, type ImageRef } from '../image-ref';
import { substitute, type Scope } from '../variables';
import type { ComposeModel, Service } from './model';

const NO_VARIABLES: Scope = new Map();

/**
 * The image a service runs, interpolated with what is known (`.env` values, defaults).
 * A variable still unknown usually stands for a version (`mysql:${MYSQL_VERSION}`): the
 * repository is known, so the reference comes back without tag and digest rather than
 * not at all.
 */
export function serviceImage(model: ComposeModel, service: Service, scope: Scope = NO_VARIABLES): ImageRef | undefined {
  const written = model.scalarText(model.get(service.node, 'image')?.value);
  if (written === undefined) return undefined;
  const text = substitute(written, scope);
  if (text !== undefined) return parseImageRef(text);
  const names = [...written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  const placeholder = substitute(written, new Map(names.map((n) => [n, '__unset__'])));
  const ref = placeholder === undefined ? undefined : parseImageRef(placeholder);
  return ref && !ref.repository.includes('__unset__') ? { ...ref, tag: undefined, digest: undefined } : undefined;
}
