/**
 * Reads the Go version a project declares: go.mod / go.work (the `toolchain` line, else the `go` line),
 * `.go-version`, or asdf's `.tool-versions` (`golang` entry). The parser is pure over text; readVersionFile
 * is the thin reader around it. A go.mod or go.work is read as Go reads it: its line is the oldest
 * Go the module supports, and a file without one means Go's default (cmd/go/internal/gover:
 * DefaultGoModVersion 1.16, DefaultGoWorkVersion 1.18).
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {DEFAULT_GO_VERSION, GoFileError, isWorkFile, parseGoFile, type GoFile} from './go-mod.js'
import {isGoVersion} from './gover.js'

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

/** A version as `.go-version` and `.tool-versions` write it (`1.22.5`, `go1.21`), without the prefix; undefined for anything else. */
function versionText(text: string): string | undefined {
  const version = text.replace(/^go(?=\d)/, '')
  return isGoVersion(version) ? version : undefined
}

/**
 * Parses a version file's text. `file` names the file in errors. Throws a VersionFileError naming the
 * file when it declares no version.
 */
export function parseVersionFile(text: string, file: string, kind: VersionFileKind = versionFileKind(file)): DeclaredVersion {
  if (kind === 'go.mod') return {...(fromGoMod(text, file) ?? goDefault(file)), minimum: true}
  const lines = text.split(/\r?\n/)
  const found = kind === 'tool-versions' ? fromToolVersions(lines, file) : fromGoVersion(lines, file)
  if (!found) throw new VersionFileError(`go-version-file: ${file}: ${kind === 'tool-versions' ? 'no "golang" entry' : 'no version'} found`)
  return found
}

/** A go.mod or go.work without a `go` line: Go reads it as its default, and so does go-matrix, saying so. */
function goDefault(file: string): DeclaredVersion {
  const work = isWorkFile(file)
  const spec = work ? DEFAULT_GO_VERSION.work : DEFAULT_GO_VERSION.mod
  return {
    spec,
    line: 0,
    assumed: `go-version-file: ${file} has no "go" line; Go reads ${work ? 'a go.work' : 'a go.mod'} without one as "go ${spec}", so Go ${spec} is tested (add a "go" line to name the oldest Go the module supports)`
  }
}

/** The version a go.mod or go.work declares, read by the one go.mod reader: its toolchain line, else its go line. */
function fromGoMod(text: string, file: string): DeclaredVersion | undefined {
  let parsed: GoFile
  try {
    parsed = parseGoFile(file, text)
  } catch (err) {
    if (err instanceof GoFileError) throw new VersionFileError(`go-version-file: ${err.message}`, {cause: err})
    throw err
  }
  if (parsed.toolchain !== null) return {spec: parsed.toolchain, line: parsed.toolchainLine as number}
  if (parsed.go !== null) return {spec: parsed.go, line: parsed.goLine as number}
  return undefined
}

function fromGoVersion(lines: string[], file: string): DeclaredVersion | undefined {
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, '').trim()
    if (line === '') continue
    const version = versionText(line)
    if (!version) throw new VersionFileError(`go-version-file: ${file}:${i + 1}: ${JSON.stringify(line)} is not a Go version`)
    return {spec: version, line: i + 1}
  }
  return undefined
}

function fromToolVersions(lines: string[], file: string): DeclaredVersion | undefined {
  for (const [i, raw] of lines.entries()) {
    const [tool, first] = raw.replace(/#.*$/, '').trim().split(/\s+/)
    if (tool !== 'golang' && tool !== 'go') continue
    const version = first === undefined ? undefined : versionText(first)
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
