import type {Counts, Report, VersionReport} from '../../src/report/schema.js'

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
    schemaVersion: 1,
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
