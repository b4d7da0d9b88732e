import type { EngineConfig, SeveritySetting } from '../engine/types';

/** The `dockerPatterns.*` settings, as VS Code sends them. */
export interface Settings {
  enable: boolean;
  rules: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: Settings = { enable: true, rules: {} };

const SEVERITIES = new Set<SeveritySetting>(['off', 'hint', 'info', 'warning', 'error']);

/** Keeps only well-formed values, so a typo in settings.json cannot break linting. */
export function readSettings(raw: unknown): Settings {
  if (!raw || typeof raw !== 'object') return DEFAULT_SETTINGS;
  const value = raw as { enable?: unknown; rules?: unknown };
  const rules: Record<string, SeveritySetting> = {};
  if (value.rules && typeof value.rules === 'object') {
    for (const [id, severity] of Object.entries(value.rules as Record<string, unknown>)) {
      if (SEVERITIES.has(severity as SeveritySetting)) rules[id.toUpperCase()] = severity as SeveritySetting;
    }
  }
  return { enable: value.enable !== false, rules };
}

export function engineConfig(settings: Settings): EngineConfig {
  return { rules: settings.rules };
}
