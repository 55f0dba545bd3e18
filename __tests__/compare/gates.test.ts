import {describe, expect, it} from '@jest/globals'
import {evaluateGates} from '../../src/compare/gates.js'
import type {GateInputs, GateThresholds, RunFacts} from '../../src/compare/gates.js'
import type {VersionComparison} from '../../src/compare/versions.js'
import type {BaselineComparison} from '../../src/compare/baseline.js'
import type {DiffCoverage} from '../../src/compare/diff.js'
import {summary} from '../../src/coverage/percent.js'

const off: GateThresholds = {maxVersionDelta: null, minCoverage: 0, maxCoverageDrop: null, minDiffCoverage: null}
const none: GateInputs = {reference: null, versions: [], baseline: null, diff: null, runs: [], baselineFound: false, changedLines: {state: 'none'}}
const ran = (version: string, facts: Partial<RunFacts> = {}): RunFacts => ({version, status: 'passed', tests: 12, coverage: true, ...facts})
const noTests = ran('1.22.12', {tests: 0, coverage: false})

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

  it('records gates that legitimately have nothing to judge as skipped, passing, with the reason', () => {
    // One version, no baseline saved yet, not a pull request.
    const single: GateInputs = {...none, reference: {version: '1.23.5', statements: summary(8, 10)}, runs: [ran('1.23.5')]}
    const gates = evaluateGates({maxVersionDelta: 2, minCoverage: 50, maxCoverageDrop: 1, minDiffCoverage: 80}, single)
    expect(gates).toEqual([
      {name: 'max-version-delta', threshold: 2, actual: null, passed: true, skipped: true, message: 'Not evaluated: Only one version has coverage, so there is no other version to compare.'},
      {name: 'min-coverage', threshold: 50, actual: 80, passed: true, message: 'Go 1.23.5 covers 80.0% of statements (8 of 10); the minimum is 50%.'},
      {name: 'max-coverage-drop', threshold: 1, actual: null, passed: true, skipped: true, message: 'Not evaluated: No baseline to compare with (none saved yet, or baseline is "none").'},
      {name: 'min-diff-coverage', threshold: 80, actual: null, passed: true, skipped: true, message: 'Not evaluated: There is no pull request diff to measure.'}
    ])
    // A pull request that changes no instrumented Go line.
    expect(evaluateGates({...off, minDiffCoverage: 80}, {...single, diff: diffWith(0, 0), changedLines: {state: 'read'}})[0]).toMatchObject({
      passed: true,
      skipped: true,
      message: 'Not evaluated: The change touches no instrumented Go lines.'
    })
    // A run of one version that has no coverage: nothing to compare it with (min-coverage judges it).
    expect(evaluateGates({...off, maxVersionDelta: 2}, {...none, runs: [noTests]})[0]).toMatchObject({passed: true, skipped: true, message: 'Not evaluated: No version has coverage to compare.'})
    // Every version skipped for the module's go line: nothing ran, so nothing differs between versions.
    const skippedAll = {...none, runs: [ran('1.19.8', {status: 'skipped', reason: 'go.mod requires go >= 1.23', tests: 0, coverage: false})]}
    expect(evaluateGates({...off, maxVersionDelta: 2}, skippedAll)).toEqual([
      {name: 'max-version-delta', threshold: 2, actual: null, passed: true, skipped: true, message: 'Not evaluated: No version has coverage to compare.'}
    ])
  })

  it.each<[string, GateThresholds, GateInputs, string]>([
    [
      'min-coverage without any profile',
      {...off, minCoverage: 90},
      {...none, runs: [noTests]},
      'The min-coverage gate (90%) cannot be judged: no version produced coverage: Go 1.22.12 passed but no test ran and no coverage profile was written.'
    ],
    [
      'min-coverage when every version was skipped or broken',
      {...off, minCoverage: 90},
      {
        ...none,
        runs: [
          ran('1.19.8', {status: 'skipped', reason: 'go.mod requires go >= 1.23', tests: 0, coverage: false}),
          ran('1.23.5', {status: 'error', reason: 'go test was killed by a signal', tests: 0, coverage: false}),
          ran('1.24.4', {status: 'failed', reason: 'build failed', tests: 0, coverage: false})
        ]
      },
      'The min-coverage gate (90%) cannot be judged: no version produced coverage: Go 1.19.8 was skipped (go.mod requires go >= 1.23); Go 1.23.5 could not be run (go test was killed by a signal); Go 1.24.4 failed (build failed) and no test ran and no coverage profile was written.'
    ],
    [
      'min-coverage on a reference profile with no statements',
      {...off, minCoverage: 90},
      {...none, reference: {version: '1.22.12', statements: summary(0, 0)}, runs: [ran('1.22.12', {tests: 0})]},
      'The min-coverage gate (90%) cannot be judged: the coverage profile of Go 1.22.12 has no statements: no test ran.'
    ],
    [
      'min-coverage when reference-version names a version without coverage',
      {...off, minCoverage: 90},
      {...none, runs: [ran('1.21.13', {status: 'skipped', tests: 0, coverage: false}), ran('1.23.5')]},
      'The min-coverage gate (90%) cannot be judged: the reference version (reference-version) has no coverage.'
    ],
    [
      'max-version-delta with a version that passed without a profile',
      {...off, maxVersionDelta: 2},
      {...none, reference: {version: '1.23.5', statements: summary(8, 10)}, runs: [ran('1.21.13', {coverage: false}), ran('1.23.5')]},
      'The max-version-delta gate (2 points) cannot be judged: Go 1.21.13 passed but no coverage profile was written, so it cannot be compared with Go 1.23.5.'
    ],
    [
      'max-version-delta on versions that instrument no line in common',
      {...off, maxVersionDelta: 2},
      {
        ...none,
        reference: {version: '1.23.5', statements: summary(8, 10)},
        versions: [{...versionComparison('1.21.13', 0), statements: summary(0, 0), referenceStatements: summary(8, 10), common: {lines: 0, covered: 0, referenceCovered: 0}}],
        runs: [ran('1.21.13'), ran('1.23.5')]
      },
      'The max-version-delta gate (2 points) cannot be judged: Go 1.21.13 and Go 1.23.5 instrument no line in common (0 and 10 statements), so their coverage cannot be compared like for like.'
    ],
    [
      'max-coverage-drop with a baseline but no coverage',
      {...off, maxCoverageDrop: 1},
      {...none, baselineFound: true, runs: [noTests]},
      'The max-coverage-drop gate (1 point) cannot be judged: there is a baseline, but no version produced coverage: Go 1.22.12 passed but no test ran and no coverage profile was written.'
    ],
    [
      "min-diff-coverage on a pull request's diff with no coverage",
      {...off, minDiffCoverage: 80},
      {...none, changedLines: {state: 'read'}, runs: [noTests]},
      "The min-diff-coverage gate (80%) cannot be judged: the pull request's changed lines were read, but no version produced coverage: Go 1.22.12 passed but no test ran and no coverage profile was written."
    ],
    [
      "min-diff-coverage when the pull request's diff could not be read",
      {...off, minDiffCoverage: 80},
      {...none, reference: {version: '1.23.5', statements: summary(8, 10)}, runs: [ran('1.23.5')], changedLines: {state: 'unreadable', reason: 'The base commit abc could not be fetched.'}},
      "The min-diff-coverage gate (80%) cannot be judged: the pull request's changed lines could not be read: The base commit abc could not be fetched."
    ]
  ])('fails, saying why, when a gate that is on cannot be judged: %s', (_name, thresholds, inputs, message) => {
    expect(evaluateGates(thresholds, inputs)).toEqual([expect.objectContaining({actual: null, passed: false, message})])
    expect(evaluateGates(thresholds, inputs)[0]).not.toHaveProperty('skipped')
  })
})
