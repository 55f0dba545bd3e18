/**
 * Turns compiler and test output into error annotations at `file:line`. Pure: callers give the
 * module's layout so a test's bare `calc_test.go:12:` can be placed in its package's directory.
 */
import path from 'node:path'

export interface Annotation {
  /** Relative to the module directory, with forward slashes. */
  file: string
  line: number
  column?: number
  message: string
}

/** A Go module of the run: its module path and its directory relative to the run's root ('' for the root). */
export interface ModuleLocation {
  path: string
  dir: string
}

// `a/b.go:12:5: msg`, `./b.go:12: msg`, `    b_test.go:12: msg`, `/abs/a/b.go:3:1: msg`.
const LOCATION = /^\s*((?:[A-Za-z]:)?[^\s:]*\.go):(\d+)(?::(\d+))?: (.*)$/

/**
 * Locations in compiler or vet output, whose paths are relative to the directory go ran in
 * (`moduleDir`) or absolute. Locations outside the module are dropped: there is nothing to
 * annotate in the user's diff there.
 */
export function compilerAnnotations(output: string, moduleDir: string): Annotation[] {
  const found: Annotation[] = []
  for (const line of output.split('\n')) {
    const m = LOCATION.exec(line)
    if (!m) continue
    const file = relativeInside(moduleDir, m[1] as string)
    if (file === null) continue
    found.push(located(file, m[2], m[3], (m[4] as string).trim()))
  }
  return found
}

/**
 * Locations in a failing test's output. `t.Errorf` prints the file's base name only, so it is
 * placed in the directory of the test's package; the message names the test. A test that panics
 * names no such line: it is annotated at the innermost stack frame inside the module
 * (`\t/abs/path/file.go:12 +0x1d`), with the panic's message.
 */
export function testFailureAnnotations(
  failure: {package: string; test: string; output: string},
  modules: readonly ModuleLocation[],
  moduleDir?: string
): Annotation[] {
  const dir = packageDir(failure.package, modules)
  if (dir === null) return []
  const found = loggedLocations(failure, dir)
  if (found.length > 0 || moduleDir === undefined) return found
  const frame = panicFrame(failure.output, moduleDir)
  if (frame === null) return []
  // Go 1.19-1.24 mark a panic the testing package re-raised `[recovered]`, Go 1.25+ `[recovered, repanicked]`.
  const panic = /^panic: (.*?)(?: \[recovered(?:, repanicked)?\])?$/m.exec(failure.output)?.[1] ?? 'panic'
  return [{...frame, message: `${failure.test}: panic: ${panic}`}]
}

const FRAME = /^\s+((?:[A-Za-z]:)?[/\\]\S*\.go):(\d+)(?: \+0x[0-9a-f]+)?$/

function panicFrame(output: string, moduleDir: string): {file: string; line: number} | null {
  for (const line of output.split('\n')) {
    const m = FRAME.exec(line)
    if (!m) continue
    const file = relativeInside(moduleDir, m[1] as string)
    if (file !== null) return {file, line: Number(m[2])}
  }
  return null
}

/** `file_test.go:19: message` lines, as t.Errorf and t.Fatalf print them. */
function loggedLocations(failure: {test: string; output: string}, dir: string): Annotation[] {
  const found: Annotation[] = []
  const lines = failure.output.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = LOCATION.exec(lines[i] as string)
    if (!m || (m[1] as string).includes('/')) continue
    // Indented lines that follow belong to the same message (multi-line t.Errorf output).
    const more: string[] = []
    while (i + 1 < lines.length && /^\s{4,}\S/.test(lines[i + 1] as string) && !LOCATION.test(lines[i + 1] as string)) {
      more.push((lines[++i] as string).trim())
    }
    const message = [`${failure.test}: ${(m[4] as string).trim()}`, ...more].join('\n')
    found.push(located(joinPosix(dir, m[1] as string), m[2], m[3], message))
  }
  return found
}

/** The directory of an import path inside one of the modules, relative to the run's root, or null. */
export function packageDir(importPath: string, modules: readonly ModuleLocation[]): string | null {
  // Longest module path first: example.com/a/b is a nested module, not a package of example.com/a.
  const sorted = [...modules].sort((a, b) => b.path.length - a.path.length)
  for (const mod of sorted) {
    if (importPath === mod.path) return mod.dir
    if (importPath.startsWith(`${mod.path}/`)) return joinPosix(mod.dir, importPath.slice(mod.path.length + 1))
  }
  return null
}

/**
 * Removes repeats: the same place and message, keeping the first with a column. Go 1.19 prints
 * `file.go:9:` for a test build and `file.go:9:9:` for `go build` of the same error.
 */
export function uniqueAnnotations(list: readonly Annotation[]): Annotation[] {
  const byKey = new Map<string, Annotation>()
  for (const a of list) {
    const k = annotationKey(a)
    const known = byKey.get(k)
    if (!known) byKey.set(k, a)
    else if (known.column === undefined && a.column !== undefined) byKey.set(k, {...known, column: a.column})
  }
  return [...byKey.values()]
}

/** Identity of an annotation across versions and steps: file, line and message. */
export function annotationKey(a: Annotation): string {
  return `${a.file}:${a.line}:${a.message}`
}

function located(file: string, line: string | undefined, column: string | undefined, message: string): Annotation {
  const a: Annotation = {file, line: Number(line), message}
  if (column !== undefined) a.column = Number(column)
  return a
}

function relativeInside(root: string, file: string): string | null {
  const absolute = path.isAbsolute(file) ? file : path.join(root, file)
  const rel = path.relative(root, absolute)
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null
  return rel.split(path.sep).join('/')
}

function joinPosix(dir: string, file: string): string {
  return dir === '' || dir === '.' ? file : `${dir.replace(/\/+$/, '')}/${file}`
}
