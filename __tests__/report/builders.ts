import type {OnlyInOne} from '../../src/compare/versions.js'
import type {BaselineComparison, Counts, Gate, Report, TestFailure, VersionComparisonReport, VersionReport} from '../../src/report/schema.js'

export function counts(covered: number, total: number): Counts {
  return {covered, total, percent: total === 0 ? 0 : Math.round((covered / total) * 1000) / 10}
}

export function makeVersion(version: string, overrides: Partial<VersionReport> = {}): VersionReport {
  return {
    spec: version,
    version,
    status: 'passed',
    toolchain: {source: 'local', sha256: '', seconds: 0.01},
    tests: {passed: 3, failed: 0, skipped: 0, failures: []},
    coverage: {
      statements: counts(8, 10),
      lines: counts(8, 10),
      functions: counts(2, 2),
      packages: [{name: 'example.com/m', statements: counts(8, 10)}]
    },
    seconds: 1.5,
    ...overrides
  }
}

export function makeReport(versions: VersionReport[], overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 2,
    tool: {name: 'go-matrix', version: '0.0.0-test'},
    commit: 'abc',
    ref: 'refs/heads/main',
    versions,
    merged: {lines: counts(9, 10), packages: []},
    comparisons: {versions: [], baseline: null, diff: null},
    gates: [],
    ...overrides
  }
}

export function makeFailure(test: string, overrides: Partial<TestFailure> = {}): TestFailure {
  return {package: 'example.com/m/calc', test, output: `    calc_test.go:21: ${test}: got 3, want 4\n`, ...overrides}
}

/** A failed version: `failures` failing tests besides 10 passing. */
export function makeFailedVersion(version: string, failures: TestFailure[], overrides: Partial<VersionReport> = {}): VersionReport {
  return makeVersion(version, {
    status: 'failed',
    tests: {passed: 10, failed: failures.length, skipped: 1, failures},
    coverage: {
      statements: counts(61, 80),
      lines: counts(58, 75),
      functions: counts(9, 11),
      packages: [
        {name: 'example.com/m', statements: counts(30, 40)},
        {name: 'example.com/m/calc', statements: counts(31, 40)}
      ]
    },
    ...overrides
  })
}

export function onlyIn(pkg: string, lines: number, covered: number): OnlyInOne {
  const s = counts(covered, lines)
  return {statements: s, lines: s, packages: lines === 0 ? [] : [{name: pkg, statements: s, lines: s}]}
}

/** A comparisons.versions[] entry as src/compare/versions.ts writes it. */
export function makeComparison(version: string, reference: string, overrides: Partial<VersionComparisonReport> = {}): VersionComparisonReport {
  return {
    version,
    reference,
    rawDelta: -4.2,
    likeForLikeDelta: -0.8,
    statements: counts(61, 80),
    referenceStatements: counts(70, 85),
    common: {lines: 120, covered: 99, referenceCovered: 100},
    onlyInVersion: onlyIn('example.com/m', 0, 0),
    onlyInReference: onlyIn('example.com/m/internal/gen', 6, 0),
    coveredOnlyInVersion: {count: 0, lines: [], more: 0},
    coveredOnlyInReference: {count: 1, lines: [{file: 'example.com/m/calc/calc.go', line: 42}], more: 0},
    explanation: `Go ${version} covers -4.2 points of statements against Go ${reference}, and -0.8 on the 120 lines both instrument.`,
    ...overrides
  }
}

/** comparisons.baseline as src/compare/baseline.ts writes it (a report.json baseline). */
export function makeBaseline(version: string, before: Counts, after: Counts): BaselineComparison {
  const d = Math.round((after.percent - before.percent) * 10) / 10
  return {
    source: 'baseline/report.json',
    kind: 'report',
    metric: 'statements',
    version,
    total: {name: 'total', current: after, baseline: before, delta: d},
    packages: [
      {name: 'example.com/m', current: counts(40, 45), baseline: counts(40, 45), delta: 0},
      {name: 'example.com/m/calc', current: counts(30, 40), baseline: counts(34, 40), delta: -10}
    ],
    files: [],
    unmatchedFiles: [],
    versions: []
  }
}

