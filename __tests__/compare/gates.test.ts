import {describe, expect, it} from '@jest/globals'
import {evaluateGates} from '../../src/compare/gates.js'
import type {GateInputs, GateThresholds} from '../../src/compare/gates.js'
import type {VersionComparison} from '../../src/compare/versions.js'
import type {BaselineComparison} from '../../src/compare/baseline.js'
import type {DiffCoverage} from '../../src/compare/diff.js'
import {summary} from '../../src/coverage/percent.js'

const off: GateThresholds = {maxVersionDelta: null, minCoverage: 0, maxCoverageDrop: null, minDiffCoverage: null}
const none: GateInputs = {reference: null, versions: [], baseline: null, diff: null}

function versionComparison(version: string, likeForLikeDelta: number): VersionComparison {
  const empty = {statements: summary(0, 0), lines: summary(0, 0), packages: []}
  const list = {count: 0, lines: [], more: 0}
  return {
    version,
    reference: '1.23.5',
    rawDelta: likeForLikeDelta + 10,
    likeForLikeDelta,
    statements: summary(0, 0),
    referenceStatements: summary(0, 0),
    common: {lines: 120, covered: 0, referenceCovered: 0},
    onlyInVersion: empty,
    onlyInReference: empty,
    coveredOnlyInVersion: list,
    coveredOnlyInReference: list,
    explanation: ''
  }
}

function baselineWith(current: [number, number], previous: [number, number]): BaselineComparison {
  const c = summary(...current)
  const b = summary(...previous)
  return {source: 'report.json', kind: 'report', metric: 'statements', total: {name: 'total', current: c, baseline: b, delta: Number((c.percent - b.percent).toFixed(1))}, packages: [], files: [], unmatchedFiles: [], versions: []}
}

function diffWith(covered: number, total: number): DiffCoverage {
  return {lines: summary(covered, total), files: [], uncovered: []}
}

describe('evaluateGates', () => {
  it('has no gates when every threshold is off (min-coverage 0 cannot fail)', () => {
    expect(evaluateGates(off, {...none, reference: {version: '1.23.5', statements: summary(0, 10)}})).toEqual([])
  })

  it.each([
    [2, -2, true, 'Go 1.21.13 covers 2.0 points less than Go 1.23.5 on the 120 lines both instrument; the limit is 2.'],
    [2, 2.1, false, 'Go 1.21.13 covers 2.1 points more than Go 1.23.5 on the 120 lines both instrument; the limit is 2.'],
    [0, 0, true, 'Go 1.21.13 covers the same share as Go 1.23.5 of the 120 lines both instrument (limit 0 points).']
  ])('max-version-delta %d with like-for-like %d: passed %s', (threshold, delta, passed, message) => {
    expect(evaluateGates({...off, maxVersionDelta: threshold}, {...none, versions: [versionComparison('1.21.13', delta)]})).toEqual([
      {name: 'max-version-delta', threshold, actual: delta, passed, message}
    ])
  })

  it('judges max-version-delta per version', () => {
    const gates = evaluateGates({...off, maxVersionDelta: 1}, {...none, versions: [versionComparison('1.21.13', 0.5), versionComparison('1.22.12', -3)]})
    expect(gates.map(g => [g.actual, g.passed])).toEqual([[0.5, true], [-3, false]])
  })

  it.each([
    [80, [4, 5], true, 'Go 1.23.5 covers 80.0% of statements (4 of 5); the minimum is 80%.'],
    [80.1, [4, 5], false, 'Go 1.23.5 covers 80.0% of statements (4 of 5); the minimum is 80.1%.'],
    [12.3, [49, 400], false, 'Go 1.23.5 covers 12.2% of statements (49 of 400); the minimum is 12.3%.']
  ] as const)('min-coverage %d', (threshold, [covered, total], passed, message) => {
    expect(evaluateGates({...off, minCoverage: threshold}, {...none, reference: {version: '1.23.5', statements: summary(covered, total)}})).toEqual([
      {name: 'min-coverage', threshold, actual: summary(covered, total).percent, passed, message}
    ])
  })

  it.each([
    [1, [70, 100], [72, 100], false, 'Statement coverage dropped 2.0 points against the baseline (72.0% to 70.0%); the largest drop allowed is 1 point.'],
    [2, [70, 100], [72, 100], true, 'Statement coverage dropped 2.0 points against the baseline (72.0% to 70.0%); the largest drop allowed is 2 points.'],
    [0, [75, 100], [72, 100], true, 'Statement coverage rose 3.0 points against the baseline (72.0% to 75.0%); the largest drop allowed is 0 points.']
  ] as const)('max-coverage-drop %d', (threshold, current, previous, passed, message) => {
    const [gate] = evaluateGates({...off, maxCoverageDrop: threshold}, {...none, baseline: baselineWith([...current], [...previous])})
    expect(gate).toEqual({name: 'max-coverage-drop', threshold, actual: baselineWith([...current], [...previous]).total.delta, passed, message})
  })

  it.each([
    [80, 4, 5, true],
    [80, 3, 5, false]
  ])('min-diff-coverage %d with %d of %d lines', (threshold, covered, total, passed) => {
    const [gate] = evaluateGates({...off, minDiffCoverage: threshold}, {...none, diff: diffWith(covered, total)})
    expect(gate).toMatchObject({name: 'min-diff-coverage', threshold, actual: summary(covered, total).percent, passed})
    expect(gate?.message).toBe(`Tests run ${covered} of the ${total} changed lines that are instrumented (${summary(covered, total).percent.toFixed(1)}%); the minimum is ${threshold}%.`)
  })

  it('records gates that have nothing to judge as skipped, passing, with the reason', () => {
    const gates = evaluateGates({maxVersionDelta: 2, minCoverage: 50, maxCoverageDrop: 1, minDiffCoverage: 80}, none)
    expect(gates).toEqual([
      {name: 'max-version-delta', threshold: 2, actual: null, passed: true, skipped: true, message: 'Not evaluated: Only one version has coverage, so there is no other version to compare.'},
      {name: 'min-coverage', threshold: 50, actual: null, passed: true, skipped: true, message: 'Not evaluated: The reference version has no coverage (it failed to build or was skipped).'},
      {name: 'max-coverage-drop', threshold: 1, actual: null, passed: true, skipped: true, message: 'Not evaluated: No baseline to compare with (none saved yet, or baseline is "none").'},
      {name: 'min-diff-coverage', threshold: 80, actual: null, passed: true, skipped: true, message: 'Not evaluated: There is no pull request diff to measure.'}
    ])
    expect(evaluateGates({...off, minDiffCoverage: 80}, {...none, diff: diffWith(0, 0)})[0]?.message).toBe('Not evaluated: The change touches no instrumented Go lines.')
  })
})
