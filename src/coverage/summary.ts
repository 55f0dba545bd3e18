import {packageOf} from './model.js'
import type {Breakdown, NamedSummary, Profile, Summary} from './model.js'
import {compareStrings} from './order.js'
import {summary} from './percent.js'

/**
 * Statement coverage with Go's semantics: a block's statements are covered when its count is
 * above 0; totals add counts per file, per package (the file's import path directory) and in all.
 */
export function summarizeStatements(profile: Profile): Breakdown {
  const files = new Map<string, Counts>()
  for (const f of profile.files) {
    let covered = 0
    let total = 0
    for (let i = 0; i < f.length; i++) {
      const n = f.numStmt[i] as number
      total += n
      if ((f.count[i] as number) > 0) covered += n
    }
    files.set(f.file, {covered, total})
  }
  return breakdown(files)
}

interface Counts {
  covered: number
  total: number
}

/** Rolls per-file counts up into packages and a total. */
export function breakdown(files: ReadonlyMap<string, Counts>): Breakdown {
  const packages = new Map<string, Counts>()
  const total: Counts = {covered: 0, total: 0}
  for (const [file, counts] of files) {
    const name = packageOf(file)
    const pkg = packages.get(name) ?? {covered: 0, total: 0}
    pkg.covered += counts.covered
    pkg.total += counts.total
    packages.set(name, pkg)
    total.covered += counts.covered
    total.total += counts.total
  }
  return {total: summary(total.covered, total.total), packages: named(packages), files: named(files)}
}

function named(counts: ReadonlyMap<string, Counts>): NamedSummary[] {
  return [...counts]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([name, c]): NamedSummary => ({name, summary: summary(c.covered, c.total)}))
}

/** The summary of one name in a breakdown's list, if it is there. */
export function findSummary(list: readonly NamedSummary[], name: string): Summary | undefined {
  return list.find(entry => entry.name === name)?.summary
}
