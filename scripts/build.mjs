// Bundles the action (dist/index.js) and the command line (dist/cli.js) as ESM for Node 20+,
// and emits the library (lib/, with type declarations) with tsc. The output is deterministic so
// that CI can compare a fresh build with the committed dist/.
import {build} from 'esbuild'
import {execFileSync} from 'node:child_process'
import {rmSync} from 'node:fs'
import {NODE_BUNDLE} from './esbuild-node.mjs'

rmSync('dist', {recursive: true, force: true})
// One build with code splitting: the action and the command line share chunks, and what is only
// imported dynamically (the Actions cache client, Octokit, the tool cache) loads only when used,
// so a job that needs none of them does not parse them at start-up.
await build({
  ...NODE_BUNDLE,
  entryPoints: {index: 'src/bin/action.ts', cli: 'src/bin/cli.ts'},
  outdir: 'dist',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]'
})

rmSync('lib', {recursive: true, force: true})
// --noCheck: emit only. Type checking is `npm run lint`'s job (tsc --noEmit over src, tests and
// scripts, which CI runs before the build); checking again here cost about 5 s of CPU per build
// (13 s against 8 s), paid by CI and by every `npm pack` (prepack), e2e/cli-package.test.ts's
// included. The emitted lib/ is byte for byte the same.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--noCheck'], {stdio: 'inherit'})
