import {CoverageError} from './model.js'
import type {Profile, Summary} from './model.js'
import {summary} from './percent.js'

/** One row of `go tool cover -func`: `file.go:12:\tName\t75.0%`. */
export interface FuncLine {
  file: string
  line: number
  name: string
  /** As Go printed it: one decimal. */
  percent: number
}

/** `go tool cover -func` output: its functions and the `total:` line. */
export interface FuncReport {
  functions: FuncLine[]
  /** The `total: (statements) N%` figure, or null when the output had none. */
  totalPercent: number | null
}

/** A function's coverage as reports and LCOV use it. */
export interface FunctionCoverage extends FuncLine {
  /** Some statement of the function ran. */
  covered: boolean
  /** Times the function was entered, as far as the profile tells (its first block's count). */
  hits: number
}

/**
 * Parses `go tool cover -func` output. Fields are tab-separated (Go aligns them with a
 * tabwriter); the location is read from the right so file names may contain `:`.
 */
export function parseFuncOutput(text: string, source = 'go tool cover -func'): FuncReport {
  const functions: FuncLine[] = []
  let totalPercent: number | null = null
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '')
    if (line.trim() === '') return
    const fields = line.split('\t').filter(field => field !== '')
    const where = `${source}:${index + 1}`
    const percent = parsePercent(fields[fields.length - 1], where, line)
    if (fields[0] === 'total:') {
      totalPercent = percent
      return
    }
    const location = /^(.+):(\d+):$/.exec(fields[0] ?? '')
    if (fields.length !== 3 || location === null) {
      throw new CoverageError(`${where}: expected "file.go:LINE:<tab>Name<tab>NN.N%", got ${JSON.stringify(line)}`)
    }
    functions.push({file: location[1] as string, line: Number(location[2]), name: fields[1] as string, percent})
  })
  return {functions, totalPercent}
}

function parsePercent(field: string | undefined, where: string, line: string): number {
  const match = /^(\d+\.\d)%$/.exec(field ?? '')
  if (match === null) throw new CoverageError(`${where}: expected a percentage like "75.0%" at the end, got ${JSON.stringify(line)}`)
  return Number(match[1])
}

/**
 * Joins `-func` rows with the profile they were computed from. Go prints 0.0% for a function of
 * more than 2,000 statements of which one ran, so "covered" also looks at the profile: the blocks
 * starting between the function's line and the next function's line in the same file. The hits
 * are those of the first such block, which runs once per call.
 */
export function functionCoverage(report: FuncReport, profile: Profile): FunctionCoverage[] {
  const files = new Map(profile.files.map(f => [f.file, f]))
  return report.functions.map((fn, index) => {
    const next = report.functions[index + 1]
    const end = next !== undefined && next.file === fn.file && next.line > fn.line ? next.line : Infinity
    const f = files.get(fn.file)
    let ran = false
    let entry = 0
    if (f !== undefined) {
      // Blocks are sorted by start line: find the first at or after the function's line.
      const {startLine, count} = profile.blocks
      const stop = f.start + f.length
      const first = lowerBound(startLine, f.start, stop, fn.line)
      if (first < stop && (startLine[first] as number) < end) entry = count[first] as number
      for (let i = first; i < stop && (startLine[i] as number) < end && !ran; i++) ran = (count[i] as number) > 0
    }
    const covered = fn.percent > 0 || ran
    return {...fn, covered, hits: Math.max(entry, covered ? 1 : 0)}
  })
}

/** The first index whose value is at least `value` in the sorted column[from, to). */
function lowerBound(column: Int32Array, from: number, to: number, value: number): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((column[mid] as number) < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Functions covered of functions found. */
export function summarizeFunctions(functions: readonly FunctionCoverage[]): Summary {
  return summary(functions.filter(fn => fn.covered).length, functions.length)
}

/**
 * The union of several versions' functions (for merged.lcov): one entry per file, line and name;
 * covered when any version covered it, hits the highest of them (as merged lines take the highest).
 */
export function mergeFunctionCoverage(lists: readonly (readonly FunctionCoverage[])[]): FunctionCoverage[] {
  const merged = new Map<string, FunctionCoverage>()
  for (const list of lists) {
    for (const fn of list) {
      const key = `${fn.file}\n${fn.line}\n${fn.name}`
      const seen = merged.get(key)
      if (seen === undefined) merged.set(key, {...fn})
      else {
        seen.covered ||= fn.covered
        seen.hits = Math.max(seen.hits, fn.hits)
        seen.percent = Math.max(seen.percent, fn.percent)
      }
    }
  }
  return [...merged.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line))
}
