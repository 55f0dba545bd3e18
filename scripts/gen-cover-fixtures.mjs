#!/usr/bin/env node
/**
 * Regenerates the coverage fixtures: for every Go module under __tests__/fixtures/cover/modules
 * and every Go toolchain on the machine, the profiles Go writes and what Go itself prints about
 * them, so the tests compare the engine with Go's own numbers without running Go each time.
 *
 *   node scripts/gen-cover-fixtures.mjs [GOROOT...]
 *
 * GOROOTs default to $GO_MATRIX_GOROOTS (colon-separated), else every toolchain scripts/setup.sh
 * installs (scripts/toolchains.mjs).
 * Per version and module, in __tests__/fixtures/cover/profiles/<version>/<module>/:
 *   set.out, test-set.txt, func-set.txt       go test -coverprofile ./... (Go's default mode)
 *   test-set.json                             the same run with -json, as go-matrix runs it (which
 *                                             packages have no test files, what each printed)
 *   count.out, test-count.txt, func-count.txt go test -covermode=count -coverpkg=./... (blocks repeat per test binary)
 * and __tests__/fixtures/cover/profiles/manifest.json lists what was generated with which GOROOT.
 * Every run passes -count=1: Go 1.25 and later cache -coverprofile results, and a cached result
 * would not be this toolchain's fresh run. Test durations and event times are removed from
 * test-* so regenerating changes nothing when Go does not.
 */
import {execFileSync} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {gorootOf, installedGoMinors} from './toolchains.mjs'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const fixtures = path.join(root, '__tests__', 'fixtures', 'cover')
const modulesDir = path.join(fixtures, 'modules')
const profilesDir = path.join(fixtures, 'profiles')

function defaultGoroots() {
  if (process.env.GO_MATRIX_GOROOTS) return process.env.GO_MATRIX_GOROOTS.split(':').filter(Boolean)
  return installedGoMinors().map(minor => gorootOf(minor))
}

function go(goroot, args, cwd) {
  return execFileSync(path.join(goroot, 'bin', 'go'), args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot, GOFLAGS: '', GO111MODULE: 'on'},
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

/** `ok  \tpkg\t0.003s\tcoverage: …` -> `ok  \tpkg\tcoverage: …`: durations differ from run to run. */
function stripDurations(text) {
  return text.replace(/\t\d+\.\d+s\t/g, '\t').replace(/\t\(cached\)\t/g, '\t')
}

/** A `go test -json` stream without its times (Time, Elapsed, `(0.00s)` and package durations in Output). */
function stripEventTimes(stream) {
  return stream
    .split('\n')
    .filter(line => line.startsWith('{'))
    .map(line => {
      const {Time: _time, Elapsed: _elapsed, ...event} = JSON.parse(line)
      if (typeof event.Output === 'string') event.Output = stripDurations(event.Output).replace(/ \(\d+\.\d+s\)/g, '')
      return JSON.stringify(event)
    })
    .join('\n') + '\n'
}

const goroots = process.argv.length > 2 ? process.argv.slice(2) : defaultGoroots()
if (goroots.length === 0) {
  console.error('gen-cover-fixtures: no Go toolchains found; pass GOROOTs as arguments')
  process.exit(2)
}
const modules = readdirSync(modulesDir).filter(name => existsSync(path.join(modulesDir, name, 'go.mod')))
rmSync(profilesDir, {recursive: true, force: true})
const manifest = []
for (const goroot of goroots) {
  const version = go(goroot, ['env', 'GOVERSION'], root).trim().replace(/^go/, '')
  for (const module of modules) {
    const moduleDir = path.join(modulesDir, module)
    const out = path.join(profilesDir, version, module)
    mkdirSync(out, {recursive: true})
    const runs = {
      set: ['test', '-count=1', `-coverprofile=${path.join(out, 'set.out')}`, './...'],
      count: ['test', '-count=1', '-covermode=count', '-coverpkg=./...', `-coverprofile=${path.join(out, 'count.out')}`, './...']
    }
    for (const [name, args] of Object.entries(runs)) {
      writeFileSync(path.join(out, `test-${name}.txt`), stripDurations(go(goroot, args, moduleDir)))
      writeFileSync(path.join(out, `func-${name}.txt`), go(goroot, ['tool', 'cover', `-func=${path.join(out, `${name}.out`)}`], moduleDir))
    }
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'gen-cover-fixtures-'))
    try {
      const json = go(goroot, ['test', '-count=1', '-json', `-coverprofile=${path.join(scratch, 'set.out')}`, './...'], moduleDir)
      writeFileSync(path.join(out, 'test-set.json'), stripEventTimes(json))
    } finally {
      rmSync(scratch, {recursive: true, force: true})
    }
    manifest.push({version, module, goroot})
    console.log(`${version} ${module}: ${path.relative(root, out)}`)
  }
}
writeFileSync(path.join(profilesDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
