import {mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {readLcovBaseline, readReportBaseline} from '../../src/coverage/baseline.js'
import {readBaselineFile} from '../../src/files/baseline-file.js'
import {formatLcov} from '../../src/coverage/lcov.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {compareBaseline} from '../../src/compare/baseline.js'
import {makeProfile} from '../coverage/builders.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-baseline-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

const current = makeProfile('set', [
  ['example.com/m/a/a.go', '1.1,2.2', 3, 1],
  ['example.com/m/a/a.go', '4.1,4.9', 1, 0],
  ['example.com/m/b/b.go', '1.1,1.9', 2, 1],
  ['example.com/m/c/x.go', '1.1,1.9', 1, 1]
])
const now = {statements: summarizeStatements(current), lines: summarizeLines(lineCoverage(current))}

function report(overrides: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    versions: [
      {version: '1.22.12', coverage: {statements: {covered: 5, total: 10, percent: 50}, packages: [{name: 'example.com/m/a', statements: {covered: 1, total: 4, percent: 25}}]}},
      {version: '1.23.5', coverage: {statements: {covered: 3, total: 4, percent: 75}, packages: [{name: 'example.com/m/a', statements: {covered: 3, total: 3, percent: 100}}, {name: 'example.com/m/gone', statements: {covered: 0, total: 1, percent: 0}}]}},
      {version: '1.21.13', status: 'error', coverage: null}
    ],
    merged: {lines: {covered: 1, total: 2, percent: 50}},
    ...overrides
  }
}

describe('readReportBaseline', () => {
  it("reads a schema 2 report over several modules by its versions' totals, which are the modules' together", () => {
    const api = {dir: 'api', path: 'example.com/m/api', status: 'passed', coverage: {statements: {covered: 2, total: 6, percent: 33.3}, packages: [{name: 'example.com/m/api', statements: {covered: 2, total: 6, percent: 33.3}}]}}
    const root = {dir: '.', path: 'example.com/m', status: 'passed', coverage: {statements: {covered: 1, total: 4, percent: 25}, packages: [{name: 'example.com/m/a', statements: {covered: 1, total: 4, percent: 25}}]}}
    const baseline = readReportBaseline(
      report({
        schemaVersion: 2,
        versions: [
          {
            version: '1.23.5',
            coverage: {statements: {covered: 3, total: 10, percent: 30}, packages: [...root.coverage.packages, ...api.coverage.packages]},
            modules: [root, api]
          }
        ]
      }),
      'report.json'
    )
    expect(baseline).toMatchObject({version: '1.23.5', total: {covered: 3, total: 10}})
    expect(baseline.packages.map(p => p.name)).toEqual(['example.com/m/a', 'example.com/m/api'])
  })

  it('uses the newest version when the report names no reference', () => {
    const baseline = readReportBaseline(report(), 'report.json')
    expect(baseline).toMatchObject({kind: 'report', metric: 'statements', version: '1.23.5', total: {covered: 3, total: 4}})
    expect(baseline.packages.map(p => p.name)).toEqual(['example.com/m/a', 'example.com/m/gone'])
  })

  it('uses the reference named by comparisons.versions', () => {
    const baseline = readReportBaseline(report({comparisons: {versions: [{version: '1.23.5', reference: '1.22.12'}]}}), 'report.json')
    expect(baseline.version).toBe('1.22.12')
  })

  it('compares every row with the same version of the baseline, on the same platform when it ran there', () => {
    const json = report()
    json.versions.push({version: '1.22.12', platform: 'darwin/arm64', coverage: {statements: {covered: 9, total: 10, percent: 90}, packages: []}} as never)
    const baseline = readReportBaseline(json, 'report.json')
    expect(baseline.versions?.map(v => [v.version, v.platform, v.statements.covered])).toEqual([
      ['1.22.12', undefined, 5],
      ['1.23.5', undefined, 3],
      ['1.22.12', 'darwin/arm64', 9]
    ])
    const statements = (covered: number, total: number) => ({covered, total, percent: (100 * covered) / total})
    const comparison = compareBaseline(now, baseline, [
      {label: '1.22.12', version: '1.22.12', statements: statements(6, 10)},
      {label: '1.22.12 (darwin/arm64)', version: '1.22.12', platform: 'darwin/arm64', statements: statements(8, 10)},
      {label: '1.24.1', version: '1.24.1', statements: statements(1, 1)},
      {label: '1.21.13', version: '1.21.13', statements: null}
    ])
    // 1.24.1 is not in the baseline, and 1.21.13 has no coverage here (nor there): no delta for them.
    expect(comparison.versions.map(v => [v.name, v.delta])).toEqual([
      ['1.22.12', 10],
      ['1.22.12 (darwin/arm64)', -10]
    ])
  })

  it('falls back to merged lines when no version has coverage', () => {
    expect(readReportBaseline(report({versions: []}), 'r.json')).toMatchObject({metric: 'lines', total: {covered: 1, total: 2}})
  })

  it.each([
    [{schemaVersion: 3}, 'r.json: not a go-matrix report.json (expected "schemaVersion": 1 or 2)'],
    [[], 'r.json: not a go-matrix report.json'],
    [{schemaVersion: 1, versions: []}, 'r.json: the report has no coverage to compare with'],
    [{schemaVersion: 1, versions: [{version: '1.22.1', coverage: {statements: {covered: 1, total: 1}, packages: [{name: 3}]}}]}, 'r.json: packages[0] needs a "name" and "statements"']
  ])('rejects %j', (json, message) => {
    expect(() => readReportBaseline(json, 'r.json')).toThrow(message)
  })
})

