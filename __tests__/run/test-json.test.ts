import {describe, expect, it} from '@jest/globals'
import {MAX_FAILURE_LINES, parseBuildErrors, parseTestJson, trimOutput} from '../../src/run/test-json.js'
import type {TestEvent} from '../../src/run/test-json.js'

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
    expect(report.packages).toEqual([{name: PKG, status: 'fail', seconds: 0.25}])
    expect(report.buildFailures).toEqual([])
    expect(report.text).toContain('--- FAIL: TestHalf (0.00s)')
  })

  it('reports packages without test files as skipped', () => {
    const report = parseTestJson(
      stream({Package: 'example.com/m/none', Output: '?   \texample.com/m/none\t[no test files]\n'}, {Action: 'skip', Package: 'example.com/m/none', Elapsed: 0})
    )
    expect(report.packages).toEqual([{name: 'example.com/m/none', status: 'skip', seconds: 0, noTestFiles: true}])
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
      {name: 'example.com/m/none', status: 'pass', seconds: 0.01, noTestFiles: true},
      {name: 'example.com/m', status: 'pass', seconds: 0.02}
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
      {name: 'example.com/m/ok', status: 'pass', seconds: 0.1},
      {name: 'example.com/m/minmax', status: 'fail', seconds: 0}
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
    expect(report.packages).toEqual([{name: 'example.com/m/minmax', status: 'fail', seconds: 0}])
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
