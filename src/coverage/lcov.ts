/**
 * LCOV tracefiles, written and read: the one module that knows the format (SF, FN/FNDA, DA,
 * LF/LH, end_of_record). Pure: text in, text out.
 */
import type {FunctionCoverage} from './functions.js'
import {CoverageError} from './model.js'
import type {LineCoverage} from './model.js'
import {compareStrings} from './order.js'

export interface LcovOptions {
  /** Functions to record as FN/FNDA (from `go tool cover -func`); none when omitted. */
  functions?: readonly FunctionCoverage[]
  /**
   * Maps a Go file (its import path) to the SF path written. Default: the import path itself.
   * Tools that open the sources (genhtml, Codecov) want a path relative to the repository:
   * see `moduleRelativePath`.
   */
  sourcePath?: (file: string) => string
  /** The TN line; omitted when empty. */
  testName?: string
}

/**
 * Writes line coverage as an LCOV tracefile: per file `SF`, `FN`/`FNDA`/`FNF`/`FNH`, `DA`,
 * `LF`/`LH`, `end_of_record`; files by name, lines ascending. A function name that repeats in a
 * file (methods of two types are both `String` in `-func` output) gets `@line` appended, since
 * LCOV tells functions apart by name.
 */
export function formatLcov(lines: LineCoverage, options: LcovOptions = {}): string {
  const sourcePath = options.sourcePath ?? ((file: string) => file)
  const functionsByFile = new Map<string, FunctionCoverage[]>()
  for (const fn of options.functions ?? []) {
    const list = functionsByFile.get(fn.file) ?? []
    list.push(fn)
    functionsByFile.set(fn.file, list)
  }
  const files = [...new Set([...lines.keys(), ...functionsByFile.keys()])].sort(compareStrings)
  const out: string[] = []
  for (const file of files) {
    if (options.testName) out.push(`TN:${options.testName}`)
    out.push(`SF:${sourcePath(file)}`)
    const functions = [...(functionsByFile.get(file) ?? [])].sort((a, b) => a.line - b.line)
    const names = uniqueNames(functions)
    functions.forEach((fn, i) => out.push(`FN:${fn.line},${names[i]}`))
    functions.forEach((fn, i) => out.push(`FNDA:${fn.hits},${names[i]}`))
    out.push(`FNF:${functions.length}`, `FNH:${functions.filter(fn => fn.hits > 0).length}`)
    let covered = 0
    const hitsByLine = lines.get(file) ?? new Map<number, number>()
    for (const [line, hits] of hitsByLine) {
      out.push(`DA:${line},${hits}`)
      if (hits > 0) covered++
    }
    out.push(`LF:${hitsByLine.size}`, `LH:${covered}`, 'end_of_record')
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}

function uniqueNames(functions: readonly FunctionCoverage[]): string[] {
  const counts = new Map<string, number>()
  for (const fn of functions) counts.set(fn.name, (counts.get(fn.name) ?? 0) + 1)
  return functions.map(fn => ((counts.get(fn.name) ?? 0) > 1 ? `${fn.name}@${fn.line}` : fn.name))
}

/**
 * A `sourcePath` for formatLcov: strips the module path, so `example.com/m/pkg/a.go` becomes
 * `pkg/a.go`, then prefixes the module's directory in the repository (`''` for the root).
 * Files outside the module keep their import path.
 */
export function moduleRelativePath(modulePath: string, moduleDir = ''): (file: string) => string {
  return repositoryPaths([{path: modulePath, dir: moduleDir}])
}

/** A module as the repository holds it: its module path and its folder relative to the repository root ('' for the root). */
export interface ModulePlace {
  path: string
  dir: string
}

/**
 * A `sourcePath` over several modules: a file's path in the repository from its name in a profile
 * (`example.com/m/api/x.go` → `api/x.go`), the module whose path is the longest prefix of the name
 * deciding (a nested module is not a package of the one around it). A file of no listed module
 * keeps its import path.
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

/** One FN record of an LCOV file with its FNDA hits. */
export interface LcovFunction {
  /** The SF path it was listed under. */
  source: string
  line: number
  name: string
  hits: number
}

/** One SF record of an LCOV file. */
export interface LcovRecord {
  /** The SF path, as written. */
  source: string
  /** DA: hits by line number (the largest, where a line repeats). */
  lines: Map<number, number>
  /** LF and LH, when the record has them. */
  found: number | null
  hit: number | null
  /** FN/FNDA, when read (parseLcov's `functions`). */
  functions: LcovFunction[]
}

export interface LcovReadOptions {
  /**
   * Read FN/FNDA strictly, as formatLcov writes them (an aggregate reads its legs' files back):
   * a malformed one is an error naming the line, and formatLcov's `@line` suffix on a repeated
   * name is taken off. Otherwise they are skipped (a baseline needs only lines, and other tools
   * write FN differently: lcov 2 adds an end line).
   */
  functions?: boolean
}

/**
 * Reads an LCOV tracefile's records, as lcov-parse did before it (lines trimmed, keys in any
 * case); a record runs from its SF line to end_of_record (or the end of the text). Lines of
 * other kinds (TN, BRDA, …) are skipped. `where` names the file in errors.
 */
export function parseLcov(text: string, where: string, options: LcovReadOptions = {}): LcovRecord[] {
  const records: LcovRecord[] = []
  let record: LcovRecord | null = null
  let byName = new Map<string, LcovFunction>()
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim()
    if (line === 'end_of_record') {
      record = null
      return
    }
    const colon = line.indexOf(':')
    const key = line.slice(0, colon).toUpperCase()
    const value = line.slice(colon + 1)
    if (key === 'SF') {
      record = {source: value.trim(), lines: new Map(), found: null, hit: null, functions: []}
      records.push(record)
      byName = new Map()
      return
    }
    if (key === 'DA' && record !== null) {
      const [at, hits] = value.split(',').map(Number)
      if (at === undefined || hits === undefined || !Number.isFinite(at) || !Number.isFinite(hits)) return
      record.lines.set(at, Math.max(record.lines.get(at) ?? 0, hits))
    } else if ((key === 'LF' || key === 'LH') && record !== null) {
      const n = Number(value.trim())
      if (key === 'LF') record.found = n
      else record.hit = n
    } else if ((key === 'FN' || key === 'FNDA') && options.functions) {
      readFunction(line, key, value, `${where}:${index + 1}`, record, byName)
    }
  })
  return records
}

function readFunction(line: string, key: string, body: string, at: string, record: LcovRecord | null, byName: Map<string, LcovFunction>): void {
  const comma = body.indexOf(',')
  const number = Number(body.slice(0, comma))
  const name = body.slice(comma + 1)
  if (comma <= 0 || !Number.isInteger(number) || number < 0 || name === '') {
    throw new CoverageError(`${at}: expected "${key === 'FN' ? 'FN:<line>,<name>' : 'FNDA:<hits>,<name>'}", got ${JSON.stringify(line)}`)
  }
  if (record === null) throw new CoverageError(`${at}: ${JSON.stringify(line)} outside an SF record`)
  if (key === 'FN') {
    const fn: LcovFunction = {source: record.source, line: number, name: name.endsWith(`@${number}`) ? name.slice(0, -`@${number}`.length) : name, hits: 0}
    byName.set(name, fn)
    record.functions.push(fn)
  } else {
    const fn = byName.get(name)
    if (fn === undefined) throw new CoverageError(`${at}: FNDA for ${JSON.stringify(name)}, which no FN line of ${record.source} declares`)
    fn.hits = number
  }
}
