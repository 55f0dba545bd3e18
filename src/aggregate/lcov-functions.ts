/**
 * A leg's functions, read back from its coverage.lcov (the FN/FNDA records its `go tool cover
 * -func` produced, read by coverage/lcov.ts parseLcov), so the aggregate needs no Go. Pure:
 * records and profiles in, values out.
 */
import type {LcovFunction} from '../coverage/lcov.js'
import {CoverageError} from '../coverage/model.js'
import type {Profile} from '../coverage/model.js'
import type {FunctionCoverage} from '../coverage/functions.js'
import {summary} from '../coverage/percent.js'

/**
 * Pairs each SF path with the profile's file it was written for. SF paths are repository
 * paths (`examples/hello/greet/greet.go`) and profile files import paths
 * (`example.com/hello/greet/greet.go`): they share their trailing segments, and a source
 * belongs to the one profile file sharing the most of them.
 */
export function matchSourceFiles(sources: readonly string[], files: readonly string[], where: string): Map<string, string> {
  const byBase = new Map<string, string[]>()
  for (const file of files) {
    const base = file.slice(file.lastIndexOf('/') + 1)
    byBase.set(base, [...(byBase.get(base) ?? []), file])
  }
  const matched = new Map<string, string>()
  for (const source of sources) {
    const candidates = byBase.get(source.slice(source.lastIndexOf('/') + 1)) ?? []
    const scored = candidates.map(file => ({file, shared: sharedTrailingSegments(source, file)})).sort((a, b) => b.shared - a.shared)
    const [best, second] = scored
    if (best === undefined) throw new CoverageError(`${where}: SF:${source} names no file of the coverage profile`)
    if (second !== undefined && second.shared === best.shared) {
      throw new CoverageError(`${where}: SF:${source} could be ${best.file} or ${second.file} of the coverage profile`)
    }
    matched.set(source, best.file)
  }
  return matched
}

function sharedTrailingSegments(a: string, b: string): number {
  const x = a.split('/')
  const y = b.split('/')
  let n = 0
  while (n < x.length && n < y.length && x[x.length - 1 - n] === y[y.length - 1 - n]) n++
  return n
}

/**
 * The functions of one version as the pipeline's FunctionCoverage, named by profile file. LCOV
 * keeps no percentage: it is recomputed from the profile as the share of statements that ran
 * in the blocks starting between the function's line and the next function's (the same span
 * functionCoverage looks at), so it is the only figure that can differ from the leg's
 * `go tool cover -func`; it feeds no total, since function totals count covered functions.
 */
export function functionsFromLcov(functions: readonly LcovFunction[], sourceToFile: ReadonlyMap<string, string>, profile: Profile): FunctionCoverage[] {
  const files = new Map(profile.files.map(f => [f.file, f]))
  const named = functions.map(fn => ({...fn, file: sourceToFile.get(fn.source) ?? fn.source}))
  // The next function's line in the same file ends a function's span.
  const linesByFile = new Map<string, number[]>()
  for (const fn of named) linesByFile.set(fn.file, [...(linesByFile.get(fn.file) ?? []), fn.line])
  for (const lines of linesByFile.values()) lines.sort((a, b) => a - b)
  return named.map(fn => {
    const nextLine = linesByFile.get(fn.file)?.find(line => line > fn.line) ?? Infinity
    const f = files.get(fn.file)
    const {startLine, numStmt, count} = profile.blocks
    let covered = 0
    let total = 0
    for (let i = f?.start ?? 0; f !== undefined && i < f.start + f.length; i++) {
      const start = startLine[i] as number
      if (start < fn.line || start >= nextLine) continue
      total += numStmt[i] as number
      if ((count[i] as number) > 0) covered += numStmt[i] as number
    }
    return {file: fn.file, line: fn.line, name: fn.name, percent: summary(covered, total).percent, covered: fn.hits > 0, hits: fn.hits}
  })
}