export function makeGate(name: Gate['name'], passed: boolean, overrides: Partial<Gate> = {}): Gate {
  return {name, threshold: 2, actual: passed ? 0.5 : 3.1, passed, message: `${name} ${passed ? 'held' : 'failed'}.`, ...overrides}
}

/** A run with a bit of everything: a failing version, a skipped one, a baseline, diff coverage, a failed gate. */
export function makeRealisticReport(): Report {
  const failures = [
    makeFailure('TestDivide/by_zero', {output: '    calc_test.go:40: Divide(1, 0): expected an error, got nil\n'}),
    makeFailure('TestParse', {package: 'example.com/m', output: 'panic: runtime error: index out of range [3] with length 3\n\ngoroutine 7 [running]:\nexample.com/m.Parse(...)\n\t/src/parse.go:17\n'})
  ]
  return makeReport(
    [
      makeVersion('1.19.8', {spec: '1.19', status: 'skipped', reason: 'go.mod requires go >= 1.21', coverage: null, tests: {passed: 0, failed: 0, skipped: 0, failures: []}, seconds: 0}),
      makeFailedVersion('1.21.13', failures, {
        spec: '1.21',
        steps: [
          {name: 'build', ok: true, seconds: 0.4, command: 'go build ./...', exitCode: 0},
          {name: 'vet', ok: false, seconds: 0.9, command: 'go vet ./...', exitCode: 1},
          {name: 'test', ok: false, seconds: 3.8, command: 'go test -json -coverprofile=/r/1.21.13/coverage.out ./...', exitCode: 1}
        ],
        notes: ["go test printed 612.4 MB of test output, more than go-matrix keeps in memory: its output was truncated in the log (its first and last lines are kept); test.json in the version's report folder has all of it."],
        seconds: 5.2
      }),
      makeVersion('1.22.12', {
        spec: '1.22',
        toolchain: {source: 'tool-cache', sha256: 'x', seconds: 0.2},
        slowestTests: [
          {package: 'example.com/m/calc', test: 'TestDivide', seconds: 2.31},
          {package: 'example.com/m', test: 'TestParse_|pipe|', seconds: 0.4}
        ],
        seconds: 4.1
      }),
      makeVersion('1.23.5', {
        spec: 'stable',
        toolchain: {source: 'download', sha256: 'y', seconds: 3.7},
        cachedPackages: 1,
        slowestTests: [{package: 'example.com/m/calc', test: 'TestDivide', seconds: 2.05}],
        seconds: 3.9
      })
    ],
    {
      merged: {lines: counts(101, 120), packages: [{name: 'example.com/m', lines: counts(50, 60)}, {name: 'example.com/m/calc', lines: counts(51, 60)}]},
      comparisons: {
        versions: [
          makeComparison('1.21.13', '1.23.5'),
          makeComparison('1.22.12', '1.23.5', {
            rawDelta: 1.3,
            likeForLikeDelta: 0,
            onlyInVersion: onlyIn('example.com/m/cmd/tool', 8, 0),
            onlyInReference: onlyIn('', 0, 0),
            coveredOnlyInReference: {count: 0, lines: [], more: 0},
            otherTestBinariesInVersion: {statements: counts(3, 9), packages: [{name: 'example.com/m/internal/tag', summary: counts(3, 9)}]},
            explanation: ''
          })
        ],
        baseline: makeBaseline('1.23.4', counts(68, 85), counts(70, 85)),
        diff: {lines: counts(7, 10), uncovered: [{file: 'calc/calc.go', line: 40}, {file: 'calc/calc.go', line: 41}, {file: 'calc/calc.go', line: 42}, {file: 'parse.go', line: 17}], files: []}
      },
      gates: [
        makeGate('max-version-delta', true, {actual: -0.8, message: 'Go 1.21.13 covers 0.8 points less than Go 1.23.5 on the 120 lines both instrument; the limit is 2.'}),
        makeGate('min-coverage', true, {threshold: 80, actual: 82.4, message: 'Go 1.23.5 covers 82.4% of statements (70 of 85); the minimum is 80%.'}),
        makeGate('min-diff-coverage', false, {threshold: 90, actual: 70, message: 'Tests run 7 of the 10 changed lines that are instrumented (70.0%); the minimum is 90%.'})
      ]
    }
  )
}
