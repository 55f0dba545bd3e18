/**
 * The runner issue's "done when", through dist/index.js run as a runner runs it: on a module with
 * several packages it reports, for an old, a middle and the two newest Go versions (1.21, 1.24,
 * and `oldstable` and `stable`, which resolve to 1.26 and 1.27 against the loopback mirror), the
 * statement coverage that `go test -cover` prints under each of them, also when
 * Go 1.25+ replays packages from its test cache; it skips versions below the module's go line;
 * it reports failing tests by name; and it never runs a go other than the version's own.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFileSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {chmod, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type RunnerDirs} from './runner-env.js'
import {gorootOf, versionAt} from '../../scripts/toolchains.mjs'
import {sharedVersionDirs} from '../helpers/go-caches.js'

const repo = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repo, 'dist/index.js')
const MINORS = ['1.21', '1.24', '1.26', '1.27']
/** Only skipped (no compile): an old version below needs123's go line. */
const OLD = '1.19'
const fixture = (name: string) => `__tests__/fixtures/modules/${name}`

/** What `go test -cover` prints per package under one toolchain: import path → "85.7". */
function goTestCover(goroot: string, moduleDir: string, home: string): Map<string, string> {
  let out: string
  try {
    out = execFileSync(path.join(goroot, 'bin/go'), ['test', '-cover', './...'], {
      cwd: moduleDir,
      env: {
        PATH: `${goroot}/bin:/usr/bin:/bin`,
        HOME: home,
        GOROOT: goroot,
        GOCACHE: sharedVersionDirs(goroot, versionAt(goroot), home).gocache,
        GOTOOLCHAIN: 'local',
        GOPROXY: 'off',
        GOFLAGS: '-count=1'
      },
      stdio: ['ignore', 'pipe', 'pipe']
    }).toString()
  } catch (err) {
    out = String((err as {stdout?: Buffer}).stdout ?? '')
  }
  const coverage = new Map<string, string>()
  for (const m of out.matchAll(/^(?:ok\s+)?\s*(\S+)\s+(?:\S+s\s+)?coverage: ([\d.]+)% of statements/gm)) {
    coverage.set(m[1] as string, m[2] as string)
  }
  return coverage
}

