/**
 * One version's coverage over several modules, and the paths that name a module's files in the
 * repository. Pure: the caller analysed each module's profile (pipeline.ts analyseVersion).
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

/** A module as the repository holds it: its module path and its folder relative to the repository root ('' for the root). */
export interface ModulePlace {
  path: string
  dir: string
}

/**
 * A file's path in the repository from its name in a profile (`example.com/m/api/x.go` →
 * `api/x.go`): the module whose path is the longest prefix of the name decides (a nested module
 * is not a package of the one around it). A file of no listed module keeps its import path.
 */
export function repositoryPaths(modules: readonly ModulePlace[]): (file: string) => string {
  const byLength = [...modules].sort((a, b) => b.path.length - a.path.length)
  return file => {
    const module = byLength.find(m => file.startsWith(`${m.path}/`))
    if (module === undefined) return file
    const dir = module.dir.replace(/\/+$/, '').replace(/^\.(\/|$)/, '')
    return (dir === '' ? '' : `${dir}/`) + file.slice(module.path.length + 1)
  }
}
