import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { HADOLINT_CONFIG_FILES, mergeConfigs, parseHadolintConfig, parseProjectConfig, PROJECT_CONFIG_FILES, RULES, type EngineConfig } from '../engine';

export interface LoadedConfig {
  config: EngineConfig;
  /** Problems reading a config file, to show the user once. */
  errors: string[];
}

function nearest(folder: string, names: readonly string[]): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    for (const name of names) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    if (dir === dirname(dir)) return undefined;
  }
}

/**
 * The config for files in a folder: the nearest `.hadolint.yaml`, overridden by the nearest
 * `.docker-patterns.yaml`. A broken file is reported and skipped, never fatal.
 */
export function loadProjectConfig(folder: string): LoadedConfig {
  const errors: string[] = [];
  const read = (path: string | undefined, parse: (text: string) => EngineConfig): EngineConfig | undefined => {
    if (!path) return undefined;
    try {
      return parse(readFileSync(path, 'utf8'));
    } catch (error) {
      errors.push(`${path}: ${(error as Error).message}`);
      return undefined;
    }
  };
  const hadolint = read(nearest(folder, HADOLINT_CONFIG_FILES), (t) => parseHadolintConfig(t, RULES));
  const ours = read(nearest(folder, PROJECT_CONFIG_FILES), parseProjectConfig);
  return { config: mergeConfigs(hadolint, ours), errors };
}
