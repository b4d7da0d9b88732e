import type { EngineConfig, SeveritySetting } from '../engine/types';

/** The `dockerPatterns.*` settings, as VS Code sends them. */
export interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
  /** DF302's list; empty leaves it to the project's config files. */
  trustedRegistries: string[];
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {}, trustedRegistries: [] };

const SEVERITIES = new Set<SeveritySetting>(['off', 'hint', 'info', 'warning', 'error']);

/** Keeps only well-formed values, so a typo in settings.json cannot break linting. */
export function readSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const value = raw as { enable?: unknown; rules?: unknown; trustedRegistries?: unknown };
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (SEVERITIES.has(severity as SeveritySetting)) rules[id.toUpperCase()] = severity as SeveritySetting;
    }
  }
  const listed = Array.isArray(value.trustedRegistries) ? (value.trustedRegistries as unknown[]) : [];
  const trustedRegistries = listed.flatMap((entry) => (typeof entry === 'string' && entry.trim() !== '' ? [entry.trim()] : []));
  return { enable: value.enable !== false, rules, trustedRegistries };
}

export function engineConfig(settings: Settings): EngineConfig {
  return { rules: settings.rules, ...(settings.trustedRegistries.length ? { trustedRegistries: settings.trustedRegistries } : {}) };
}
