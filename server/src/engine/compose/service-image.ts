import { parseImageRef, type ImageRef } from '../image-ref';
import { substitute } from '../variables';
import type { ComposeModel, Service } from './model';

const NO_VARIABLES = new Map<string, string | undefined>();

/**
 * The image a service runs, `${VAR:-default}` read as its default. A variable without a
 * default usually stands for a version (`mysql:${MYSQL_VERSION}`): the repository is still
 * known, so the reference comes back without tag and digest rather than not at all.
 */
export function serviceImage(model: ComposeModel, service: Service): ImageRef | undefined {
  const written = model.scalarText(model.get(service.node, 'image')?.value);
  if (written === undefined) return undefined;
  const text = substitute(written, NO_VARIABLES);
  if (text !== undefined) return parseImageRef(text);
  const names = [...written.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
  const placeholder = substitute(written, new Map(names.map((n) => [n, '__unset__'])));
  const ref = placeholder === undefined ? undefined : parseImageRef(placeholder);
  return ref && !ref.repository.includes('__unset__') ? { ...ref, tag: undefined, digest: undefined } : undefined;
}
