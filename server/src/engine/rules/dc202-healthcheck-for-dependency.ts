import { isMap, isScalar, type Scalar } from 'yaml';
import { healthcheckEdit } from '../compose/edits';
import type { ComposeModel, Service } from '../compose/model';
import { ComposeFiles, folderOf, loadProject } from '../compose/related-files';
import { serviceEnv, serviceHealth, type Health, type NoneReason } from '../compose/service-health';
import { statefulImage } from '../image-facts';
import { parseImageRef, type ImageRef } from '../image-ref';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix } from '../types';

interface Wait {
  service: Service;
  target: string;
  condition: Scalar;
}

/** Every `depends_on` entry of the file that waits for `service_healthy`. */
function healthyWaits(model: ComposeModel): Wait[] {
  const out: Wait[] = [];
  for (const service of model.services) {
    const depends = model.mapAt(service.node, 'depends_on');
    if (!depends) continue;
    for (const dep of model.entries(depends)) {
      const condition = isMap(dep.value) ? model.get(dep.value, 'condition')?.value : undefined;
      if (isScalar(condition) && model.scalarText(condition) === 'service_healthy') out.push({ service, target: dep.key, condition });
    }
  }
  return out;
}

function why(target: string, reason: NoneReason): string {
  switch (reason.kind) {
    case 'disabled':
      return `'${target}' turns its healthcheck off`;
    case 'image':
      return `'${target}' sets no healthcheck and its image '${reason.image}' defines none`;
    case 'dockerfile':
      return reason.disabled
        ? `'${reason.path}' turns the healthcheck off with 'HEALTHCHECK NONE'`
        : `'${target}' sets no healthcheck and neither '${reason.path}' nor its base image defines one`;
  }
}

/** The image whose tools a new healthcheck can use. */
function probeImage(reason: NoneReason): ImageRef | undefined {
  if (reason.kind === 'image') return parseImageRef(reason.image);
  return reason.kind === 'dockerfile' && !reason.disabled ? reason.root : undefined;
}

export const dc202: ComposeRule = {
  id: 'DC202',
  name: 'healthcheck-for-dependency',
  severity: 'error',
  language: 'dockercompose',
  fix: 'Add healthcheck',
  docs: {
    summary: '`depends_on` waits for `service_healthy` on a service that has no healthcheck.',
    why: "`condition: service_healthy` waits for the dependency's healthcheck to pass. When neither the Compose file nor the image defines one, the wait can never end: `docker compose up` stops with an error that the dependency has no healthcheck, and the dependent service is not started.",
  },
  check(model: ComposeModel, context: RuleContext) {
    const waits = healthyWaits(model);
    if (waits.length === 0) return;
    const files = new ComposeFiles(context.files);
    const project = loadProject(model, context.fileName, files);
    // An overlay's base may give the dependency the healthcheck this file leaves out.
    if (project.overlay) return;
    const others = project.files.map((f) => ({ model: f.model, folder: folderOf(f.path) }));
    const byName = model.servicesByName;
    const cache = new Map<string, Health>();
    const healthOf = (name: string): Health => {
      const known = cache.get(name);
      if (known) return known;
      const here = byName.get(name);
      const definitions = [...(here ? [{ model, folder: '.', service: here }] : []), ...others.flatMap((o) => o.model.services.filter((s) => s.name === name).map((service) => ({ ...o, service })))];
      const states = definitions.map((d) => serviceHealth(d.model, d.service, files, d.folder));
      // The files are merged into one project: a healthcheck from any of them counts.
      const none = project.complete ? states.find((h) => h.state === 'none') : undefined;
      const health: Health = states.find((h) => h.state === 'yes') ?? none ?? { state: 'unknown' };
      cache.set(name, health);
      return health;
    };
    const reported = new Set<Scalar>();
    for (const wait of waits) {
      if (reported.has(wait.condition)) continue;
      const health = healthOf(wait.target);
      if (health.state !== 'none') continue;
      reported.add(wait.condition);
      const target = byName.get(wait.target);
      const fixes: Fix[] = [];
      const probe = statefulImage(probeImage(health.reason))?.healthcheck;
      if (target && probe && model.get(target.node, 'healthcheck') === undefined) {
        const command = probe(serviceEnv(model, target));
        const edit = healthcheckEdit(model, target, command);
        if (edit) fixes.push({ title: `Add healthcheck: probe '${target.name}' with '${command}'`, edits: [edit], preferred: true });
      }
      context.report({
        range: model.rangeOf(wait.condition),
        message: `'${wait.service.name}' waits for '${wait.target}' to be healthy, but ${why(wait.target, health.reason)}, so Compose cannot start '${wait.service.name}'. Give '${wait.target}' a healthcheck, or wait with 'service_started'.`,
        fixes,
      });
    }
  },
};
