/**
 * One folder of Go caches for every test that runs Go: each version's GOCACHE and the module cache,
 * laid out as go-matrix lays out its cache folder (GO_MATRIX_CACHE_DIR), so that the runner's tests,
 * the bundle's end-to-end tests and their cross-checks with go itself compile the standard library
 * once per version, not once per test file. Go's caches are content-addressed, keyed by toolchain and
 * safe for concurrent use, so sharing them changes no result, only the time.
 */
import {mkdirSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {versionDirs, type IsolationDirs} from '../../src/runner/env.js'
import {matrixPaths} from '../../src/runner/matrix.js'

export const SHARED_GO_CACHES = path.join(os.tmpdir(), 'go-matrix-test-go-caches')

/**
 * The isolation folders of one version whose caches are the shared ones, its GOPATH and go.env under
 * workDir. Its GOTMPDIR is made here, as the runner makes it before a version runs: go refuses to
 * start without it.
 */
export function sharedVersionDirs(goroot: string, version: string, workDir: string): IsolationDirs {
  const dirs = versionDirs(goroot, matrixPaths({workDir, cacheDir: SHARED_GO_CACHES}), version)
  mkdirSync(dirs.gotmpdir, {recursive: true})
  return dirs
}
