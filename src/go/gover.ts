/**
 * Go versions as Go itself parses and orders them (its internal/gover package, which go/version
 * wraps): the one ordering of Go versions in go-matrix, for resolving specs, the go.mod skip rule,
 * the reference version and a baseline's version alike. Pure.
 *
 * Go does not use semver for its toolchains. A bare `1.21` is the language version, older than the
 * release candidates and releases that implement it: 1.21 < 1.21rc1 < 1.21.0 < 1.21.1. Before Go
 * 1.21 a minor's first release was named `1.N`, so there a missing patch is `.0`:
 * 1.20rc1 < 1.20 = 1.20.0 < 1.20.1. Prereleases order alpha < beta < rc, and come before their
 * minor's first release. A patch release has no prerelease (`1.21.3rc1` is no version).
 */

/** The parts of a Go version, as decimal strings (so `1.99999999999999999` orders right). '' where absent. */
interface Parts {
  major: string
  minor: string
  patch: string
  /** '' for a release or a language version, else the prerelease's kind (`alpha`, `beta`, `rc`). */
  kind: string
  pre: string
}

/** What text that is not a Go version parses to: it orders before every version, and equal to other such text. */
const INVALID: Parts = {major: '', minor: '', patch: '', kind: '', pre: ''}

/**
 * `1.21rc1`, `go1.21.0`, and `go1.21.0-custom` as go/version reads a toolchain name (the suffix
 * after `-` is dropped only after a `go` prefix, as only toolchain names carry one).
 */
function parse(text: string): Parts {
  let rest = text.trim()
  if (rest.startsWith('go')) rest = rest.slice(2).split('-', 1)[0] as string
  const major = leadingInt(rest)
  if (major === null) return INVALID
  rest = rest.slice(major.length)
  if (rest === '') return {...INVALID, major, minor: '0', patch: '0'}
  if (rest[0] !== '.') return INVALID
  const minor = leadingInt(rest.slice(1))
  if (minor === null) return INVALID
  rest = rest.slice(1 + minor.length)
  // Before Go 1.21, `1.N` names the first release; from 1.21 on it is the language version.
  if (rest === '') return {...INVALID, major, minor, patch: compareDecimal(minor, '21') < 0 ? '0' : ''}
  if (rest[0] === '.') {
    const patch = leadingInt(rest.slice(1))
    return patch !== null && rest.length === 1 + patch.length ? {...INVALID, major, minor, patch} : INVALID
  }
  const kind = /^[a-z]+/.exec(rest)?.[0]
  if (kind === undefined) return INVALID
  rest = rest.slice(kind.length)
  if (rest === '') return {...INVALID, major, minor, kind}
  const pre = leadingInt(rest)
  return pre !== null && rest.length === pre.length ? {major, minor, patch: '', kind, pre} : INVALID
}

/** The decimal number text starts with, without a needless leading zero; null when there is none. */
function leadingInt(text: string): string | null {
  const digits = /^\d+/.exec(text)?.[0]
  if (digits === undefined || (digits.length > 1 && digits.startsWith('0'))) return null
  return digits
}

/** Orders two decimal strings by value ('' is less than any number). */
function compareDecimal(a: string, b: string): number {
  if (a === b) return 0
  if (a.length !== b.length) return a.length < b.length ? -1 : 1
  return a < b ? -1 : 1
}

/**
 * Orders two Go versions as Go does, oldest first (a sort comparator: -1, 0 or 1). Either may
 * carry the `go` prefix. Text that is not a Go version orders before every version and equal to
 * other such text, as in Go, so a sort never throws on what a file said.
 */
export function compareGoVersions(a: string, b: string): number {
  const x = parse(a)
  const y = parse(b)
  return (
    compareDecimal(x.major, y.major) ||
    compareDecimal(x.minor, y.minor) ||
    compareDecimal(x.patch, y.patch) ||
    // '' < alpha < beta < rc: a release or language version before a prerelease of the same patch ('').
    (x.kind === y.kind ? 0 : x.kind < y.kind ? -1 : 1) ||
    compareDecimal(x.pre, y.pre)
  )
}

/** True when text is a Go version (`1.21`, `1.21.5`, `go1.24rc1`, `1.9beta2`), as Go reads one. */
export function isGoVersion(text: string): boolean {
  return parse(text).major !== ''
}

/** True for a Go prerelease (`1.24rc1`, `1.9beta2`): a version with a kind. */
export function isPrerelease(text: string): boolean {
  return parse(text).kind !== ''
}
