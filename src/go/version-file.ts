/**
 * Reads the Go version a project declares: go.mod / go.work (the `toolchain` line, else the `go` line),
 * `.go-version`, or asdf's `.tool-versions` (`golang` entry). The parser is pure over text; readVersionFile
 * is the thin reader around it. A go.mod or go.work is read as Go reads it: its line is the oldest
 * Go the module supports, and a file without one means Go's default (cmd/go/internal/gover:
 * DefaultGoModVersion 1.16, DefaultGoWorkVersion 1.18).
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'

export type VersionFileKind = 'go.mod' | 'go-version' | 'tool-versions'

/** The version a file declares, as a spec for resolveVersions, and where it was found. */
export interface DeclaredVersion {
  /** `1.21` from `go 1.21` (newest patch), `1.22.5` from `toolchain go1.22.5`. */
  spec: string
  /** 1-based; 0 when the file has no such line and Go's default stands in (see `assumed`). */
  line: number
  /** go.mod / go.work: the version is a minimum, as Go reads it; any newer release also builds the module. */
  minimum?: true
  /** The file names no version and Go's default is used: the sentence saying so, for a warning. */
  assumed?: string
}

/** What Go assumes when a go.mod (or go.work) has no `go` line (cmd/go/internal/gover). */
const GO_DEFAULT = {mod: '1.16', work: '1.18'} as const

export class VersionFileError extends Error {
  override name = 'VersionFileError'
}

/** Which parser a file name calls for: *.mod / *.work are modules, .tool-versions is asdf's, else one version. */
export function versionFileKind(file: string): VersionFileKind {
  const base = path.basename(file)
  if (base.endsWith('.mod') || base.endsWith('.work')) return 'go.mod'
  if (base === '.tool-versions') return 'tool-versions'
  return 'go-version'
}

const VERSION_TEXT = /^(?:go)?(\d+(?:\.\d+){0,2}(?:(?:rc|beta)\d+)?)$/

/**
 * Parses a version file's text. `file` names the file in errors. Throws a VersionFileError naming the
 * file when it declares no version.
 */
export function parseVersionFile(text: string, file: string, kind: VersionFileKind = versionFileKind(file)): DeclaredVersion {
  const lines = text.split(/\r?\n/)
  if (kind === 'go.mod') return {...(fromGoMod(lines) ?? goDefault(file)), minimum: true}
  const found = kind === 'tool-versions' ? fromToolVersions(lines, file) : fromGoVersion(lines, file)
  if (!found) throw new VersionFileError(`go-version-file: ${file}: ${kind === 'tool-versions' ? 'no "golang" entry' : 'no version'} found`)
  return found
}

/** A go.mod or go.work without a `go` line: Go reads it as its default, and so does go-matrix, saying so. */
function goDefault(file: string): DeclaredVersion {
  const work = path.basename(file).endsWith('.work')
  const spec = work ? GO_DEFAULT.work : GO_DEFAULT.mod
  return {
    spec,
    line: 0,
    assumed: `go-version-file: ${file} has no "go" line; Go reads ${work ? 'a go.work' : 'a go.mod'} without one as "go ${spec}", so Go ${spec} is tested (add a "go" line to name the oldest Go the module supports)`
  }
}

function fromGoMod(lines: string[]): DeclaredVersion | undefined {
  let go: DeclaredVersion | undefined
  let toolchain: DeclaredVersion | undefined
  let inBlock = false
  lines.forEach((raw, i) => {
    const line = raw.replace(/\/\/.*$/, '').trim()
    // Only top-level directives count; skip the bodies of require ( ... ) and similar blocks.
    if (inBlock) {
      if (line === ')') inBlock = false
      return
    }
    if (/\($/.test(line)) {
      inBlock = true
      return
    }
    const directive = /^(go|toolchain)\s+(\S+)$/.exec(line)
    if (!directive) return
    const [, name, value = ''] = directive
    // `toolchain go1.22.5` (possibly with a suffix such as `go1.22.5+auto`); `toolchain default` is no version.
    const version = VERSION_TEXT.exec(value.replace(/[+-].*$/, ''))?.[1]
    if (!version) return
    if (name === 'go') go ??= {spec: version, line: i + 1}
    else toolchain ??= {spec: version, line: i + 1}
  })
  return toolchain ?? go
}

function fromGoVersion(lines: string[], file: string): DeclaredVersion | undefined {
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, '').trim()
    if (line === '') continue
    const version = VERSION_TEXT.exec(line)?.[1]
    if (!version) throw new VersionFileError(`go-version-file: ${file}:${i + 1}: ${JSON.stringify(line)} is not a Go version`)
    return {spec: version, line: i + 1}
  }
  return undefined
}

function fromToolVersions(lines: string[], file: string): DeclaredVersion | undefined {
  for (const [i, raw] of lines.entries()) {
    const [tool, first] = raw.replace(/#.*$/, '').trim().split(/\s+/)
    if (tool !== 'golang' && tool !== 'go') continue
    const version = first === undefined ? undefined : VERSION_TEXT.exec(first)?.[1]
    if (!version) throw new VersionFileError(`go-version-file: ${file}:${i + 1}: ${JSON.stringify(first ?? '')} is not a Go version`)
    return {spec: version, line: i + 1}
  }
  return undefined
}

/** Reads and parses a version file; a missing or unreadable file is an error naming it. */
export async function readVersionFile(file: string): Promise<DeclaredVersion> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message
    throw new VersionFileError(`go-version-file: ${file}: ${reason}`, {cause: err})
  }
  return parseVersionFile(text, file)
}
