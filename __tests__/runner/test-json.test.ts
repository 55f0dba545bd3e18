import {describe, expect, it} from '@jest/globals'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {MAX_FAILURES, MAX_FAILURE_CHARS, MAX_FAILURE_LINES, TEXT_CHARS, TestJsonParser, parseBuildErrors, parseTestJson, trimOutput} from '../../src/runner/test-json.js'
import type {TestEvent, TestFailure} from '../../src/runner/test-json.js'
import {testFailureAnnotations} from '../../src/runner/annotations.js'

/** Builds a `go test -json` stream from events (plain strings are non-JSON lines, as Go 1.19-1.21 print). */
function stream(...items: (Partial<TestEvent> | string)[]): string {
  return items.map(i => (typeof i === 'string' ? i : JSON.stringify({Action: 'output', ...i}))).join('\n') + '\n'
}

const PKG = 'example.com/m/calc'
const run = (test: string): Partial<TestEvent>[] => [
  {Action: 'run', Package: PKG, Test: test},
  {Package: PKG, Test: test, Output: `=== RUN   ${test}\n`}
]

describe('parseTestJson', () => {
  it('counts tests and subtests, and keeps each failure with its own output', () => {
    const text = stream(
      ...run('TestAdd'),
      {Action: 'pass', Package: PKG, Test: 'TestAdd', Elapsed: 0},
      ...run('TestHalf'),
      ...run('TestHalf/odd'),
      {Package: PKG, Test: 'TestHalf/odd', Output: '    calc_test.go:19: Half(5) = 3, want 2\n'},
      {Package: PKG, Test: 'TestHalf/odd', Output: '        more detail\n'},
      {Package: PKG, Test: 'TestHalf/odd', Output: '    --- FAIL: TestHalf/odd (0.00s)\n'},
      {Action: 'fail', Package: PKG, Test: 'TestHalf/odd', Elapsed: 0},
      {Package: PKG, Test: 'TestHalf', Output: '--- FAIL: TestHalf (0.00s)\n'},
      {Action: 'fail', Package: PKG, Test: 'TestHalf', Elapsed: 0},
      ...run('TestLater'),
      {Action: 'skip', Package: PKG, Test: 'TestLater', Elapsed: 0},
      {Package: PKG, Output: 'FAIL\n'},
      {Action: 'fail', Package: PKG, Elapsed: 0.25}
    )
    const report = parseTestJson(text)
    expect(report.tests).toEqual({
      passed: 1,
      failed: 2,
      skipped: 1,
      failures: [
        {package: PKG, test: 'TestHalf/odd', output: 'calc_test.go:19: Half(5) = 3, want 2\n    more detail'},
        {package: PKG, test: 'TestHalf', output: ''}
      ]
    })
    expect(report.packages).toEqual([{name: PKG, status: 'fail', seconds: 0.25, cached: false}])
    expect(report.buildFailures).toEqual([])
    expect(report.text).toContain('--- FAIL: TestHalf (0.00s)')
  })

  it('reports packages without test files as skipped', () => {
    const report = parseTestJson(
      stream({Package: 'example.com/m/none', Output: '?   \texample.com/m/none\t[no test files]\n'}, {Action: 'skip', Package: 'example.com/m/none', Elapsed: 0})
    )
    expect(report.packages).toEqual([{name: 'example.com/m/none', status: 'skip', seconds: 0, cached: false, noTestFiles: true}])
  })

  it('tells a package without test files that Go 1.22 and later report as passed with 0.0% from one with tests', () => {
    const report = parseTestJson(
      stream(
        {Package: 'example.com/m/none', Output: '\texample.com/m/none\t\tcoverage: 0.0% of statements\n'},
        {Action: 'pass', Package: 'example.com/m/none', Elapsed: 0.01},
        {Package: 'example.com/m', Output: 'coverage: 0.0% of statements\n'},
        {Package: 'example.com/m', Output: 'ok  \texample.com/m\t0.003s\tcoverage: 0.0% of statements\n'},
        {Action: 'pass', Package: 'example.com/m', Elapsed: 0.02}
      )
    )
    expect(report.packages).toEqual([
      {name: 'example.com/m/none', status: 'pass', seconds: 0.01, cached: false, noTestFiles: true},
      {name: 'example.com/m', status: 'pass', seconds: 0.02, cached: false}
    ])
  })

  const stderr = [
    '# example.com/m/minmax [example.com/m/minmax.test]',
    'minmax/minmax.go:9: undefined: smallest',
    ''
  ].join('\n')

  it('Go 1.19-1.21: a plain FAIL [build failed] line amid the JSON, errors on stderr', () => {
    const report = parseTestJson(stream({Action: 'pass', Package: 'example.com/m/ok', Elapsed: 0.1}, 'FAIL\texample.com/m/minmax [build failed]'), stderr)
    expect(report.buildFailures).toEqual([{package: 'example.com/m/minmax', output: 'minmax/minmax.go:9: undefined: smallest'}])
    expect(report.packages).toEqual([
      {name: 'example.com/m/ok', status: 'pass', seconds: 0.1, cached: false},
      {name: 'example.com/m/minmax', status: 'fail', seconds: 0, cached: false}
    ])
    expect(report.tests.failed).toBe(0)
  })

  it('Go 1.22-1.23: the FAIL [build failed] line inside an output event', () => {
    const report = parseTestJson(
      stream(
        {Action: 'start', Package: 'example.com/m/minmax'},
        {Package: 'example.com/m/minmax', Output: 'FAIL\texample.com/m/minmax [build failed]\n'},
        {Action: 'fail', Package: 'example.com/m/minmax', Elapsed: 0}
      ),
      stderr
    )
    expect(report.buildFailures).toEqual([{package: 'example.com/m/minmax', output: 'minmax/minmax.go:9: undefined: smallest'}])
    expect(report.packages).toEqual([{name: 'example.com/m/minmax', status: 'fail', seconds: 0, cached: false}])
  })

  it('Go 1.24+: build-output and build-fail events, FailedBuild on the package', () => {
    const importPath = 'example.com/m/minmax [example.com/m/minmax.test]'
    const report = parseTestJson(
      stream(
        {ImportPath: importPath, Action: 'build-output', Output: `# ${importPath}\n`},
        {ImportPath: importPath, Action: 'build-output', Output: 'minmax/minmax.go:9:9: undefined: smallest\n'},
        {ImportPath: importPath, Action: 'build-fail'},
        {Action: 'start', Package: 'example.com/m/minmax'},
        {Package: 'example.com/m/minmax', Output: 'FAIL\texample.com/m/minmax [build failed]\n'},
        {Action: 'fail', Package: 'example.com/m/minmax', Elapsed: 0, FailedBuild: importPath}
      )
    )
    expect(report.buildFailures).toEqual([{package: 'example.com/m/minmax', output: 'minmax/minmax.go:9:9: undefined: smallest'}])
  })

  it('gives a package broken by its dependency the dependency’s errors', () => {
    const report = parseTestJson(
      stream('FAIL\texample.com/m/user [build failed]'),
      '# example.com/m/dep\ndep/dep.go:3:2: syntax error\n'
    )
    expect(report.buildFailures).toEqual([{package: 'example.com/m/user', output: 'dep/dep.go:3:2: syntax error'}])
  })

  it('treats setup failures as build failures', () => {
    const report = parseTestJson(stream({Package: 'example.com/m/cyc', Output: 'FAIL\texample.com/m/cyc [setup failed]\n'}))
    expect(report.buildFailures.map(b => b.package)).toEqual(['example.com/m/cyc'])
  })

  it('keeps program output that merely starts with { as text', () => {
    expect(parseTestJson('{not json\n').text).toBe('{not json')
  })
})