describe('dist/index.js runs a module under every version', () => {
  let mirror: GoMirror
  let dirs: RunnerDirs
  let brokenGoMarker: string
  let pathWithBrokenGo: string

  beforeAll(async () => {
    // The index only: every version runs its local toolchain, so no archive is packed or served.
    mirror = await startGoMirror({versions: []})
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-run-'))
    dirs = {root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: repo}
    // A broken go first on PATH, as a self-hosted machine might have: it must never run.
    const bin = path.join(root, 'bad-bin')
    brokenGoMarker = path.join(root, 'broken-go-ran')
    await execFileSync('mkdir', ['-p', bin])
    await writeFile(path.join(bin, 'go'), `#!/bin/sh\necho ran >> ${brokenGoMarker}\nexit 3\n`)
    await chmod(path.join(bin, 'go'), 0o755)
    pathWithBrokenGo = `${bin}:${process.env.PATH}`
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    if (dirs) await rm(dirs.root, {recursive: true, force: true})
  })

  const inputs = (module: string, versions: string[], report: string) => ({
    'go-versions': versions.join(','),
    'download-base-url': mirror.baseUrl,
    'local-toolchains': [OLD, ...MINORS].map(m => gorootOf(m)).join('\n'),
    'working-directory': fixture(module),
    'report-directory': path.join(dirs.root, report),
    // Versions instrument different statements (Go 1.22 counts packages without tests); this
    // test is about the numbers, not the gate.
    'max-version-delta': '100'
  })

  it('reports the statement coverage go test -cover prints, per package, under each version', async () => {
    // oldstable and stable resolve against the mirror's index as on go.dev today: Go 1.26 and 1.27.
    const specs = ['1.21', '1.24', 'oldstable', 'stable']
    const run = await runAction(bundle, dirs, inputs('multi', specs, 'multi'), {PATH: pathWithBrokenGo, GOROOT: '/nonexistent', GOTOOLCHAIN: 'go1.99.0'})
    expect(run.code).toBe(0)
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    expect(
      report.versions.map((v: {spec: string; version: string; status: string; toolchain: {source: string}}) => [v.spec, v.version, v.status, v.toolchain.source])
    ).toEqual([
      ['1.21', '1.21.13', 'passed', 'local'],
      ['1.24', '1.24.4', 'passed', 'local'],
      ['oldstable', '1.26.11', 'passed', 'local'],
      ['stable', '1.27.4', 'passed', 'local']
    ])
    for (const [i, minor] of MINORS.entries()) {
      const version = report.versions[i]
      const printed = goTestCover(gorootOf(minor), path.join(repo, fixture('multi')), dirs.root)
      expect(printed.size).toBeGreaterThan(1)
      const ours = new Map<string, string>(
        version.coverage.packages.map((p: {name: string; statements: {percent: number}}) => [p.name, p.statements.percent.toFixed(1)])
      )
      expect(ours).toEqual(printed)
      // Every go command is a step, the tests too: its command line, time and exit status.
      expect(version.steps.map((s: {name: string; ok: boolean; exitCode: number}) => [s.name, s.ok, s.exitCode])).toEqual([
        ['build', true, 0],
        ['test', true, 0]
      ])
      expect(version.steps[1].command).toBe(`go test -json -coverprofile=${path.join(dirs.root, 'multi', version.version, 'coverage.out')} ./...`)
      expect(version.steps[1].seconds).toBeGreaterThan(0)
      expect(typeof version.cachedPackages).toBe('number')
    }
    // Go 1.22 counts the package without tests; 1.21 does not, and the like-for-like delta says so.
    const names = (i: number) => report.versions[i].coverage.packages.map((p: {name: string}) => p.name)
    expect(names(0)).not.toContain('example.com/multi/notests')
    expect(names(1)).toContain('example.com/multi/notests')
    expect(existsSync(brokenGoMarker)).toBe(false)
    // Each version's log group: its commands and a line per package, not the test-by-test stream.
    expect(run.stdout).toMatch(/^::group::Go 1\.27\.4: passed, 9 passed, 0 failed, 1 skipped/m)
    expect(run.stdout).toMatch(/^ok {2}\texample\.com\/multi\/calc\t(\(cached\)|[\d.]+s)\tcoverage: 54\.5% of statements$/m)
    expect(run.stdout).not.toContain('=== RUN')
  })

  it('reports the packages Go 1.25+ replays from its test cache, with the coverage go test -cover prints', async () => {
    // Step debug logging (RUNNER_DEBUG=1, as a re-run with debug logging sets) shows go test's whole output.
    const again = () => runAction(bundle, dirs, inputs('multi', ['1.24', '1.27'], 'multi-cached'), {RUNNER_DEBUG: '1'})
    expect((await again()).code).toBe(0)
    const run = await again()
    expect(run.code).toBe(0)
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    // Before Go 1.25 a run with -coverprofile is never cached; Go 1.27 replays every package that has tests.
    expect(report.versions.map((v: {version: string; cachedPackages: number}) => [v.version, v.cachedPackages])).toEqual([
      ['1.24.4', 0],
      ['1.27.4', 3]
    ])
    const stream = await readFile(path.join(dirs.root, 'multi-cached', '1.27.4', 'test.json'), 'utf8')
    expect(stream).toContain('"Output":"ok  \\texample.com/multi/calc\\t(cached)\\tcoverage: 54.5% of statements\\n"')
    for (const [i, minor] of ['1.24', '1.27'].entries()) {
      const ours = new Map<string, string>(
        report.versions[i].coverage.packages.map((p: {name: string; statements: {percent: number}}) => [p.name, p.statements.percent.toFixed(1)])
      )
      expect(ours).toEqual(goTestCover(gorootOf(minor), path.join(repo, fixture('multi')), dirs.root))
      expect(report.versions[i].tests).toEqual({passed: 9, failed: 0, skipped: 1, failures: []})
    }
    expect(run.stdout).toContain("::group::Go 1.27.4: passed, 9 passed, 0 failed, 1 skipped, 3 of 4 packages from Go's test cache, ")
    expect(run.stdout).toContain('=== RUN   TestAdd')
  })

  it('skips the versions below the module’s go line, the same way on every version', async () => {
    const run = await runAction(bundle, dirs, inputs('needs123', [OLD, '1.21', '1.27'], 'needs123'))
    expect(run.code).toBe(0)
    const results = JSON.parse(run.outputs.results as string)
    expect(results.map((r: {version: string; status: string}) => [r.version, r.status])).toEqual([
      ['1.19.8', 'skipped'],
      ['1.21.13', 'skipped'],
      ['1.27.4', 'passed']
    ])
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    expect(report.versions[0].reason).toBe('go.mod requires go >= 1.23')
    expect(run.summary).toContain('go.mod requires go &gt;= 1.23')
  })

  it('reports failing tests by name and fails the job after writing every report', async () => {
    const run = await runAction(bundle, dirs, inputs('broken', ['1.21', '1.27'], 'broken'))
    expect(run.code).toBe(1)
    expect(run.outputs.passed).toBe('false')
    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    const failed = report.versions.map((v: {tests: {failures: {test: string}[]}}) => v.tests.failures.map(f => f.test).sort())
    for (const names of failed) expect(names).toEqual(expect.arrayContaining(['TestAt', 'TestHalf', 'TestHalf/odd']))
    // The test step says how go test ended.
    for (const v of report.versions) expect(v.steps.at(-1)).toMatchObject({name: 'test', ok: false, exitCode: 1})
    expect(run.stdout).toMatch(/::error::❌ Go 1\.21\.13 failed: \d+ tests failed \(/)
    expect(run.summary.split('\n')[0]).toMatch(/^❌ Go 1\.21\.13 failed/)
    for (const file of ['report.json', 'merged.lcov', 'merged.out', 'summary.md', '1.21.13/test.json', '1.27.4/coverage.out']) {
      expect(existsSync(path.join(dirs.root, 'broken', file))).toBe(true)
    }
    // Annotations at file:line for the failures.
    expect(run.stdout).toMatch(/::error file=__tests__\/fixtures\/modules\/broken\/mathx\/mathx_test\.go,line=\d+/)
    // The log group shows each failing test with its output, as go test without -v does.
    expect(run.stdout).toContain('--- FAIL: TestHalf/odd (example.com/broken/mathx, 0.00s)\n    mathx_test.go:19: Half(5) = 3, want 2')
  })
})
