// How go-matrix bundles for Node: ESM for Node 20+, the options dist/ is built with
// (scripts/build.mjs) and the tests bundle the Actions cache client with
// (__tests__/helpers/actions-cache.ts), so that the client the tests run is bundled as the one
// that ships.

// Bundled CommonJS dependencies call require() on Node built-ins; an ESM bundle has no require.
const banner = {
  js: "import {createRequire as __goMatrixCreateRequire} from 'node:module';\nconst require = __goMatrixCreateRequire(import.meta.url);"
}

export const NODE_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  banner,
  legalComments: 'none',
  logLevel: 'warning'
}
