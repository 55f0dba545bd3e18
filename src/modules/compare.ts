/**
 * Like for like per module: each module under each version against the same module under the
 * run's reference version, as compare/versions.ts compares whole versions. Pure.
 */
import {compareVersions} from '../compare/versions.js'
import type {AnalysedCoverage} from '../pipeline.js'
import type {ModuleComparison, ModuleReport} from './report.js'

/** One row's modules with what the engine made of each one's profile. */
export interface ModuleRows {
  /** The row's label (its version, or `<version> (<platform>)`). */
  label: string
  modules: readonly {dir: string; coverage: AnalysedCoverage | null}[]
}

/**
 * Per row label and module folder: the module against itself under `reference` (the run's
 * reference row), when both have coverage. The reference row's modules, and a module the
 * reference did not cover (skipped there), have none.
 */
export function compareModules(rows: readonly ModuleRows[], reference: string | null): Map<string, Map<string, ModuleComparison>> {
  const result = new Map<string, Map<string, ModuleComparison>>()
  const ref = rows.find(r => r.label === reference)
  if (reference === null || ref === undefined) return result
  for (const refModule of ref.modules) {
    if (refModule.coverage === null) continue
    const inputs = rows.flatMap(row => {
      const c = row.modules.find(m => m.dir === refModule.dir)?.coverage
      return c ? [{version: row.label, profile: c.profile, lines: c.lines, otherTestBinaries: c.otherTestBinaries ?? null}] : []
    })
    for (const c of compareVersions(inputs, reference, {maxLines: 0})) {
      const byDir = result.get(c.version) ?? new Map<string, ModuleComparison>()
      byDir.set(refModule.dir, {reference: c.reference, rawDelta: c.rawDelta, likeForLikeDelta: c.likeForLikeDelta, commonLines: c.common.lines})
      result.set(c.version, byDir)
    }
  }
  return result
}

/** The modules of a row with their comparisons attached (new objects; the inputs are not changed). */
export function withComparisons(modules: readonly ModuleReport[], comparisons: ReadonlyMap<string, ModuleComparison> | undefined): ModuleReport[] {
  return modules.map(m => {
    const comparison = comparisons?.get(m.dir)
    return comparison ? {...m, comparison} : m
  })
}
