// Bundles the action (dist/index.js) and the command line (dist/cli.js) as ESM for Node 20+,
// and emits the library (lib/, with type declarations) with tsc. The output is deterministic so
// that CI can compare a fresh build with the committed dist/.
import {build} from 'esbuild'
import {execFileSync} from 'node:child_process'
import {rmSync} from 'node:fs'

// Bundled CommonJS dependencies call require() on Node built-ins; an ESM bundle has no require.
const banner = {
  js: "import {createRequire as __goMatrixCreateRequire} from 'node:module';\nconst require = __goMatrixCreateRequire(import.meta.url);"
}

rmSync('dist', {recursive: true, force: true})
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  legalComments: 'none',
  logLevel: 'warning'
}
// One build with code splitting: the action and the command line share chunks, and what is only
// imported dynamically (the Actions cache client, Octokit, the tool cache) loads only when used,
// so a job that needs none of them does not parse them at start-up.
await build({
  ...common,
  entryPoints: {index: 'src/bin/action.ts', cli: 'src/bin/cli.ts'},
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]'
})

rmSync('lib', {recursive: true, force: true})
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {stdio: 'inherit'})
