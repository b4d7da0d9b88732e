// What every VS Code server session started from these scripts shares: user
// settings that keep prompts and side panels out of the way, and an environment
// that keeps the server's files out of the home folder.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const USER_SETTINGS = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  // Keeps the chat side bar from covering a third of every screenshot.
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export function seedUserSettings(userDataDir) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2) + '\n');
}

/**
 * The current environment with the folders the server writes to moved into
 * `scratch`: XDG config and data (code-server's config and logs), and the temp
 * and runtime folders (the IPC sockets of the server, its agent host and the git
 * extension, which a killed server never removes). Variables a surrounding
 * VS Code sets are dropped, as they would make the server talk to that VS Code.
 */
export function isolatedEnv(scratch, extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VSCODE_|ELECTRON_)/.test(k)));
  const dirs = { XDG_CONFIG_HOME: 'config', XDG_DATA_HOME: 'data', XDG_RUNTIME_DIR: 'run', TMPDIR: 'tmp' };
  for (const [key, name] of Object.entries(dirs)) {
    env[key] = join(scratch, name);
    mkdirSync(env[key], { recursive: true, mode: 0o700 });
  }
  return { ...env, ...extra };
}
