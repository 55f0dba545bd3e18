import {formatPercent} from '../coverage/percent.js'
import type {Summary} from '../coverage/model.js'
import type {BaselineComparison} from './baseline.js'
import type {DiffCoverage} from './diff.js'
import type {VersionComparison} from './versions.js'
import type {VersionStatus} from '../runner/types.js'

/** report.json `gates[]`. */
export interface Gate {
  /** The threshold gates, and the aggregate's own `legs` gate (a leg missing or failed). */
  name: 'max-version-delta' | 'min-coverage' | 'max-coverage-drop' | 'min-diff-coverage' | 'legs'
  threshold: number
  /** The measured value in points or percent; null when the gate could not be evaluated. */
  actual: number | null
  passed: boolean
  /** Set when there was nothing to evaluate (no baseline, no changed Go lines): it passes. */
  skipped?: true
  message: string
}

/** The gate thresholds of Options; null (or 0 for min-coverage) turns a gate off. */
export interface GateThresholds {
  maxVersionDelta: number | null
  minCoverage: number
  maxCoverageDrop: number | null
  minDiffCoverage: number | null
}

/** What one row of the run gave, for saying why a gate had nothing to judge. */
export interface RunFacts {
  /** The row's label: its version, or `<version> (<platform>)`. */
  version: string
  status: VersionStatus
  reason?: string
  /** Tests that ran: passed, failed or skipped. */
  tests: number
  /** Its coverage profile was written and read. */
  coverage: boolean
}

/** The pull request's changed lines: none (not a pull request), read, or unreadable (with why). */
export type ChangedLinesState = {state: 'none'} | {state: 'read'} | {state: 'unreadable'; reason: string}

/** The numbers gates judge. Null means not available in this run. */
export interface GateInputs {
  reference: {version: string; statements: Summary} | null
  versions: readonly VersionComparison[]
  baseline: BaselineComparison | null
  diff: DiffCoverage | null
  /** Every row of the run, in order. */
  runs: readonly RunFacts[]
  /** A baseline was found: `baseline` is null then only when there was no coverage to compare with it. */
  baselineFound: boolean
  changedLines: ChangedLinesState
}

/**
 * Evaluates the gates. A gate whose threshold is off is absent (min-coverage 0 cannot fail, so
 * it is off too). A gate that is on but legitimately has nothing to judge (no baseline saved
 * yet, a run that is not of a pull request, a change that touches no instrumented line, a
 * single version) is present with `skipped: true`, `actual: null`, passed, and the reason, so a
 * report shows that it was not forgotten. A gate that cannot be judged because coverage is
 * missing where it was asked for (no profile at all, a version that passed without one, a
 * reference profile with no statements, a pull request diff that could not be read) fails,
 * saying why: a gate never passes on nothing. max-version-delta yields one gate per compared
 * version, judged on the like-for-like delta.
 */
export function evaluateGates(thresholds: GateThresholds, inputs: GateInputs): Gate[] {
  const {maxVersionDelta, minCoverage, maxCoverageDrop, minDiffCoverage} = thresholds
  return [
    ...(maxVersionDelta !== null ? versionDeltaGates(maxVersionDelta, inputs) : []),
    ...(minCoverage > 0 ? [minCoverageGate(minCoverage, inputs)] : []),
    ...(maxCoverageDrop !== null ? [coverageDropGate(maxCoverageDrop, inputs)] : []),
    ...(minDiffCoverage !== null ? [diffCoverageGate(minDiffCoverage, inputs)] : [])
  ]
}

function versionDeltaGates(limit: number, inputs: GateInputs): Gate[] {
  const gates = inputs.versions.map(v => versionDeltaGate(limit, v))
  const reference = inputs.reference?.version
  // A version that passed without coverage would otherwise be left out of the comparison unseen
  // (a run of one version has nothing to compare it with, and min-coverage judges it).
  const uncovered = inputs.runs.length > 1 ? inputs.runs.filter(r => r.status === 'passed' && !r.coverage && r.version !== reference) : []
  for (const run of uncovered) {
    const other = reference !== undefined ? `Go ${reference}` : 'the other versions'
    gates.push(unevaluated('max-version-delta', limit, `Go ${run.version} passed but ${noProfile(run)}, so it cannot be compared with ${other}.`))
  }
  if (gates.length > 0) return gates
  const covered = inputs.runs.filter(r => r.coverage).length
  if (reference === undefined && covered > 1) {
    return [unevaluated('max-version-delta', limit, 'the reference version has no coverage, so no version can be compared with it.')]
  }
  return [skipped('max-version-delta', limit, covered === 0 ? 'No version has coverage to compare.' : 'Only one version has coverage, so there is no other version to compare.')]
}

function versionDeltaGate(limit: number, v: VersionComparison): Gate {
  if (v.common.lines === 0 && (v.statements.covered > 0 || v.referenceStatements.covered > 0)) {
    return unevaluated(
      'max-version-delta',
      limit,
      `Go ${v.version} and Go ${v.reference} instrument no line in common (${v.statements.total} and ${v.referenceStatements.total} statements), so their coverage cannot be compared like for like.`
    )
  }
  const distance = Math.abs(v.likeForLikeDelta)
  const direction = v.likeForLikeDelta < 0 ? 'less' : 'more'
  const message =
    v.likeForLikeDelta === 0
      ? `Go ${v.version} covers the same share as Go ${v.reference} of the ${v.common.lines} lines both instrument (limit ${points(limit)}).`
      : `Go ${v.version} covers ${distance.toFixed(1)} points ${direction} than Go ${v.reference} on the ${v.common.lines} lines both instrument; the limit is ${limit}.`
  return {name: 'max-version-delta', threshold: limit, actual: v.likeForLikeDelta, passed: distance <= limit, message}
}

