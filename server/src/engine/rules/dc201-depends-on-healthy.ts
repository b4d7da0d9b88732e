import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { childColumn, column, healthcheckEdit } from '../compose/edits';
import { composeScope } from '../compose/environment';
import type { ComposeModel, Service } from '../compose/model';
import { serviceImage } from '../compose/service-image';
import { composeHealthcheck, serviceEnv } from '../compose/service-health';
import { statefulImage } from '../image-facts';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

/** A `healthcheck` key that is not turned off (timing options alone keep the image's test). */
function hasHealthcheck(model: ComposeModel, service: Service): boolean {
  return model.mapAt(service.node, 'healthcheck') !== undefined && composeHealthcheck(model, service) !== 'none';
}


/** The offset of the `-` that introduces a block sequence item. */
function dashOffset(model: ComposeModel, item: Scalar): number | undefined {
  let i = (item.range ?? [0])[0] - 1;
  while (i >= 0 && (model.text[i] === ' ' || model.text[i] === '\t')) i--;
  return model.text[i] === '-' ? i : undefined;
}

interface Site {
  target: Service;
  range: ReturnType<ComposeModel['rangeOf']>;
  edits: () => TextEdit[] | undefined;
}

function shortFormEdits(model: ComposeModel, service: Service, dependsKey: Scalar, items: Scalar[], healthy: Scalar, flow: boolean): TextEdit[] | undefined {
  const eol = model.lines.eol;
  const keyColumn = column(model, dependsKey);
  const unit = Math.max(keyColumn - column(model, service.keyNode), 1);
  const condition = (item: Scalar) => `condition: ${item === healthy ? 'service_healthy' : 'service_started'}`;
  if (flow) {
    const seq = model.get(service.node, 'depends_on')?.value;
    if (!seq?.range || !dependsKey.range) return undefined;
    const pad = ' '.repeat(keyColumn + unit);
    const block = items.map((item) => `${pad}${model.scalarText(item)}:${eol}${pad}${' '.repeat(unit)}${condition(item)}`).join(eol);
    return [{ range: model.lines.range(dependsKey.range[1], seq.range[1]), newText: `:${eol}${block}` }];
  }
  const edits: TextEdit[] = [];
  for (const item of items) {
    const dash = dashOffset(model, item);
    if (dash === undefined || !item.range) return undefined;
    const dashPos = model.lines.positionAt(dash);
    const indentless = dashPos.character <= keyColumn;
    const keyIndent = indentless ? keyColumn + unit : dashPos.character;
    const start = indentless ? { line: dashPos.line, character: 0 } : dashPos;
    edits.push({
      range: { start, end: model.lines.positionAt(item.range[1]) },
      newText: `${indentless ? ' '.repeat(keyIndent) : ''}${model.scalarText(item)}:${eol}${' '.repeat(keyIndent + unit)}${condition(item)}`,
    });
  }
  return edits;
}

function longFormEdits(model: ComposeModel, entryKey: Scalar, options: YAMLMap | null, conditionNode: Scalar | undefined): TextEdit[] | undefined {
  if (conditionNode) return [{ range: model.rangeOf(conditionNode), newText: 'service_healthy' }];
  if (!isMap(options) || options.flow || !options.range) return undefined;
  const indent = childColumn(model, options);
  if (indent === undefined) return undefined;
  const line = model.rangeOf(entryKey).start.line + 1;
  return [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${' '.repeat(indent)}condition: service_healthy${model.lines.eol}` }];
}

function sites(model: ComposeModel, service: Service, byName: ReadonlyMap<string, Service>, needsWait: (s: Service) => boolean): Site[] {
  const entry = model.get(service.node, 'depends_on');
  if (!entry || entry.merged) return [];
  const value = entry.value;
  const out: Site[] = [];
  if (isSeq(value)) {
    const items = value.items.map((i) => model.resolve(i)).filter((i): i is Scalar => isScalar(i));
    for (const item of items) {
      const target = byName.get(model.scalarText(item) ?? '');
      if (!target || target === service || !needsWait(target)) continue;
      out.push({ target, range: model.rangeOf(item), edits: () => shortFormEdits(model, service, entry.keyNode, items, item, !!value.flow) });
    }
  } else if (isMap(value)) {
    for (const dep of model.entries(value)) {
      const target = byName.get(dep.key);
      if (!target || target === service || !needsWait(target)) continue;
      const options = isMap(dep.value) ? dep.value : null;
      const conditionEntry = options ? model.get(options, 'condition') : undefined;
      const condition = model.scalarText(conditionEntry?.value) ?? 'service_started';
      if (condition !== 'service_started') continue;
      const conditionNode = isScalar(conditionEntry?.value) && !conditionEntry?.merged ? conditionEntry.value : undefined;
      out.push({
        target,
        range: model.rangeOf(conditionNode ?? dep.keyNode),
        edits: () => longFormEdits(model, dep.keyNode, options, conditionNode),
      });
    }
  }
  return out;
}

export const dc201: ComposeRule = {
  id: 'DC201',
  name: 'depends-on-healthy',
  severity: 'warning',
  language: 'dockercompose',
  fix: 'Wait for healthy',
  docs: {
    summary: '`depends_on` only waits for a dependency to start, though it has a healthcheck or needs time to become ready.',
    why: "The short form of `depends_on`, and `condition: service_started`, wait only until the dependency's container has started. A database needs seconds more before it accepts connections, so the dependent service fails or retries at startup. `condition: service_healthy` waits for the dependency's healthcheck to pass.",
  },
  check(model: ComposeModel, context: RuleContext) {
    const byName = model.servicesByName;
    const scope = composeScope(context.files);
    const needsWait = (s: Service) => hasHealthcheck(model, s) || statefulImage(serviceImage(model, s, scope)) !== undefined;
    for (const service of model.services) {
      for (const site of sites(model, service, byName, needsWait)) {
        const { target } = site;
        const probe = statefulImage(serviceImage(model, target, scope))?.healthcheck;
        const checked = hasHealthcheck(model, target);
        const fixes: Fix[] = [];
        const edits = site.edits();
        const extra = checked || !probe ? undefined : healthcheckEdit(model, target, probe(serviceEnv(model, target)));
        if (edits && (checked || extra)) {
          fixes.push({
            title: checked ? `Wait for healthy: wait until '${target.name}' passes its healthcheck` : `Wait for healthy: wait for '${target.name}' and give it a healthcheck`,
            edits: extra ? [...edits, extra] : edits,
            preferred: true,
          });
        }
        const why = checked ? 'it has a healthcheck' : 'it runs a service that needs time to get ready';
        context.report({
          range: site.range,
          message: `'${service.name}' waits only for '${target.name}' to start, yet ${why}. Use 'condition: service_healthy' so '${service.name}' starts once '${target.name}' is ready.`,
          fixes,
        });
      }
    }
  },
};
