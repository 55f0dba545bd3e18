/**
 * The one reader of go.mod and go.work: what a module asks of the Go toolchain (its `go` and
 * `toolchain` lines), its module path and a workspace's `use` directories; the version Go assumes
 * when a file has no `go` line; and the rule that skips a toolchain older than that line, compared
 * in Go's own version order (gover.ts). Pure: the callers read the files.
 */
import {compareGoVersions, isGoVersion} from './gover.js'

/** What go-matrix reads of a go.mod or go.work file. */
export interface GoFile {
  /** The file's name or path, as messages name it (`go.mod`, `/w/go.work`). */
  name: string
  /** The `go` directive (`1.23`, `1.21.0`), or null when the file has none. */
  go: string | null
  /** The `toolchain` directive's version, without its `go` prefix and suffix (`go1.22.5+auto`: `1.22.5`); null when absent or `default`. */
  toolchain: string | null
  /** go.mod: the module path; go.work: null. */
  module: string | null
  /** go.work: the directories of its `use` directives, as written; go.mod: empty. */
  use: string[]
  /** The 1-based lines of the `go` and `toolchain` directives, when the file has them. */
  goLine?: number
  toolchainLine?: number
}

/**
 * What Go reads a file without a `go` line as (cmd/go/internal/gover: DefaultGoModVersion,
 * DefaultGoWorkVersion).
 */
export const DEFAULT_GO_VERSION = {mod: '1.16', work: '1.18'} as const

/** A go.mod or go.work that cannot be read as Go would read it; the message names the file and line. */
export class GoFileError extends Error {
  override name = 'GoFileError'
}

/**
 * Reads go.mod or go.work text. A directive counts at the top level or in a block of its own
 * kind (`use (` … `)`); other directives and blocks are skipped (a `require` block's `go 1.99` is
 * a module named go). A malformed or repeated `go` or `toolchain` line is an error naming the
 * file and line, as Go's own reader makes it one, because guessing would silently run or skip the
 * wrong versions.
 */
export function parseGoFile(name: string, text: string): GoFile {
  const file: GoFile = {name, go: null, toolchain: null, module: null, use: []}
  let block: string | null = null
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = stripComment(lines[i] as string).trim()
    if (line === '') continue
    const where = `${name}:${i + 1}`
    if (block !== null) {
      if (line === ')') block = null
      else directive(file, block, line, i + 1, where)
      continue
    }
    const [keyword = '', ...rest] = line.split(/\s+/)
    const value = rest.join(' ')
    if (value === '(') block = keyword
    else directive(file, keyword, value, i + 1, where)
  }
  return file
}

function directive(file: GoFile, keyword: string, value: string, line: number, where: string): void {
  switch (keyword) {
    case 'go':
      if (file.goLine !== undefined) throw new GoFileError(`${where}: a second "go" line (the first is line ${file.goLine}); Go reads one`)
      if (!isGoVersion(value) || value.startsWith('go')) throw new GoFileError(`${where}: expected "go 1.N" or "go 1.N.P", got ${JSON.stringify(`go ${value}`)}`)
      file.go = value
      file.goLine = line
      break
    case 'toolchain': {
      if (file.toolchainLine !== undefined) throw new GoFileError(`${where}: a second "toolchain" line (the first is line ${file.toolchainLine}); Go reads one`)
      // `toolchain go1.22.5`, also with a suffix (`go1.22.5+auto`, `go1.22.5-custom`); `default` names no version.
      const version = value === 'default' ? null : /^go([^+-]+)(?:[+-]\S*)?$/.exec(value)?.[1]
      if (version === undefined || (version !== null && !isGoVersion(version))) {
        throw new GoFileError(`${where}: expected "toolchain go1.N.P" or "toolchain default", got ${JSON.stringify(`toolchain ${value}`)}`)
      }
      file.toolchain = version
      file.toolchainLine = line
      break
    }
    case 'module':
      file.module = unquote(value)
      break
    case 'use':
      file.use.push(unquote(value))
      break
  }
}

function stripComment(line: string): string {
  const at = line.indexOf('//')
  return at < 0 ? line : line.slice(0, at)
}

function unquote(text: string): string {
  const t = text.trim()
  return /^".*"$|^`.*`$/.test(t) ? t.slice(1, -1) : t
}

/** True for a go.work file (its name ends in `.work`), which has its own default go version. */
export function isWorkFile(name: string): boolean {
  return name.endsWith('.work')
}

/** The module path of a go.mod (its `module` line); `source` names the file in the error when it has none. */
export function modulePathOf(goMod: string, source = 'go.mod'): string {
  const module = parseGoFile(source, goMod).module
  if (!module) throw new GoFileError(`${source}: no "module" line, so the module path is unknown`)
  return module
}

/**
 * Why `version` cannot run a module whose governing file is `file`, or null when it can:
 * `go.mod requires go >= 1.23`. Decided here rather than by running Go, because Go 1.19 would
 * try to compile the module and fail, and newer versions would fail with their own message.
 */
export function skipReason(version: string, file: GoFile | null): string | null {
  if (!file?.go) return null
  return compareGoVersions(version, file.go) < 0 ? `${file.name} requires go >= ${file.go}` : null
}
