import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
import type { ComposeModel, Entry, Service } from '../compose/model';
import { shortVolumeSource } from '../compose/references';
import { serviceImage } from '../compose/service-image';
import type { ComposeRule, RuleContext } from '../rule';
import type { Range } from '../types';
import { substitute } from '../variables';

const NO_VARIABLES = new Map<string, string | undefined>();

/** Tools that need the socket only to read what runs: a read-only socket proxy serves them. */
const WATCHERS: Record<string, string> = {
  traefik: 'Traefik',
  'nginxproxy/nginx-proxy': 'nginx-proxy',
  'jwilder/nginx-proxy': 'nginx-proxy',
  'nginxproxy/docker-gen': 'docker-gen',
  'jwilder/docker-gen': 'docker-gen',
  'cadvisor/cadvisor': 'cAdvisor',
  'google/cadvisor': 'cAdvisor',
  'amir20/dozzle': 'Dozzle',
};

/** Tools that manage containers through the socket by design. */
const MANAGERS: Record<string, string> = {
  'portainer/portainer': 'Portainer',
  'portainer/portainer-ce': 'Portainer',
  'portainer/portainer-ee': 'Portainer',
  'portainer/agent': 'The Portainer agent',
  'containrrr/watchtower': 'Watchtower',
  'nginxproxy/acme-companion': 'acme-companion',
  'jrcs/letsencrypt-nginx-proxy-companion': 'acme-companion',
};

/** Socket proxies: holding the socket to hand out a filtered API is their whole job. */
const SOCKET_PROXIES = new Set(['tecnativa/docker-socket-proxy', 'linuxserver/socket-proxy', 'wollomatic/socket-proxy']);

