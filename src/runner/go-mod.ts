/**
 * What the module asks of the Go toolchain: the `go` line of go.work (when the module root has
 * one) or go.mod, its module paths, and Go's own version ordering to compare a toolchain against
 * that line. Pure: the caller reads the files.
 */

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

/** A Go version split into its ordered parts, as Go's own `gover` package does. */
interface ParsedVersion {
  major: number
  minor: number
  /** -1 when absent (`1.21`, the language version), else the patch (`1.21.0`). */
  patch: number
  /** '' for a release, else `alpha`, `beta` or `rc`. */
  kind: '' | 'alpha' | 'beta' | 'rc'
  pre: number
}

const VERSION = /^(?:go)?(\d+)(?:\.(\d+))?(?:\.(\d+)|(alpha|beta|rc)(\d+))?$/

function parseVersion(text: string): ParsedVersion | null {
  const m = VERSION.exec(text.trim())
  if (!m) return null
  return {
    major: Number(m[1]),
    minor: m[2] === undefined ? 0 : Number(m[2]),
    patch: m[3] === undefined ? -1 : Number(m[3]),
    kind: (m[4] ?? '') as ParsedVersion['kind'],
    pre: m[5] === undefined ? 0 : Number(m[5])
  }
}

/** True when `text` is a Go version this module can order (`1.23`, `1.23.5`, `go1.24rc1`). */
export function isGoVersion(text: string): boolean {
  return parseVersion(text) !== null
}

const KIND_ORDER = {alpha: 0, beta: 1, rc: 2} as const

/**
 * Orders Go versions the way the go command does: 1.21 < 1.21rc1 < 1.21.0 < 1.21.1 < 1.22
 * (a bare `1.21` is the language version, older than any of its releases). Negative, zero or
 * positive like a sort comparator. Throws on text that is not a Go version.
 */
export function compareGoVersions(a: string, b: string): number {
  const x = parseVersion(a)
  const y = parseVersion(b)
  if (!x) throw new Error(`not a Go version: ${JSON.stringify(a)}`)
  if (!y) throw new Error(`not a Go version: ${JSON.stringify(b)}`)
  return x.major - y.major || x.minor - y.minor || rank(x) - rank(y) || x.pre - y.pre || x.patch - y.patch
}

/** Within one minor: language version, then prereleases, then patch releases. */
function rank(v: ParsedVersion): number {
  if (v.kind !== '') return 1 + KIND_ORDER[v.kind]
  return v.patch < 0 ? 0 : 4
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
