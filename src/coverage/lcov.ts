import type {FunctionCoverage} from './functions.js'
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
  const prefix = `${modulePath}/`
  const dir = moduleDir.replace(/\/+$/, '').replace(/^\.\/?/, '')
  return file => (file.startsWith(prefix) ? (dir ? `${dir}/` : '') + file.slice(prefix.length) : file)
}
