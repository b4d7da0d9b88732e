/** A parsed image reference: `[registry/]repository[:tag][@digest]`. */
export interface ImageRef {
  /** Registry host when written explicitly (`ghcr.io`, `localhost:5000`). */
  registry?: string;
  /** Repository path without registry; Docker Hub's `library/` prefix removed. */
  repository: string;
  tag?: string;
  digest?: string;
  /** A Docker Hub official image (`node`, `library/node`, `docker.io/library/node`). */
  official: boolean;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

export function parseImageRef(text: string): ImageRef | undefined {
  if (!text || /\s/.test(text)) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  if (!rest) return undefined;
  const onHub = registry === undefined || DOCKER_HUB.has(registry);
  let repository = rest;
  if (onHub && repository.startsWith('library/')) repository = repository.slice('library/'.length);
  return {
    registry,
    repository,
    tag: tag || undefined,
    digest: digest || undefined,
    official: onHub && !repository.includes('/'),
  };
}

/** True when the reference names no fixed version: no digest and no tag or `latest`. */
export function isFloating(ref: ImageRef): boolean {
  return !ref.digest && (ref.tag === undefined || ref.tag === 'latest');
}