/** The services a setting applies to (several when it sits in an anchor they share). */
function names(services: Service[]): string {
  const quoted = services.map((s) => `'${s.name}'`);
  if (quoted.length > 3) return `${quoted.slice(0, 2).join(', ')} and ${quoted.length - 2} more services`;
  return quoted.length < 2 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

const basename = (path: string) => path.replace(/\/+$/, '').split('/').pop() ?? '';
const isPath = (text: string) => text.startsWith('/') || text.startsWith('./') || text.startsWith('~') || /^[A-Za-z]:[\\/]/.test(text);

/**
 * A bind source that is the Docker (or Podman) daemon's socket: by its file name, or,
 * when a variable hides the source, by the container path it is mounted at.
 */
function isSocketMount(source: string, target: string | undefined): boolean {
  const resolved = substitute(source, NO_VARIABLES);
  if (resolved !== undefined && resolved !== '') return isPath(resolved) && /^(docker|podman)\.sock$/.test(basename(resolved));
  return target !== undefined && basename(target) === 'docker.sock';
}

interface Site {
  key: object;
  range: Range;
  kind: 'privileged' | 'pid' | 'network' | 'socket';
  source?: string;
  /** How the mount is made read-only, when it is: `:ro` or `read_only: true`. */
  readOnly?: string;
  services: Service[];
}

function pairRange(model: ComposeModel, entry: Entry): Range {
  const end = entry.value?.range?.[1] ?? entry.keyNode.range?.[1] ?? 0;
  return model.lines.range(entry.keyNode.range?.[0] ?? 0, end);
}

function settingValue(model: ComposeModel, entry: Entry | undefined): string | undefined {
  const text = model.scalarText(entry?.value);
  return text === undefined ? undefined : substitute(text, NO_VARIABLES)?.toLowerCase();
}

function socketSites(model: ComposeModel, service: Service): Omit<Site, 'services'>[] {
  const volumes = model.get(service.node, 'volumes')?.value;
  if (!isSeq(volumes)) return [];
  const out: Omit<Site, 'services'>[] = [];
  for (const raw of volumes.items) {
    const item = model.resolve(raw);
    if (isScalar(item)) {
      const text = model.scalarText(item);
      const source = text === undefined ? undefined : shortVolumeSource(text);
      if (text === undefined || !source) continue;
      const [target, mode] = text.slice(source.length + 1).split(':');
      if (!isSocketMount(source, target)) continue;
      const start = model.valueOffset(item);
      const range = start === undefined ? model.rangeOf(item) : model.lines.range(start, start + source.length);
      out.push({ key: item, range, kind: 'socket', source, readOnly: (mode ?? '').split(',').includes('ro') ? "':ro'" : undefined });
    } else if (isMap(item)) {
      if (model.scalarText(model.get(item, 'type')?.value) !== 'bind') continue;
      const sourceNode = model.get(item, 'source')?.value;
      const source = model.scalarText(sourceNode);
      if (!isScalar(sourceNode) || !source || !isSocketMount(source, model.scalarText(model.get(item, 'target')?.value))) continue;
      const readOnly = model.scalarText(model.get(item, 'read_only')?.value) === 'true' ? "'read_only: true'" : undefined;
      out.push({ key: sourceNode as Scalar, range: model.rangeOf(sourceNode), kind: 'socket', source, readOnly });
    }
  }
  return out;
}

function sitesOf(model: ComposeModel, service: Service): Omit<Site, 'services'>[] {
  const out: Omit<Site, 'services'>[] = [];
  const setting = (key: string, value: string[], kind: Site['kind']) => {
    const entry = model.get(service.node, key);
    const text = settingValue(model, entry);
    if (entry && text !== undefined && value.includes(text)) out.push({ key: entry.keyNode, range: pairRange(model, entry), kind });
  };
  setting('privileged', ['true', 't', '1'], 'privileged');
  setting('pid', ['host'], 'pid');
  setting('network_mode', ['host'], 'network');
  out.push(...socketSites(model, service));
  return out;
}

function message(model: ComposeModel, site: Site): string {
  const who = names(site.services);
  switch (site.kind) {
    case 'privileged':
      return `'privileged: true' gives ${who} every capability and all host devices without seccomp or AppArmor confinement, so taking over the container means taking over the host. Grant only what is needed with 'cap_add' and 'devices'.`;
    case 'pid':
      return `'pid: host' lets ${who} see and signal every process on the host. Remove it unless the service monitors the host.`;
    case 'network':
      return `'network_mode: host' puts ${who} on the host's network stack: every port opened listens on the host's interfaces, and services bound to the host's localhost become reachable. Use a Compose network and publish only the ports needed.`;
    case 'socket': {
      const ro = site.readOnly ? ` (${site.readOnly} only makes the socket file read-only; API calls through it still work)` : '';
      const head = `Mounting the Docker socket '${site.source}' gives ${who} full control of the Docker daemon, and so root on the host${ro}.`;
      // The repository, without the registry host: `gcr.io/cadvisor/cadvisor` is cAdvisor wherever it comes from.
      const tool = serviceImage(model, site.services[0])?.repository ?? '';
      if (Object.prototype.hasOwnProperty.call(WATCHERS, tool)) return `${head} ${WATCHERS[tool]} only reads container information: give it a socket proxy that allows just that.`;
      if (Object.prototype.hasOwnProperty.call(MANAGERS, tool)) return `${head} ${MANAGERS[tool]} manages containers through it by design: keep it off public networks and limit who can use it.`;
      return `${head} Remove the mount, or put a socket proxy in front that allows only the calls needed.`;
    }
  }
}

export const dc101: ComposeRule = {
  id: 'DC101',
  name: 'privileged',
  severity: 'warning',
  language: 'dockercompose',
  docs: {
    summary: 'A service runs privileged, shares the host PID namespace or network stack, or mounts the Docker socket.',
    why: "Each of these removes the isolation between a container and its host. A privileged container has every capability and all devices; `pid: host` exposes the host's processes; `network_mode: host` drops network isolation; the Docker socket is full control of the daemon, which is root on the host. Whoever takes over such a container takes over the machine.",
  },
  check(model: ComposeModel, context: RuleContext) {
    const sites = new Map<object, Site>();
    for (const service of model.services) {
      const image = serviceImage(model, service)?.repository;
      for (const site of sitesOf(model, service)) {
        if (site.kind === 'socket' && image !== undefined && SOCKET_PROXIES.has(image)) continue;
        const known = sites.get(site.key);
        if (known) known.services.push(service);
        else sites.set(site.key, { ...site, services: [service] });
      }
    }
    for (const site of sites.values()) context.report({ range: site.range, message: message(model, site) });
  },
};
