// The CLI as one file with every dependency inside: packages ship it outside app.asar
// (resources/cli/servermark.mjs), where the system's node runs it with no node_modules.
import { readFile } from 'node:fs/promises';

const MIN_NODE_MAJOR = 20;

// Checked before anything else runs, so an old node gets a sentence instead of a syntax error.
const NODE_CHECK = `
if (Number(process.versions.node.split('.')[0]) < ${MIN_NODE_MAJOR}) {
  process.stderr.write('servermark needs Node.js ${MIN_NODE_MAJOR} or newer (this is ' + process.version + '). Install a newer nodejs, then run servermark again.\\n');
  process.exit(1);
}`;

// CommonJS dependencies (dbus-native) call require(); an ESM bundle has none of its own.
const REQUIRE_SHIM = `import { createRequire as __servermarkCreateRequire } from 'node:module';
const require = __servermarkCreateRequire(import.meta.url);`;

/** The bundle has no package.json beside it: its version is written in at build time. */
function versionPlugin(version) {
  return {
    name: 'servermark-version',
    setup(build) {
      build.onLoad({ filter: /main[\\/]cli[\\/]version\.ts$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('export function cliVersion')) {
          throw new Error(`${args.path} no longer exports cliVersion(): update cliBundle.mjs`);
        }
        return {
          contents: `export function cliVersion(): string { return ${JSON.stringify(version)}; }\n`,
          loader: 'ts',
        };
      });
    },
  };
}

/** esbuild options for dist/cli/servermark.mjs. */
export function cliBundleOptions(version) {
  return {
    entryPoints: { servermark: 'main/cli/bin/packaged.ts' },
    outdir: 'dist/cli',
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    logLevel: 'warning',
    banner: { js: `#!/usr/bin/env node${NODE_CHECK}\n${REQUIRE_SHIM}` },
    plugins: [versionPlugin(version)],
  };
}
