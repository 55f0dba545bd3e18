#!/usr/bin/env node
/**
 * Records the `go test -json` streams the runner parses, as every Go version on the machine
 * writes them, so src/runner/test-json.ts is tested on real output without running Go each time.
 *
 *   node scripts/gen-test-json-fixtures.mjs [GOROOT...]
 *
 * GOROOTs default to every toolchain scripts/setup.sh installs (scripts/toolchains.mjs). The
 * module is __tests__/fixtures/test-json/module (passing and failing tests, subtests, a skip, a
 * panic, a slow test, a line longer than test2json's buffer, a package that does not compile, one
 * whose dependency does not, one whose test file does not, one without tests). It is copied to a
 * fixed folder first, so the paths in the streams do not depend on where the repository is.
 *
 * Per version, in __tests__/fixtures/test-json/streams/<version>/, the runner's own command
 * (`go test -json -coverprofile=… ./...`) three times in a row:
 *   fresh.json, fresh.stderr     with -count=1: every package's tests run
 *   (a second run without -count, not kept, fills Go's test cache)
 *   cached.json, cached.stderr   without -count: Go 1.25 and later replay passing packages from
 *                                their test cache (`ok  \tpkg\t(cached)\tcoverage: …`); earlier
 *                                versions never cache a run that writes a coverage profile
 * and streams/manifest.json lists each with its exit status.
 */
import {spawnSync} from 'node:child_process'
import {cpSync, mkdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {gorootOf, installedGoMinors, versionAt} from './toolchains.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = path.join(root, '__tests__', 'fixtures', 'test-json')
const streamsDir = path.join(fixtures, 'streams')
const moduleCopy = path.join(os.tmpdir(), 'go-matrix-test-json-module')
/** Each version's build and test caches (the tests' shared ones, so the standard library is compiled once). */
const caches = path.join(os.tmpdir(), 'go-matrix-test-go-caches')

const goroots = process.argv.length > 2 ? process.argv.slice(2) : installedGoMinors().map(minor => gorootOf(minor))
if (goroots.length === 0) {
  console.error('gen-test-json-fixtures: no Go toolchains found; pass GOROOTs as arguments')
  process.exit(2)
}

rmSync(moduleCopy, {recursive: true, force: true})
cpSync(path.join(fixtures, 'module'), moduleCopy, {recursive: true})
rmSync(streamsDir, {recursive: true, force: true})
const manifest = []
for (const goroot of goroots) {
  const version = versionAt(goroot)
  const out = path.join(streamsDir, version)
  mkdirSync(out, {recursive: true})
  const env = {
    PATH: `${path.join(goroot, 'bin')}:/usr/bin:/bin`,
    HOME: os.tmpdir(),
    GOROOT: goroot,
    GOCACHE: path.join(caches, version, 'gocache'),
    GOMODCACHE: path.join(caches, 'mod'),
    GOPATH: path.join(os.tmpdir(), 'go-matrix-test-json-gopath'),
    GOTOOLCHAIN: 'local',
    GOPROXY: 'off',
    GOFLAGS: '-modcacherw'
  }
  const run = (name, extra) => {
    const args = ['test', '-json', `-coverprofile=${path.join(os.tmpdir(), `go-matrix-test-json-${version}.out`)}`, ...extra, './...']
    const r = spawnSync(path.join(goroot, 'bin', 'go'), args, {cwd: moduleCopy, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    if (r.error) throw r.error
    if (name) {
      writeFileSync(path.join(out, `${name}.json`), r.stdout)
      writeFileSync(path.join(out, `${name}.stderr`), r.stderr)
      manifest.push({version, run: name, exitCode: r.status})
      console.log(`${version} ${name}: exit ${r.status}, ${r.stdout.split('\n').length - 1} lines`)
    }
  }
  run('fresh', ['-count=1'])
  run('', [])
  run('cached', [])
}
writeFileSync(path.join(streamsDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