describe('parseBuildErrors', () => {
  it('splits stderr into blocks by package header', () => {
    const blocks = parseBuildErrors('# a\na.go:1:1: x\n# b [b.test]\nb.go:2:2: y\nb.go:3:3: z\n')
    expect([...blocks]).toEqual([
      ['a', ['a.go:1:1: x\n']],
      ['b', ['b.go:2:2: y\n', 'b.go:3:3: z\n']]
    ])
  })
})

describe('trimOutput', () => {
  it('keeps the last lines and says how many were left out', () => {
    const lines = Array.from({length: MAX_FAILURE_LINES + 5}, (_, i) => `    line ${i}\n`)
    const out = trimOutput(lines)
    expect(out.split('\n')[0]).toBe('… 5 earlier lines omitted')
    expect(out.split('\n')[1]).toBe('line 5')
    expect(out.endsWith(`line ${MAX_FAILURE_LINES + 4}`)).toBe(true)
  })
})

/**
 * Real streams of every Go version on the machine (scripts/gen-test-json-fixtures.mjs) of
 * __tests__/fixtures/test-json/module: the same results from each, whatever the version prints.
 */
describe('parseTestJson on recorded go test -json streams', () => {
  const streams = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/test-json/streams')
  const manifest = JSON.parse(readFileSync(path.join(streams, 'manifest.json'), 'utf8')) as {version: string; run: 'fresh' | 'cached'; exitCode: number}[]
  const read = (version: string, run: string) => {
    const stdout = readFileSync(path.join(streams, version, `${run}.json`))
    const stderr = readFileSync(path.join(streams, version, `${run}.stderr`), 'utf8')
    // Fed in small chunks, as a pipe delivers a stream: lines and UTF-8 characters cross chunk boundaries.
    const parser = new TestJsonParser()
    for (let at = 0; at < stdout.length; at += 997) parser.push(stdout.subarray(at, at + 997))
    return parser.end(stderr)
  }
  const minor = (version: string) => Number(version.split('.')[1])
  const E = 'example.com/events'

  it('covers every version scripts/setup.sh installs, 1.19 to 1.27, fresh and from the test cache', () => {
    expect([...new Set(manifest.map(m => m.version.split('.').slice(0, 2).join('.')))]).toEqual(['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27'])
    expect(manifest.map(m => m.run)).toEqual(manifest.flatMap(() => ['fresh', 'cached']).slice(0, manifest.length))
  })

  it.each(manifest.map(m => [m.version, m.run] as const))('Go %s, %s run: tests, failures with their output, build failures, packages', (version, run) => {
    const report = read(version, run)
    expect({passed: report.tests.passed, failed: report.tests.failed, skipped: report.tests.skipped}).toEqual({passed: 7, failed: 3, skipped: 1})
    const failures = new Map(report.tests.failures.map(f => [f.test, f]))
    expect([...failures.keys()].sort()).toEqual(['TestAt', 'TestHalf', 'TestHalf/odd'])
    expect(failures.get('TestHalf/odd')).toEqual({package: `${E}/fail`, test: 'TestHalf/odd', output: 'fail_test.go:13: Half(5) = 3, want 2'})
    expect(failures.get('TestAt')?.output).toMatch(/^panic: runtime error: index out of range \[3\] with length 0/m)
    // The panic is annotated at its frame in the module, with its message and without Go's `[recovered…]` mark.
    const at = failures.get('TestAt') as TestFailure
    const moduleDir = /\t(\/\S+)\/fail\/fail\.go:8\b/.exec(at.output)?.[1] as string
    expect(testFailureAnnotations(at, [{path: E, dir: ''}], moduleDir)).toEqual([
      {file: 'fail/fail.go', line: 8, message: 'TestAt: panic: runtime error: index out of range [3] with length 0'}
    ])

    // Each package that does not build, with its own errors (or its dependency's).
    const builds = new Map(report.buildFailures.map(b => [b.package, b.output]))
    expect([...builds.keys()].sort()).toEqual([`${E}/nobuild`, `${E}/testbuild`, `${E}/usesnobuild`])
    expect(builds.get(`${E}/nobuild`)).toBe('nobuild/nobuild.go:5:27: undefined: missing')
    expect(builds.get(`${E}/testbuild`)).toMatch(/^testbuild\/testbuild_test\.go:6:17: cannot use One\(\) \(value of type int\) as (type )?string/)
    expect(builds.get(`${E}/usesnobuild`)).toContain('nobuild/nobuild.go:5:27: undefined: missing')
    // Go 1.24+ name the dependency that broke the build, so only its errors are given.
    if (minor(version) >= 24) expect(builds.get(`${E}/usesnobuild`)).toBe('nobuild/nobuild.go:5:27: undefined: missing')

    const packages = Object.fromEntries(report.packages.map(p => [p.name.slice(E.length + 1), p.status]))
    // Go 1.22 and later run a package without tests (for its 0% coverage line); earlier versions skip it.
    expect(packages).toEqual({
      fail: 'fail',
      nobuild: 'fail',
      notests: minor(version) >= 22 ? 'pass' : 'skip',
      pass: 'pass',
      testbuild: 'fail',
      usesnobuild: 'fail'
    })
  })

  it.each(manifest.map(m => [m.version, m.run] as const))('Go %s, %s run: what came from the test cache, the slowest tests', (version, run) => {
    const report = read(version, run)
    // Go 1.25 and later replay a passing package with -coverprofile from the test cache; earlier versions never do.
    const replayed = run === 'cached' && minor(version) >= 25
    expect(report.packages.filter(p => p.cached).map(p => p.name)).toEqual(replayed ? [`${E}/pass`] : [])
    // A replayed package's times are the cached run's: its tests are not among this run's slowest.
    if (replayed) expect(report.slowest).toEqual([])
    else {
      expect(report.slowest.map(t => t.test)).toEqual(['TestSlow', 'TestSign'])
      expect(report.slowest[0]).toEqual({package: `${E}/pass`, test: 'TestSlow', seconds: expect.any(Number)})
      expect(report.slowest[0]?.seconds).toBeGreaterThanOrEqual(0.15)
    }
  })

  it.each(manifest.map(m => [m.version, m.run] as const))('Go %s, %s run: the summary (go test without -v) and the text (go test -v)', (version, run) => {
    const report = read(version, run)
    expect(report.summary).toMatch(/^ok {2}\texample\.com\/events\/pass\t(\(cached\)|[\d.]+s)\tcoverage: 83\.3% of statements$/m)
    expect(report.summary).toMatch(/^FAIL\texample\.com\/events\/fail\t[\d.]+s$/m)
    expect(report.summary).toContain('--- FAIL: TestHalf/odd (example.com/events/fail, 0.00s)\n    fail_test.go:13: Half(5) = 3, want 2')
    expect(report.summary).toMatch(/^FAIL\s+example\.com\/events\/nobuild \[build failed\]$/m)
    expect(report.summary).not.toMatch(/=== RUN|--- PASS|^PASS$|^coverage: /m)
    expect(report.text).toContain('=== RUN   TestDouble')
    expect(report.text).toContain('--- PASS: TestDouble')
    expect(report.omitted).toEqual({textLines: 0, summaryLines: 0, failures: 0})
    expect(report.bytes).toBe(readFileSync(path.join(streams, version, `${run}.json`)).length)
  })
})

