/**
 * What the module asks of the Go toolchain: the `go` line of go.work (when the module root has
 * one) or go.mod, and its module paths; a toolchain is compared with that line in Go's own
 * version order (go/gover.ts). Pure: the caller reads the files.
 */
import {compareGoVersions, isGoVersion} from '../go/gover.js'


/** The parts of a go.mod or go.work file that decide which toolchains can run the module. */
export interface GoFile {
  /** `go.mod` or `go.work`, for messages. */
  name: string
  /** The `go` directive (`1.23`, `1.21.0`), or null when the file has none. */
  go: string | null
  /** The `toolchain` directive without its `go` prefix, or null. */
  toolchain: string | null
  /** go.mod: the module path; go.work: null. */
  module: string | null
  /** go.work: the directories of its `use` directives, as written; go.mod: empty. */
  use: string[]
}

/**
 * Reads the directives that matter here from go.mod or go.work text. Unknown directives and
 * blocks are ignored; a malformed `go` line is an error naming the file and line, because
 * guessing would silently run or skip the wrong versions.
 */
export function parseGoFile(name: string, text: string): GoFile {
  const file: GoFile = {name, go: null, toolchain: null, module: null, use: []}
  let block: string | null = null
  const lines = text.split(/\r?\n/)
  for (let i = 0; i < lines.length; i++) {
    const line = stripComment(lines[i] as string).trim()
    if (line === '') continue
    if (block !== null) {
      if (line === ')') block = null
      else if (block === 'use') file.use.push(unquote(line))
      continue
    }
    const [keyword, ...rest] = line.split(/\s+/)
    const value = rest.join(' ')
    if (value === '(') {
      block = keyword ?? ''
      continue
    }
    switch (keyword) {
      case 'go':
        if (!isGoVersion(value)) {
          throw new Error(`${name}:${i + 1}: expected "go 1.N" or "go 1.N.P", got ${JSON.stringify(line)}`)
        }
        file.go = value
        break
      case 'toolchain':
        file.toolchain = value.replace(/^go/, '')
        break
      case 'module':
        file.module = unquote(value)
        break
      case 'use':
        file.use.push(unquote(value))
        break
    }
  }
  return file
}

function stripComment(line: string): string {
  const at = line.indexOf('//')
  return at < 0 ? line : line.slice(0, at)
}

function unquote(text: string): string {
  const t = text.trim()
  return /^".*"$|^`.*`$/.test(t) ? t.slice(1, -1) : t
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
