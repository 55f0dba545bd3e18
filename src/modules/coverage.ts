/**
 * One version's coverage over several modules. Pure: the caller analysed each module's profile
 * (pipeline.ts analyseVersion); coverage/lcov.ts repositoryPaths names their files in the repository.
 */
import {mergeProfiles} from '../coverage/merge.js'
import {summarizeStatements} from '../coverage/summary.js'
import {mergeLineCoverage, summarizeLines} from '../coverage/lines.js'
import {addSummaries} from '../coverage/percent.js'
import type {AnalysedCoverage} from '../pipeline.js'

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
