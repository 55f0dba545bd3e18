import {packageOf} from './model.js'
import type {Breakdown, NamedSummary, Profile, Summary} from './model.js'
import {compareStrings} from './order.js'
import {summary} from './percent.js'

/**
 * Statement coverage with Go's semantics: a block's statements are covered when its count is
 * above 0; totals add counts per file, per package (the file's import path directory) and in all.
 */
export function summarizeStatements(profile: Profile): Breakdown {
  const n = profile.files.length
  const covered = new Float64Array(n)
  const totals = new Float64Array(n)
  const {numStmt, count} = profile.blocks
  profile.files.forEach((f, k) => {
    let c = 0
    let t = 0
    for (let i = f.start; i < f.start + f.length; i++) {
      const statements = numStmt[i] as number
      t += statements
      if ((count[i] as number) > 0) c += statements
    }
    covered[k] = c
    totals[k] = t
  })
  return breakdown({names: profile.files.map(f => f.file), covered, totals})
}

/** Counts per file: names[i] has covered[i] of totals[i]. */
export interface FileCounts {
  names: readonly string[]
  covered: ArrayLike<number>
  totals: ArrayLike<number>
}

/**
 * Rolls per-file counts up into packages and a total. Files usually come sorted by name (from a
 * profile or a line table), so a package's files are neighbours and nothing is sorted again:
 * a report of a million files costs little more than its million summaries.
 */
export function breakdown(counts: FileCounts): Breakdown {
  const {names, covered, totals} = counts
  let order = names.map((_, i) => i)
  if (!isSorted(names)) order = order.sort((a, b) => compareStrings(names[a] as string, names[b] as string))
  const files: NamedSummary[] = []
  const packages = new Map<string, {covered: number; total: number}>()
  let all = 0
  let allCovered = 0
  let lastPackage = ''
  let current: {covered: number; total: number} | undefined
  for (const i of order) {
    const name = names[i] as string
    const c = covered[i] as number
    const t = totals[i] as number
    files.push({name, summary: summary(c, t)})
    if (current === undefined || !inPackage(name, lastPackage)) {
      lastPackage = packageOf(name)
      current = packages.get(lastPackage)
      if (current === undefined) packages.set(lastPackage, (current = {covered: 0, total: 0}))
    }
    current.covered += c
    current.total += t
    allCovered += c
    all += t
  }
  const packageNames = [...packages.keys()]
  if (!isSorted(packageNames)) packageNames.sort(compareStrings)
  return {
    total: summary(allCovered, all),
    packages: packageNames.map(name => {
      const p = packages.get(name) as {covered: number; total: number}
      return {name, summary: summary(p.covered, p.total)}
    }),
    files
  }
}

/** Whether `file` is directly in package `pkg` (packageOf(file) === pkg, without making the string). */
function inPackage(file: string, pkg: string): boolean {
  return file.length > pkg.length && file.startsWith(pkg) && file.charCodeAt(pkg.length) === SLASH && file.indexOf('/', pkg.length + 1) < 0
}

const SLASH = 47

function isSorted(names: readonly string[]): boolean {
  for (let i = 1; i < names.length; i++) if (compareStrings(names[i - 1] as string, names[i] as string) > 0) return false
  return true
}

/** The summary of one name in a breakdown's list, if it is there. */
export function findSummary(list: readonly NamedSummary[], name: string): Summary | undefined {
  return list.find(entry => entry.name === name)?.summary
}
