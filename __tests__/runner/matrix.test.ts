/**
 * The runner end to end under the real toolchains of the machine (Go 1.21, 1.24, 1.26, 1.27, see
 * helpers.ts and scripts/setup.sh) on the fixture modules of __tests__/fixtures/modules. Build
 * caches are shared across runs (helpers.ts), so only the first run compiles the standard library.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFileSync} from 'node:child_process'
import {chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type {Toolchain} from '../../src/go/toolchain.js'
import {isolatedEnv} from '../../src/runner/env.js'
import {matrixPaths, readModuleInfo, runMatrix} from '../../src/runner/matrix.js'
import type {RunRequest, VersionRun} from '../../src/runner/types.js'
import {FIXTURES, MINORS, SHARED_WORK_DIR, killAll, localToolchain, processesMatching, recordingLogger, sleepers, uniqueSeconds} from './helpers.js'
import {SHARED_GO_CACHES, sharedVersionDirs} from '../helpers/go-caches.js'

const toolchains = Object.fromEntries(MINORS.map(m => [m, localToolchain(m)])) as Record<(typeof MINORS)[number], Toolchain>
const all = MINORS.map(m => toolchains[m])
let scratch: string
let decoy: string
let marker: string

beforeAll(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-runner-'))
  // A broken `go` first on PATH, as a runner image or a self-hosted machine might have: it leaves a
  // marker when anything runs it.
  decoy = path.join(scratch, 'decoy-bin')
  marker = path.join(scratch, 'decoy-was-run')
  execFileSync('mkdir', ['-p', decoy])
  writeFileSync(path.join(decoy, 'go'), `#!/bin/sh\necho "$@" >> '${marker}'\nexit 97\n`)
  chmodSync(path.join(decoy, 'go'), 0o755)
})

afterAll(() => {
  // Only reached with leftovers when a test failed: never leave a hanging fixture or a daemon running.
  killAll(processesMatching('sleeper.test'))
  killAll(daemons.flatMap(sleepers))
  rmSync(scratch, {recursive: true, force: true})
})

/** The `sleep` arguments of the daemons the daemon fixture was asked to start. */
const daemons: string[] = []

