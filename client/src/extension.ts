import * as path from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** Compose files VS Code has no `dockercompose` language for still get served as YAML. */
const COMPOSE_PATTERNS = ['**/compose*.{yml,yaml}', '**/docker-compose*.{yml,yaml}'];

export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  // The server generates no code at run time (the Compose validators are generated ahead of
  // time), so eval and new Function stay off: nothing a file says can become code.
  const hardened = ['--disallow-code-generation-from-strings'];
  // glibc gives each thread that allocates an arena of its own; two are plenty for a server
  // that works on one thread, and take about 9 MiB off its peak. A value the user set stands.
  const env = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2' };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: hardened, env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...hardened, '--nolazy', '--inspect=6009'], env } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'dockerfile' },
      { language: 'dockercompose' },
      { language: 'dockerignore' },
      { language: 'ignore', pattern: '**/*.dockerignore' },
      { language: 'ignore', pattern: '**/.dockerignore' },
      ...COMPOSE_PATTERNS.map((pattern) => ({ language: 'yaml', pattern })),
    ],
    synchronize: {
      configurationSection: 'dockerPatterns',
      // Files other documents' rules read: configs, ignore files, env files, lockfiles, and the
      // Dockerfiles and Compose files that Compose files point at.
      fileEvents: workspace.createFileSystemWatcher(
        '**/{.docker-patterns.y*ml,.hadolint.y*ml,*.dockerignore,.dockerignore,.env,*.env,package-lock.json,yarn.lock,pnpm-lock.yaml,Dockerfile*,*.Dockerfile,*.dockerfile,Containerfile*,compose*.y*ml,docker-compose*.y*ml}',
      ),
    },
  };
  client = new LanguageClient('dockerPatterns', 'Docker Patterns', serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