describe('LCOV baselines', () => {
  it('reads LCOV written by the engine, and compares per file with paths matched by suffix', async () => {
    const old = makeProfile('set', [
      ['example.com/m/a/a.go', '1.1,2.2', 3, 0],
      ['example.com/m/a/a.go', '4.1,4.9', 1, 0],
      ['example.com/m/b/b.go', '1.1,1.9', 2, 1],
      ['example.com/m/old/o.go', '1.1,1.9', 2, 1]
    ])
    // As another tool would write it: absolute paths on the runner.
    const text = formatLcov(lineCoverage(old), {sourcePath: f => f.replace('example.com/m', '/home/runner/work/m/m')})
    const baseline = await readLcovBaseline(text, 'base.lcov')
    expect(baseline.total).toEqual({covered: 2, total: 5, percent: 40})
    const comparison = compareBaseline(now, baseline)
    expect(comparison.metric).toBe('lines')
    expect(comparison.total).toEqual({name: 'total', current: {covered: 4, total: 5, percent: 80}, baseline: {covered: 2, total: 5, percent: 40}, delta: 40})
    expect(comparison.files.map(f => [f.name, f.delta])).toEqual([
      ['/home/runner/work/m/m/old/o.go', null],
      ['example.com/m/a/a.go', 66.7],
      ['example.com/m/b/b.go', 0],
      ['example.com/m/c/x.go', null]
    ])
    expect(comparison.packages.map(p => [p.name, p.delta])).toEqual([
      ['/home/runner/work/m/m/old', null],
      ['example.com/m/a', 66.7],
      ['example.com/m/b', 0],
      ['example.com/m/c', null]
    ])
    expect(comparison.unmatchedFiles).toEqual(['/home/runner/work/m/m/old/o.go'])
  })

  it('leaves a file unmatched rather than guessing between two equally good candidates', async () => {
    const two = makeProfile('set', [['example.com/m/x/util.go', '1.1,1.2', 1, 1], ['example.com/m/y/util.go', '1.1,1.2', 1, 1]])
    const baseline = await readLcovBaseline('SF:util.go\nDA:1,1\nend_of_record\n', 'b.lcov')
    const comparison = compareBaseline({statements: summarizeStatements(two), lines: summarizeLines(lineCoverage(two))}, baseline)
    expect(comparison.unmatchedFiles).toEqual(['util.go'])
  })

  it('uses LF/LH for records without DA lines', async () => {
    expect((await readLcovBaseline('SF:a.go\nLF:10\nLH:4\nend_of_record\n', 'b.lcov')).total).toEqual({covered: 4, total: 10, percent: 40})
  })

  it('rejects text that is not LCOV', async () => {
    await expect(readLcovBaseline('hello', 'b.lcov')).rejects.toThrow('b.lcov: not an LCOV file')
    await expect(readLcovBaseline('TN:x\nend_of_record\n', 'b.lcov')).rejects.toThrow('b.lcov: the LCOV file names no source files')
  })
})

describe('compareBaseline with report.json', () => {
  it('compares statements in total and per package', () => {
    const comparison = compareBaseline(now, readReportBaseline(report(), 'report.json'))
    expect(comparison).toMatchObject({source: 'report.json', kind: 'report', metric: 'statements', version: '1.23.5', files: []})
    // Now 6 of 7 statements against 3 of 4.
    expect(comparison.total.delta).toBe(10.7)
    expect(comparison.packages.map(p => [p.name, p.delta])).toEqual([
      ['example.com/m/a', -25],
      ['example.com/m/b', null],
      ['example.com/m/c', null],
      ['example.com/m/gone', null]
    ])
  })
})

describe('readBaselineFile', () => {
  it('tells report.json from LCOV by content', async () => {
    const json = path.join(tmp, 'report.json')
    writeFileSync(json, JSON.stringify(report()))
    const lcov = path.join(tmp, 'base.info')
    writeFileSync(lcov, 'SF:a/a.go\nDA:1,1\nDA:2,0\nend_of_record\n')
    expect((await readBaselineFile(json)).kind).toBe('report')
    expect((await readBaselineFile(lcov)).total).toEqual({covered: 1, total: 2, percent: 50})
  })

  it('says what is wrong with the file', async () => {
    const bad = path.join(tmp, 'bad.json')
    writeFileSync(bad, '{"schemaVersion": 1,')
    await expect(readBaselineFile(bad)).rejects.toThrow(`${bad}: not valid JSON`)
    await expect(readBaselineFile(path.join(tmp, 'nope.json'))).rejects.toThrow(/nope\.json: cannot read the baseline: ENOENT/)
  })
})
