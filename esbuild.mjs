// Bundles the extension client, the language server and the CLI into dist/.
// `vscode` stays external: the editor provides it at run time.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Without the default "module" condition, packages resolve to their CommonJS builds: through
  // esbuild's ESM-to-CJS wrappers every use of an export became a getter call, and dockerfile-ast
  // makes millions of `Range.create` calls through vscode-languageserver-types.
  conditions: [],
};

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/lsp/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
]);
