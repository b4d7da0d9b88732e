import { isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { Rule } from './rule';
import { yamlLineBreaks } from './text';
import type { EngineConfig, SeveritySetting } from './types';

/** The project config files the hosts look for, nearest folder first. */
export const PROJECT_CONFIG_FILES = ['.docker-patterns.yaml', '.docker-patterns.yml'];
export const HADOLINT_CONFIG_FILES = ['.hadolint.yaml', '.hadolint.yml'];

const SEVERITIES = new Set<string>(['off', 'hint', 'info', 'warning', 'error']);
/** hadolint's levels; `style` is the mildest, which our `hint` matches. */
const HADOLINT_LEVELS: Record<string, SeveritySetting> = { error: 'error', warning: 'warning', info: 'info', style: 'hint' };

function toJs(text: string): unknown {
  const doc = parseDocument(yamlLineBreaks(text), { uniqueKeys: false });
  if (doc.errors.length > 0) throw new Error(doc.errors[0].message);
  const root = doc.contents as Node | null;
  return root && (isMap(root) || isSeq(root)) ? doc.toJS({ maxAliasCount: 100 }) : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Rules a name points at: our id, or a peer's name through the peer column. */
function rulesNamed(rules: readonly Rule[], name: string): Rule[] {
  return rules.filter((r) => r.id === name.toUpperCase() || r.peers?.some((p) => p.toLowerCase() === name.toLowerCase()));
}

/**
 * `.docker-patterns.yaml`:
 *   rules: { DF101: error, DC301: off }
 *   trustedRegistries: [docker.io, ghcr.io]
 */
export function parseProjectConfig(text: string): EngineConfig {
  const value = toJs(text) as { rules?: unknown; trustedRegistries?: unknown };
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (typeof severity === 'string' && SEVERITIES.has(severity)) rules[id.toUpperCase()] = severity as SeveritySetting;
    }
  }
  const trusted = strings(value.trustedRegistries);
  return { rules, ...(trusted.length ? { trustedRegistries: trusted } : {}) };
}

/** `.hadolint.yaml`'s `ignored`, `override` and `trustedRegistries`, mapped through the peer column. */
export function parseHadolintConfig(text: string, rules: readonly Rule[]): EngineConfig {
  const value = toJs(text) as { ignored?: unknown; override?: unknown; trustedRegistries?: unknown };
  const out: Record<string, SeveritySetting> = {};
  if (value.override && typeof value.override === 'object') {
    for (const [level, names] of Object.entries(value.override as Record<string, unknown>)) {
      const severity = HADOLINT_LEVELS[level];
      if (severity) for (const name of strings(names)) for (const rule of rulesNamed(rules, name)) out[rule.id] = severity;
    }
  }
  for (const name of strings(value.ignored)) for (const rule of rulesNamed(rules, name)) out[rule.id] = 'off';
  const trusted = strings(value.trustedRegistries);
  return { rules: out, ...(trusted.length ? { trustedRegistries: trusted } : {}) };
}

/** Later configs win, rule by rule. */
export function mergeConfigs(...configs: (EngineConfig | undefined)[]): EngineConfig {
  const merged: EngineConfig = { rules: {} };
  for (const config of configs) {
    if (!config) continue;
    Object.assign(merged.rules as object, config.rules);
    if (config.trustedRegistries) merged.trustedRegistries = config.trustedRegistries;
  }
  return merged;
}
