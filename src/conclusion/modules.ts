/**
 * A version's coverage over several modules, and like for like per module: each module under
 * each version against itself under the run's reference version, as compare/versions.ts compares
 * whole versions. Pure: the caller analysed each module's profile (pipeline.ts, or the legs the
 * aggregate rebuilt); coverage/lcov.ts repositoryPaths names their files in the repository.
 */
import {compareVersions} from '../compare/versions.js'
import {mergeLineCoverage, summarizeLines} from '../coverage/lines.js'
import {mergeProfiles} from '../coverage/merge.js'
import {addSummaries} from '../coverage/percent.js'
import {summarizeStatements} from '../coverage/summary.js'
import type {ModuleComparison, ModuleReport} from '../report/schema.js'
import type {AnalysedCoverage} from './analysed.js'

/**
 * A version's coverage from its modules' (at least one): the profiles merged as Go merges them
 * (each module's files are its own, so this is their union and the statements add up), the lines
 * likewise, the functions together, and the other test binaries' counters each module set aside.
 */
export function combineModuleCoverage(modules: readonly {name: string; coverage: AnalysedCoverage}[]): AnalysedCoverage {
  const [first] = modules
  if (first === undefined) throw new Error('combineModuleCoverage: no module has coverage')
  if (modules.length === 1) return first.coverage
  const profile = mergeProfiles(modules.map(m => ({name: m.name, profile: m.coverage.profile})))
  const lines = mergeLineCoverage(modules.map(m => m.coverage.lines))
  const other = modules.flatMap(m => (m.coverage.otherTestBinaries ? [m.coverage.otherTestBinaries] : []))
  return {
    profile,
    statements: summarizeStatements(profile),
    lines,
    lineSummary: summarizeLines(lines),
    functions: modules.flatMap(m => m.coverage.functions),
    otherTestBinaries: other.length === 0 ? null : {statements: addSummaries(other.map(o => o.statements)), packages: other.flatMap(o => o.packages)}
  }
}

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