/** The inherited environment, with what the runner must drop or override set to harmful values. */
function hostileEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${decoy}:${process.env.PATH ?? '/usr/bin:/bin'}`,
    GOROOT: '/nonexistent/goroot',
    GOOS: 'windows',
    GOARCH: 'arm64',
    GOTOOLCHAIN: 'go1.99.0',
    GOBIN: '/nonexistent/gobin',
    GOPROXY: 'off',
    GOFLAGS: '-count=1'
  }
}

function request(module: string, overrides: Partial<RunRequest> = {}): RunRequest {
  return {
    toolchains: all,
    moduleDir: path.join(FIXTURES, module),
    packages: ['./...'],
    build: true,
    vet: false,
    buildTargets: [],
    testFlags: [],
    coverMode: '',
    coverPackages: '',
    maxParallel: 2,
    timeoutMinutes: 5,
    reportDir: path.join(scratch, `${module}-${Math.random().toString(36).slice(2)}`),
    workDir: SHARED_WORK_DIR,
    cacheDir: SHARED_GO_CACHES,
    env: hostileEnv(),
    logger: recordingLogger().logger,
    ...overrides
  }
}

interface Count {
  covered: number
  total: number
}

/** Statements per package from a coverprofile; duplicate blocks (-coverpkg) count once, covered if any copy is. */
function statementsByPackage(profile: string): Map<string, Count> {
  const blocks = new Map<string, {stmts: number; covered: boolean}>()
  for (const line of readFileSync(profile, 'utf8').split('\n').slice(1)) {
    const m = /^(.+):(\d+\.\d+,\d+\.\d+) (\d+) (\d+)$/.exec(line)
    if (!m) continue
    const key = `${m[1]}:${m[2]}`
    const known = blocks.get(key)
    blocks.set(key, {stmts: Number(m[3]), covered: (known?.covered ?? false) || Number(m[4]) > 0})
  }
  const byPackage = new Map<string, Count>()
  for (const [key, block] of blocks) {
    const pkg = path.posix.dirname(key.slice(0, key.lastIndexOf(':')))
    const c = byPackage.get(pkg) ?? {covered: 0, total: 0}
    c.total += block.stmts
    if (block.covered) c.covered += block.stmts
    byPackage.set(pkg, c)
  }
  return byPackage
}

function total(counts: Map<string, Count>): Count {
  return [...counts.values()].reduce((a, c) => ({covered: a.covered + c.covered, total: a.total + c.total}), {covered: 0, total: 0})
}

const percent = (c: Count): string => ((100 * c.covered) / c.total).toFixed(1)

/** Runs go itself, isolated the same way, for a cross-check. */
function go(toolchain: Toolchain, module: string, args: string[]): string {
  const env = isolatedEnv(hostileEnv(), sharedVersionDirs(toolchain.goroot, toolchain.version, SHARED_WORK_DIR))
  return execFileSync(path.join(toolchain.goroot, 'bin', 'go'), args, {cwd: path.join(FIXTURES, module), env, encoding: 'utf8'})
}

/** What `go test -cover` prints per package: `ok  \tpkg\t0.1s\tcoverage: 54.5% of statements`. */
function goTestCover(toolchain: Toolchain, module: string): Map<string, string> {
  const found = new Map<string, string>()
  for (const line of go(toolchain, module, ['test', '-cover', './...']).split('\n')) {
    const fields = line.split('\t')
    const cover = fields.map(f => /^coverage: ([\d.]+)% of statements/.exec(f)).find(m => m)
    if (cover && fields[1]) found.set(fields[1], cover[1] as string)
  }
  return found
}

const byVersion = (runs: VersionRun[]): Record<string, VersionRun> =>
  Object.fromEntries(runs.map(r => [r.toolchain.spec, r]))

describe('runMatrix on a module with several packages', () => {
  let runs: VersionRun[]
  const log = recordingLogger()

  beforeAll(async () => {
    runs = await runMatrix(request('multi', {vet: true, buildTargets: [{goos: 'windows', goarch: 'amd64'}], logger: log.logger}))
  }, 600_000)

  it('returns every version in the order of the toolchains, all passed', () => {
    expect(runs.map(r => [r.toolchain.version, r.status, r.reason])).toEqual(all.map(t => [t.version, 'passed', undefined]))
  })

  it('never runs a go other than the version’s own (a test checks `go` on PATH from inside too)', () => {
    expect(existsSync(marker)).toBe(false)
    for (const run of runs) expect(run.tests.failures).toEqual([])
  })

  it('runs build, vet, the cross-compile check and the tests, each with its exit status', () => {
    for (const run of runs) {
      expect(run.steps.map(s => [s.name, s.ok, s.exitCode])).toEqual([
        ['build', true, 0],
        ['vet', true, 0],
        ['build windows/amd64', true, 0],
        ['test', true, 0]
      ])
      expect(run.steps[3]?.args.slice(0, 2)).toEqual(['test', '-json'])
    }
  })

  it('counts tests, subtests and skips; Go 1.22+ also runs the go1.22-only test', () => {
    const tests = byVersion(runs)
    expect(tests['1.21']?.tests).toEqual({passed: 8, failed: 0, skipped: 1, failures: []})
    for (const v of ['1.24', '1.26', '1.27']) expect(tests[v]?.tests).toEqual({passed: 9, failed: 0, skipped: 1, failures: []})
  })

  it('reports exactly the statement coverage Go does, per package, on every version', () => {
    const expected: Record<string, Record<string, Count>> = {
      old: {
        'example.com/multi/calc': {covered: 6, total: 11},
        'example.com/multi/modern': {covered: 2, total: 3},
        'example.com/multi/text': {covered: 1, total: 1}
      },
      new: {
        'example.com/multi/calc': {covered: 6, total: 11},
        'example.com/multi/modern': {covered: 7, total: 9},
        'example.com/multi/notests': {covered: 0, total: 3},
        'example.com/multi/text': {covered: 1, total: 1}
      }
    }
    for (const run of runs) {
      expect(run.profile).toBe(path.join(run.dir, 'coverage.out'))
      const counts = statementsByPackage(run.profile as string)
      const isNew = run.toolchain.spec !== '1.21'
      expect(Object.fromEntries(counts)).toEqual(expected[isNew ? 'new' : 'old'])
      expect(total(counts)).toEqual(isNew ? {covered: 14, total: 24} : {covered: 9, total: 15})
      const fromGo = goTestCover(run.toolchain, 'multi')
      const fromProfile = new Map([...counts].map(([pkg, c]) => [pkg, percent(c)]))
      expect(fromProfile).toEqual(fromGo)
    }
  })

  it('reports packages, the one without tests as skipped before Go 1.22, none from the test cache with -count=1', () => {
    for (const run of runs) {
      const notests = run.packages.find(p => p.name === 'example.com/multi/notests')
      expect(notests?.status).toBe(run.toolchain.spec === '1.21' ? 'skip' : 'pass')
      expect(run.packages.filter(p => p.status === 'fail')).toEqual([])
      // The inherited GOFLAGS=-count=1 (hostileEnv) is kept: every package's tests ran.
      expect(run.packages.filter(p => p.cached)).toEqual([])
    }
  })

  it('writes coverage.out, test.json (the raw stream) and build.log in a folder per version', () => {
    for (const run of runs) {
      expect(run.dir).toMatch(new RegExp(`/${run.toolchain.version.replace(/\./g, '\\.')}$`))
      const stream = readFileSync(path.join(run.dir, 'test.json'), 'utf8')
      expect(JSON.parse(stream.split('\n')[0] as string)).toHaveProperty('Action')
      expect(readFileSync(path.join(run.dir, 'build.log'), 'utf8')).toContain('── vet: go vet ./... (ok')
    }
  })

  it('logs each version in its own group: its commands, one line per package, no test-by-test stream', () => {
    expect(log.groups.map(g => g.title.split(':')[0]).sort()).toEqual(all.map(t => `Go ${t.version}`).sort())
    for (const group of log.groups) {
      expect(group.body).toContain('── vet: go vet ./... (ok')
      expect(group.body).toContain('── test: go test -json')
      expect(group.body).toMatch(/^ok {2}\texample\.com\/multi\/calc\t[\d.]+s\tcoverage: 54\.5% of statements$/m)
      expect(group.body).not.toContain('=== RUN')
      expect(group.body).not.toContain('--- PASS')
    }
    expect(log.errors).toEqual([])
  })

  it('lists each version’s slowest tests: top-level tests that took time, slowest first', () => {
    // Only TestGoOnPath (it runs `go env`) takes long enough for Go to print a time above 0.00s.
    for (const run of runs) {
      expect(run.slowestTests.map(t => [t.package, t.test])).toEqual(run.slowestTests.length > 0 ? [['example.com/multi/text', 'TestGoOnPath']] : [])
      for (const t of run.slowestTests) expect(t.seconds).toBeGreaterThan(0)
    }
  })
})

describe('runMatrix on a module with failures', () => {
  let runs: Record<string, VersionRun>
  const log = recordingLogger()

  beforeAll(async () => {
    runs = byVersion(await runMatrix(request('broken', {logger: log.logger})))
  }, 600_000)

  it('reports failing tests by name with their output, on every version', () => {
    for (const run of Object.values(runs)) {
      expect(run.status).toBe('failed')
      // Packages run in parallel, so their failures come in either order.
      const failures = [...run.tests.failures].sort((a, b) => a.package.localeCompare(b.package))
      expect(failures).toEqual([
        {package: 'example.com/broken/crash', test: 'TestAt', output: expect.stringContaining('panic: runtime error: index out of range [3] with length 0')},
        {package: 'example.com/broken/mathx', test: 'TestHalf/odd', output: 'mathx_test.go:19: Half(5) = 3, want 2'},
        {package: 'example.com/broken/mathx', test: 'TestHalf', output: ''}
      ])
      expect(run.tests.skipped).toBe(1)
    }
  })

  it('records a package that does not build before Go 1.22 as a build failure, and still runs the other tests', () => {
    expect(runs['1.21']?.reason).toBe('build failed; 3 tests failed; 1 package failed to build')
    // The column is the instrumented source's: Go compiles the coverage-rewritten file.
    expect(runs['1.21']?.buildFailures).toEqual([
      {package: 'example.com/broken/minmax', output: expect.stringMatching(/^minmax\/minmax\.go:9:\d+: undefined: smallest$/)}
    ])
    expect(runs['1.21']?.tests.passed).toBe(3)
    expect(runs['1.21']?.packages.find(p => p.name === 'example.com/broken/minmax')?.status).toBe('fail')
    for (const v of ['1.24', '1.26', '1.27']) {
      expect(runs[v]?.reason).toBe('3 tests failed')
      expect(runs[v]?.buildFailures).toEqual([])
      expect(runs[v]?.tests.passed).toBe(4)
    }
  })

  it('logs the failing tests with their output and the compile errors, as go test without -v prints them', () => {
    for (const group of log.groups) {
      expect(group.body).toContain('--- FAIL: TestHalf/odd (example.com/broken/mathx, 0.00s)\n    mathx_test.go:19: Half(5) = 3, want 2')
      expect(group.body).toMatch(/^FAIL\texample\.com\/broken\/mathx\t[\d.]+s$/m)
      expect(group.body).toMatch(/^ok {2}\texample\.com\/broken\/steady\t/m)
      expect(group.body).not.toContain('=== RUN')
    }
    const old = log.groups.find(g => g.title.startsWith(`Go ${toolchains['1.21'].version}:`))
    expect(old?.body).toMatch(/^minmax\/minmax\.go:9:\d+: undefined: smallest$/m)
  })

  it('annotates failing tests, panics and compile errors at file:line, once per place', () => {
    const versions = all.map(t => t.version).join(', ')
    expect([...log.errors].sort((a, b) => (a.file ?? '').localeCompare(b.file ?? ''))).toEqual([
      {message: `TestAt: panic: runtime error: index out of range [3] with length 0 (Go ${versions})`, file: 'crash/crash.go', line: 6},
      {message: `TestHalf/odd: Half(5) = 3, want 2 (Go ${versions})`, file: 'mathx/mathx_test.go', line: 19},
      {message: `undefined: smallest (Go ${toolchains['1.21'].version})`, file: 'minmax/minmax.go', line: 9}
    ])
  })
})

describe('runMatrix on a module that requires go 1.23', () => {
  it('skips older versions with the reason, without running them, and runs a newer one', async () => {
    // Skipped versions run nothing, so older toolchains cost nothing here.
    const runs = await runMatrix(request('needs123', {toolchains: [localToolchain('1.19'), toolchains['1.21'], localToolchain('1.22'), toolchains['1.27']]}))
    expect(runs.map(r => [r.toolchain.spec, r.status, r.reason ?? null, r.steps.length])).toEqual([
      ['1.19', 'skipped', 'go.mod requires go >= 1.23', 0],
      ['1.21', 'skipped', 'go.mod requires go >= 1.23', 0],
      ['1.22', 'skipped', 'go.mod requires go >= 1.23', 0],
      ['1.27', 'passed', null, 2]
    ])
    expect(runs[0]?.profile).toBeNull()
  }, 600_000)
})

describe('runMatrix with -coverpkg=./...', () => {
  it('writes profiles with blocks repeated across test binaries, which merge to Go’s own total', async () => {
    const runs = await runMatrix(request('multi', {toolchains: [toolchains['1.24'], toolchains['1.27']], coverPackages: './...', build: false}))
    for (const run of runs) {
      expect(run.status).toBe('passed')
      const lines = readFileSync(run.profile as string, 'utf8').trim().split('\n').slice(1)
      const blocks = lines.map(l => l.slice(0, l.indexOf(' ')))
      expect(new Set(blocks).size).toBeLessThan(blocks.length)
      const counts = total(statementsByPackage(run.profile as string))
      // Every package is instrumented in every test binary (Go 1.20 and 1.21 instrument only the
      // packages a test binary links, and repeat none).
      expect(counts).toEqual({covered: 14, total: 24})
      const goTotal = /total:\s+\(statements\)\s+([\d.]+)%/.exec(go(run.toolchain, 'multi', ['tool', 'cover', `-func=${run.profile}`]))
      expect(goTotal?.[1]).toBe(percent(counts))
    }
  }, 600_000)
})

describe('runMatrix stopping versions', () => {
  it('times a hanging version out, kills its whole process tree, and goes on with the others', async () => {
    const started = Date.now()
    // 12 s: time enough to compile and link the tiny test binary on a loaded machine (its standard
    // library is in the shared caches by now), and every second of it is a wait.
    const runs = await runMatrix(request('hang', {toolchains: [toolchains['1.21'], toolchains['1.27']], build: false, timeoutMinutes: 0.2}))
    expect(runs.map(r => [r.status, r.reason])).toEqual([
      ['error', 'timed out after 0.2 minutes'],
      ['error', 'timed out after 0.2 minutes']
    ])
    for (const run of runs) {
      // It was stopped in the hanging test, not before: the stream shows the test running.
      expect(readFileSync(path.join(run.dir, 'test.json'), 'utf8')).toContain('"Test":"TestHang"')
      expect(run.profile).toBeNull()
    }
    expect(Date.now() - started).toBeLessThan(60_000)
    expect(processesMatching('sleeper.test')).toEqual([])
  }, 600_000)

  it('on cancellation kills the running version, reports the rest as cancelled, and returns', async () => {
    const controller = new AbortController()
    const pending = runMatrix(
      request('hang', {toolchains: [toolchains['1.27'], toolchains['1.26']], build: false, maxParallel: 1, signal: controller.signal})
    )
    // Cancel once the hanging test and its child are running.
    const deadline = Date.now() + 120_000
    while (processesMatching('sleeper.test').length < 2 && Date.now() < deadline) await new Promise(r => setTimeout(r, 100))
    // As src/util/signals.ts does on SIGTERM: the reason is an Error whose message says why.
    controller.abort(new Error('cancelled by SIGTERM'))
    const runs = await pending
    expect(runs.map(r => [r.toolchain.spec, r.status, r.reason, r.steps.length])).toEqual([
      ['1.27', 'error', 'cancelled by SIGTERM', 1],
      ['1.26', 'error', 'cancelled by SIGTERM', 0]
    ])
    expect(readFileSync(path.join(runs[0]?.dir as string, 'test.json'), 'utf8')).toContain('"Test":"TestHang"')
    expect(processesMatching('sleeper.test')).toEqual([])
  }, 600_000)

  it('reports a toolchain whose go is missing as an error and runs the others', async () => {
    const missing: Toolchain = {...toolchains['1.27'], version: '1.27.99', goroot: path.join(scratch, 'no-such-goroot')}
    const runs = await runMatrix(request('needs123', {toolchains: [missing, toolchains['1.27']]}))
    expect(runs[0]?.status).toBe('error')
    expect(runs[0]?.reason).toMatch(/^missing toolchain: .*no-such-goroot\/bin\/go is not an executable/)
    expect(runs[1]?.status).toBe('passed')
  }, 600_000)
})

describe('runMatrix and Go’s test cache', () => {
  it('reports the packages Go 1.25+ replays from its test cache, whose coverage is what go test -cover prints', async () => {
    // Without the inherited -count=1, Go may reuse test results: the first run fills the cache.
    const cached = (): RunRequest => request('multi', {toolchains: [toolchains['1.24'], toolchains['1.27']], build: false, env: {...hostileEnv(), GOFLAGS: ''}})
    await runMatrix(cached())
    const log = recordingLogger()
    const runs = byVersion(await runMatrix({...cached(), logger: log.logger}))
    // Before Go 1.25 a run with -coverprofile is never cached.
    expect(runs['1.24']?.packages.filter(p => p.cached)).toEqual([])
    const replayed = (runs['1.27']?.packages ?? []).filter(p => p.cached).map(p => p.name)
    expect(replayed.sort()).toEqual(['example.com/multi/calc', 'example.com/multi/modern', 'example.com/multi/text'])
    // test.json is Go's own stream, which says so on each package's result line.
    const stream = readFileSync(path.join(runs['1.27']?.dir as string, 'test.json'), 'utf8')
    expect(stream).toContain('"Output":"ok  \\texample.com/multi/calc\\t(cached)\\tcoverage: 54.5% of statements\\n"')
    expect(log.groups.find(g => g.title.startsWith(`Go ${toolchains['1.27'].version}:`))?.title).toContain(", 3 of 4 packages from Go's test cache, ")
    for (const run of Object.values(runs)) {
      expect(run.status).toBe('passed')
      expect(run.tests).toEqual({passed: 9, failed: 0, skipped: 1, failures: []})
      // The profile of a replayed package is the cached run's, the same as a fresh run's.
      const fromProfile = new Map([...statementsByPackage(run.profile as string)].map(([pkg, c]) => [pkg, percent(c)]))
      expect(fromProfile).toEqual(goTestCover(run.toolchain, 'multi'))
    }
    // Replayed times are the cached run's, so no test of a replayed package counts as slow now.
    expect(runs['1.27']?.slowestTests).toEqual([])
  }, 600_000)
})

describe('runMatrix and the processes tests leave running', () => {
  it('kills a daemon a test started in a session of its own (setsid) when go test ends, and says so', async () => {
    const seconds = uniqueSeconds()
    daemons.push(seconds)
    const log = recordingLogger()
    const runs = await runMatrix(request('daemon', {toolchains: [toolchains['1.27']], env: {...hostileEnv(), DAEMON_SECONDS: seconds}, logger: log.logger}))
    expect(runs.map(r => [r.status, r.tests.passed])).toEqual([['passed', 1]])
    // It outlived the test binary and left the process group, which the runner kills anyway.
    expect(sleepers(seconds)).toEqual([])
    expect(runs[0]?.notes).toEqual([
      'go test left 1 process running outside its process group (a daemon a test started?); go-matrix killed it.'
    ])
    expect(log.groups[0]?.body).toMatch(/^── test: go test .*\(ok, [\d.]+s; killed 1 process it left running\)$/m)
  }, 600_000)
})

describe('runMatrix on a test that prints more than a JavaScript string can hold', () => {
  it('streams it to test.json, reads its results, notes the truncation, in bounded memory', async () => {
    const before = process.memoryUsage().rss
    let peak = before
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
    const log = recordingLogger()
    let runs: VersionRun[]
    try {
      // -count=1 (hostileEnv): a cached replay would keep 600 MB in the shared test cache.
      runs = await runMatrix(request('loud', {toolchains: [toolchains['1.27']], build: false, env: {...hostileEnv(), LOUD_MIB: '512'}, logger: log.logger}))
    } finally {
      clearInterval(sampler)
    }
    const run = runs[0] as VersionRun
    const testJson = path.join(run.dir, 'test.json')
    const size = statSync(testJson).size
    try {
      // More than V8's longest string (0x1fffffe8 characters): collected whole, it would crash the run.
      expect(size).toBeGreaterThan(0x1fffffe8)
      expect([run.status, run.reason]).toEqual(['failed', '1 test failed'])
      expect(run.tests).toMatchObject({passed: 1, failed: 1, skipped: 0})
      expect(run.tests.failures[0]?.test).toBe('TestShout')
      expect(run.tests.failures[0]?.output).toMatch(/^… \d+ earlier lines omitted\n/)
      expect(run.tests.failures[0]?.output).toMatch(/shout_test\.go:\d+: the end of a loud test$/)
      expect(run.profile).not.toBeNull()
      expect(run.notes).toEqual([
        expect.stringMatching(/^go test printed \d+\.\d MB of test output, more than go-matrix keeps in memory: its output was truncated in the log/)
      ])
      expect(log.groups[0]?.body.length).toBeLessThan(1024 * 1024)
      expect(log.groups[0]?.body).toContain('--- FAIL: TestShout (example.com/loud/shout, ')
      // The runner held a bounded part of the stream: pipe and sink buffers, the kept lines. Held
      // whole, the stream (over 512 MiB) would take at least its size; the bound leaves room for
      // garbage V8's collector has not reached yet, which grows when other processes starve it of
      // CPU (about 150 MB on a quiet machine, 296 MB at load 12 on 2 cores). The action's own peak
      // is asserted on the same stream in e2e/action-huge-output.test.ts.
      expect(peak - before).toBeLessThan(384 * 1024 * 1024)
    } finally {
      rmSync(testJson, {force: true})
    }
  }, 600_000)
})

describe('matrixPaths', () => {
  it('keeps the caches in the work folder unless a cache folder is given', () => {
    expect(matrixPaths({workDir: '/cache'})).toEqual({workDir: '/cache', cacheDir: '/cache', gomodcache: '/cache/mod'})
    expect(matrixPaths({workDir: '/work', cacheDir: '/kept'})).toEqual({workDir: '/work', cacheDir: '/kept', gomodcache: '/kept/mod'})
  })
})

describe('runMatrix refusing a request', () => {
  it('names a relative moduleDir', async () => {
    await expect(runMatrix(request('multi', {moduleDir: 'relative/dir'}))).rejects.toThrow(
      'runMatrix: moduleDir must be absolute, got "relative/dir"'
    )
  })

  it('names a version listed twice (each version has one report folder)', async () => {
    await expect(runMatrix(request('multi', {toolchains: [toolchains['1.27'], toolchains['1.27']]}))).rejects.toThrow(
      `runMatrix: Go ${toolchains['1.27'].version} is listed twice`
    )
  })
})

describe('readModuleInfo', () => {
  it('takes the go line from go.work and module paths from the go.mod files it uses', async () => {
    const root = mkdtempSync(path.join(scratch, 'work-'))
    writeFileSync(path.join(root, 'go.work'), 'go 1.22\n\nuse (\n\t.\n\t./tools\n)\n')
    writeFileSync(path.join(root, 'go.mod'), 'module example.com/root\n\ngo 1.21\n')
    execFileSync('mkdir', ['-p', path.join(root, 'tools')])
    writeFileSync(path.join(root, 'tools', 'go.mod'), 'module example.com/tools\n\ngo 1.20\n')
    const info = await readModuleInfo(root)
    expect(info.goFile).toMatchObject({name: 'go.work', go: '1.22'})
    expect(info.modules).toEqual([
      {path: 'example.com/root', dir: ''},
      {path: 'example.com/tools', dir: 'tools'}
    ])
  })

  it('reports a malformed go.mod as an error on every version', async () => {
    const root = mkdtempSync(path.join(scratch, 'bad-'))
    writeFileSync(path.join(root, 'go.mod'), 'module x\n\ngo latest\n')
    const runs = await runMatrix(request('multi', {moduleDir: root, toolchains: [toolchains['1.21'], toolchains['1.27']]}))
    expect(runs.map(r => [r.status, r.reason])).toEqual([
      ['error', 'go.mod:3: expected "go 1.N" or "go 1.N.P", got "go latest"'],
      ['error', 'go.mod:3: expected "go 1.N" or "go 1.N.P", got "go latest"']
    ])
  })
})
