/**
 * Jest's transform for the TypeScript sources and tests: esbuild's transform, one file at a time, to
 * native ESM with an inline source map (so failures point at .ts lines).
 *
 * Why not ts-jest: with `isolatedModules` (tsconfig.json) ts-jest only transpiles too, type checking
 * being `npm run lint`'s job (tsc --noEmit over src, __tests__, bench and scripts), but it loads the
 * TypeScript compiler into every worker and transpiles with it, which cost about 17 s of CPU over 62
 * test files on a fresh clone (no transform cache yet) on a 2-core machine; esbuild, already what
 * builds dist/, does the same work in a few milliseconds a file. The esbuild packages for Jest on npm
 * are unmaintained (esbuild-jest, es-jest: last released 2021-2022), and @swc/jest would add a second
 * native compiler for one job, so this is the whole transform.
 *
 * The options follow tsconfig.json's: ES2022 class fields (useDefineForClassFields, as tsc emits for
 * that target), imports kept as written (verbatimModuleSyntax).
 */
import {transformSync, version} from 'esbuild'
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

/** Node 20 runs ES2022 as it is: nothing is lowered. */
const OPTIONS = {
  loader: 'ts',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  tsconfigRaw: {compilerOptions: {useDefineForClassFields: true, verbatimModuleSyntax: true}}
}

/** Changes when esbuild, these options or this file do, so that Jest's cache never serves stale output. */
const TRANSFORM_KEY = createHash('sha256')
  .update(`${version}\0${JSON.stringify(OPTIONS)}\0`)
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex')

function process(sourceText, sourcePath) {
  const {code} = transformSync(sourceText, {...OPTIONS, sourcefile: sourcePath})
  return {code}
}

function cacheKey(sourceText, sourcePath) {
  return createHash('sha256').update(`${TRANSFORM_KEY}\0${sourcePath}\0`).update(sourceText).digest('hex')
}

export default {
  canInstrument: false,
  process,
  processAsync: async (sourceText, sourcePath) => process(sourceText, sourcePath),
  getCacheKey: cacheKey,
  getCacheKeyAsync: async (sourceText, sourcePath) => cacheKey(sourceText, sourcePath)
}