describe('TestJsonParser on streams larger than memory should hold', () => {
  const event = (e: Partial<TestEvent>): string => `${JSON.stringify({Action: 'output', Package: PKG, ...e})}\n`

  it('reads 200 MB of a test’s output in bounded memory: counts exact, text and failure output cut', () => {
    const parser = new TestJsonParser()
    parser.push(event({Action: 'run', Test: 'TestLoud'}))
    // 4 KiB Output events, as test2json cuts a test's long writes.
    const chunk = Buffer.from(Array.from({length: 256}, (_, i) => event({Test: 'TestLoud', Output: `${'x'.repeat(4000)}${i}\n`})).join(''))
    const before = process.memoryUsage().heapUsed
    let bytes = 0
    while (bytes < 200_000_000) {
      parser.push(chunk)
      bytes += chunk.length
    }
    parser.push(event({Test: 'TestLoud', Output: '    loud_test.go:9: the end\n'}))
    parser.push(event({Action: 'fail', Test: 'TestLoud', Elapsed: 12.5}))
    parser.push(event({Action: 'fail', Elapsed: 13}))
    const report = parser.end()
    const grown = process.memoryUsage().heapUsed - before
    expect(grown).toBeLessThan(64 * 1024 * 1024)
    expect(report.tests.failed).toBe(1)
    const output = report.tests.failures[0]?.output ?? ''
    expect(output.length).toBeLessThanOrEqual(MAX_FAILURE_CHARS + 100)
    expect(output).toMatch(/^… \d+ earlier lines omitted\n/)
    expect(output.endsWith('loud_test.go:9: the end')).toBe(true)
    expect(report.text.length).toBeLessThan(2 * TEXT_CHARS + 200)
    expect(report.text).toMatch(/\n… \d+ lines left out \(the whole stream is in test\.json\)\n/)
    expect(report.omitted.textLines).toBeGreaterThan(40_000)
    expect(report.bytes).toBeGreaterThan(200_000_000)
    expect(report.slowest).toEqual([{package: PKG, test: 'TestLoud', seconds: 12.5}])
  }, 60_000)

  it('joins a line test2json split across events (it cuts lines at 4 KiB)', () => {
    const report = parseTestJson(
      stream(
        ...run('TestLong'),
        {Package: PKG, Test: 'TestLong', Output: `    long_test.go:5: ${'a'.repeat(4000)}`},
        {Package: PKG, Test: 'TestLong', Output: `${'b'.repeat(100)}\n`},
        {Package: PKG, Test: 'TestLong', Output: '--- FAIL: TestLong (0.00s)\n'},
        {Action: 'fail', Package: PKG, Test: 'TestLong', Elapsed: 0}
      )
    )
    expect(report.tests.failures[0]?.output).toBe(`long_test.go:5: ${'a'.repeat(4000)}${'b'.repeat(100)}`)
  })

  it(`lists the first ${MAX_FAILURES} failing tests with their output and counts the rest`, () => {
    const events: Partial<TestEvent>[] = []
    for (let i = 0; i < MAX_FAILURES + 50; i++) {
      events.push({Package: PKG, Test: `Test${i}`, Output: `    x_test.go:1: failure ${i}\n`}, {Action: 'fail', Package: PKG, Test: `Test${i}`, Elapsed: 0})
    }
    const report = parseTestJson(stream(...events))
    expect(report.tests.failed).toBe(MAX_FAILURES + 50)
    expect(report.tests.failures).toHaveLength(MAX_FAILURES)
    expect(report.tests.failures.at(-1)).toEqual({package: PKG, test: `Test${MAX_FAILURES - 1}`, output: `x_test.go:1: failure ${MAX_FAILURES - 1}`})
    expect(report.omitted.failures).toBe(50)
  })

  it('keeps the slowest top-level tests, slowest first, not subtests nor skipped tests', () => {
    const report = parseTestJson(
      stream(
        ...[1, 7, 3, 9, 5, 2, 8].map(s => ({Action: 'pass', Package: PKG, Test: `Test${s}`, Elapsed: s})),
        {Action: 'pass', Package: PKG, Test: 'Test9/sub', Elapsed: 8.5},
        {Action: 'skip', Package: PKG, Test: 'TestSkipped', Elapsed: 20},
        {Action: 'pass', Package: PKG, Elapsed: 40}
      )
    )
    expect(report.slowest.map(t => [t.test, t.seconds])).toEqual([
      ['Test9', 9],
      ['Test8', 8],
      ['Test7', 7],
      ['Test5', 5],
      ['Test3', 3]
    ])
  })
})
