import {formatPercent} from '../coverage/percent.js'
import type {Summary} from '../coverage/model.js'
import type {BaselineComparison} from './baseline.js'
import type {DiffCoverage} from './diff.js'
import type {VersionComparison} from './versions.js'

/** report.json `gates[]`. */
export interface Gate {
  name: 'max-version-delta' | 'min-coverage' | 'max-coverage-drop' | 'min-diff-coverage'
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

/** The numbers gates judge. Null means not available in this run. */
export interface GateInputs {
  reference: {version: string; statements: Summary} | null
  versions: readonly VersionComparison[]
  baseline: BaselineComparison | null
  diff: DiffCoverage | null
}

/**
 * Evaluates the gates. A gate whose threshold is off is absent (min-coverage 0 cannot fail, so
 * it is off too). A gate that is on but has nothing to judge (no baseline yet, a push without a
 * diff, no reference coverage) is present with `skipped: true`, `actual: null`, passed, and a
 * message saying why, so a report shows that it was not forgotten. max-version-delta yields one
 * gate per compared version, judged on the like-for-like delta.
 */
export function evaluateGates(thresholds: GateThresholds, inputs: GateInputs): Gate[] {
  const gates: Gate[] = []
  const {maxVersionDelta, minCoverage, maxCoverageDrop, minDiffCoverage} = thresholds

  if (maxVersionDelta !== null) {
    if (inputs.versions.length === 0) {
      gates.push(skipped('max-version-delta', maxVersionDelta, 'Only one version has coverage, so there is no other version to compare.'))
    }
    for (const v of inputs.versions) {
      const distance = Math.abs(v.likeForLikeDelta)
      const passed = distance <= maxVersionDelta
      const direction = v.likeForLikeDelta < 0 ? 'less' : 'more'
      const message =
        v.likeForLikeDelta === 0
          ? `Go ${v.version} covers the same share as Go ${v.reference} of the ${v.common.lines} lines both instrument (limit ${points(maxVersionDelta)}).`
          : `Go ${v.version} covers ${distance.toFixed(1)} points ${direction} than Go ${v.reference} on the ${v.common.lines} lines both instrument; the limit is ${maxVersionDelta}.`
      gates.push({name: 'max-version-delta', threshold: maxVersionDelta, actual: v.likeForLikeDelta, passed, message})
    }
  }

  if (minCoverage > 0) {
    const ref = inputs.reference
    if (ref === null) {
      gates.push(skipped('min-coverage', minCoverage, 'The reference version has no coverage (it failed to build or was skipped).'))
    } else {
      const passed = ref.statements.percent >= minCoverage
      const shown = formatPercent(ref.statements.covered, ref.statements.total)
      gates.push({
        name: 'min-coverage',
        threshold: minCoverage,
        actual: ref.statements.percent,
        passed,
        message: `Go ${ref.version} covers ${shown}% of statements (${ref.statements.covered} of ${ref.statements.total}); the minimum is ${minCoverage}%.`
      })
    }
  }

  if (maxCoverageDrop !== null) {
    const baseline = inputs.baseline
    if (baseline === null || baseline.total.delta === null) {
      gates.push(skipped('max-coverage-drop', maxCoverageDrop, 'No baseline to compare with (none saved yet, or baseline is "none").'))
    } else {
      const delta = baseline.total.delta
      const passed = -delta <= maxCoverageDrop
      const what = baseline.metric === 'statements' ? 'statement' : 'line'
      const change = delta < 0 ? `dropped ${(-delta).toFixed(1)} points` : delta > 0 ? `rose ${delta.toFixed(1)} points` : 'did not change'
      gates.push({
        name: 'max-coverage-drop',
        threshold: maxCoverageDrop,
        actual: delta,
        passed,
        message: `${capitalize(what)} coverage ${change} against the baseline (${baseline.total.baseline?.percent.toFixed(1)}% to ${baseline.total.current?.percent.toFixed(1)}%); the largest drop allowed is ${points(maxCoverageDrop)}.`
      })
    }
  }

  if (minDiffCoverage !== null) {
    const diff = inputs.diff
    if (diff === null || diff.lines.total === 0) {
      const why = diff === null ? 'There is no pull request diff to measure.' : 'The change touches no instrumented Go lines.'
      gates.push(skipped('min-diff-coverage', minDiffCoverage, why))
    } else {
      const passed = diff.lines.percent >= minDiffCoverage
      const shown = formatPercent(diff.lines.covered, diff.lines.total)
      gates.push({
        name: 'min-diff-coverage',
        threshold: minDiffCoverage,
        actual: diff.lines.percent,
        passed,
        message: `Tests run ${diff.lines.covered} of the ${diff.lines.total} changed lines that are instrumented (${shown}%); the minimum is ${minDiffCoverage}%.`
      })
    }
  }
  return gates
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