function minCoverageGate(minimum: number, inputs: GateInputs): Gate {
  const ref = inputs.reference
  if (ref === null) return unevaluated('min-coverage', minimum, noReferenceCoverage(inputs.runs))
  if (ref.statements.total === 0) {
    const run = inputs.runs.find(r => r.version === ref.version)
    const tests = run === undefined ? '' : run.tests === 0 ? ': no test ran' : ` (${run.tests} tests ran)`
    return unevaluated('min-coverage', minimum, `the coverage profile of Go ${ref.version} has no statements${tests}.`)
  }
  const {covered, total} = ref.statements
  return atLeast('min-coverage', minimum, ref.statements, `Go ${ref.version} covers ${formatPercent(covered, total)}% of statements (${covered} of ${total}); the minimum is ${minimum}%.`)
}

/** A gate on a percentage that must be at least `minimum`. */
function atLeast(name: Gate['name'], minimum: number, measured: Summary, message: string): Gate {
  return {name, threshold: minimum, actual: measured.percent, passed: measured.percent >= minimum, message}
}

function coverageDropGate(limit: number, inputs: GateInputs): Gate {
  const baseline = inputs.baseline
  if (baseline === null) {
    if (inputs.baselineFound) return unevaluated('max-coverage-drop', limit, `there is a baseline, but ${noReferenceCoverage(inputs.runs)}`)
    return skipped('max-coverage-drop', limit, 'No baseline to compare with (none saved yet, or baseline is "none").')
  }
  const delta = baseline.total.delta
  if (delta === null) return skipped('max-coverage-drop', limit, 'The baseline has no total coverage to compare with.')
  const what = baseline.metric === 'statements' ? 'statement' : 'line'
  const change = delta < 0 ? `dropped ${(-delta).toFixed(1)} points` : delta > 0 ? `rose ${delta.toFixed(1)} points` : 'did not change'
  return {
    name: 'max-coverage-drop',
    threshold: limit,
    actual: delta,
    passed: -delta <= limit,
    message: `${capitalize(what)} coverage ${change} against the baseline (${baseline.total.baseline?.percent.toFixed(1)}% to ${baseline.total.current?.percent.toFixed(1)}%); the largest drop allowed is ${points(limit)}.`
  }
}

function diffCoverageGate(minimum: number, inputs: GateInputs): Gate {
  const {diff, changedLines} = inputs
  if (diff === null) {
    if (changedLines.state === 'none') return skipped('min-diff-coverage', minimum, 'There is no pull request diff to measure.')
    if (changedLines.state === 'unreadable') return unevaluated('min-diff-coverage', minimum, `the pull request's changed lines could not be read: ${changedLines.reason}`)
    return unevaluated('min-diff-coverage', minimum, `the pull request's changed lines were read, but ${noCoverage(inputs.runs)}`)
  }
  if (diff.lines.total === 0) return skipped('min-diff-coverage', minimum, 'The change touches no instrumented Go lines.')
  const {covered, total} = diff.lines
  return atLeast('min-diff-coverage', minimum, diff.lines, `Tests run ${covered} of the ${total} changed lines that are instrumented (${formatPercent(covered, total)}%); the minimum is ${minimum}%.`)
}

/** Why the reference has no coverage: no version has any, or the one reference-version names has none. */
function noReferenceCoverage(runs: readonly RunFacts[]): string {
  return runs.some(r => r.coverage) ? 'the reference version (reference-version) has no coverage.' : noCoverage(runs)
}

/** "no version produced coverage: Go 1.22.12 passed but no test ran and no coverage profile was written; …" */
function noCoverage(runs: readonly RunFacts[]): string {
  if (runs.length === 0) return 'no Go version ran, so there is no coverage.'
  const shown = runs.slice(0, MAX_RUNS_NAMED).map(describeRun)
  const more = runs.length > MAX_RUNS_NAMED ? `; and ${runs.length - MAX_RUNS_NAMED} more` : ''
  return `no version produced coverage: ${shown.join('; ')}${more}.`
}

const MAX_RUNS_NAMED = 5

function describeRun(run: RunFacts): string {
  const why = run.reason ? ` (${run.reason.replace(/\.$/, '')})` : ''
  if (run.status === 'skipped') return `Go ${run.version} was skipped${why}`
  if (run.status === 'error') return `Go ${run.version} could not be run${why}`
  if (run.status === 'failed') return `Go ${run.version} failed${why} and ${noProfile(run)}`
  return `Go ${run.version} passed but ${noProfile(run)}`
}

function noProfile(run: RunFacts): string {
  return run.tests === 0 ? 'no test ran and no coverage profile was written' : 'no coverage profile was written'
}

/**
 * A gate that is on and cannot be judged for want of coverage: it fails, and its message names
 * the gate (the verdict quotes the message alone) and says why.
 */
function unevaluated(name: Gate['name'], threshold: number, why: string): Gate {
  const limit = name === 'min-coverage' || name === 'min-diff-coverage' ? `${threshold}%` : points(threshold)
  return {name, threshold, actual: null, passed: false, message: `The ${name} gate (${limit}) cannot be judged: ${why}`}
}

function skipped(name: Gate['name'], threshold: number, message: string): Gate {
  return {name, threshold, actual: null, passed: true, skipped: true, message: `Not evaluated: ${message}`}
}

function points(n: number): string {
  return `${n} point${n === 1 ? '' : 's'}`
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
