/**
 * Where go-matrix keeps what it knows about the toolchains of a tool cache. A toolchain lives at
 * `<tool cache>/go/<semver>/<arch>` (setup-go's layout, so either tool finds the other's), and
 * beside it, outside the GOROOT so that `go` never sees them:
 *
 *   <arch>.complete        the marker setup-go and go-matrix write once the toolchain is whole
 *   <arch>.manifest.json   the install manifest (manifest.ts)
 *   <arch>.state.json      when it was last used and last verified (state.ts)
 *   <arch>.leases/         one file per job using it (leases.ts)
 *
 * and, for the whole tool cache, `<tool cache>/go/go-matrix-audit.jsonl` (audit.ts).
 */
import {randomBytes} from 'node:crypto'
import {readFile, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseManifest, type ToolchainManifest} from './manifest.js'

export interface Sidecars {
  marker: string
  manifest: string
  state: string
  leases: string
}

export function sidecarsOf(dir: string): Sidecars {
  return {marker: `${dir}.complete`, manifest: `${dir}.manifest.json`, state: `${dir}.state.json`, leases: `${dir}.leases`}
}

/** The names a toolchain folder's sidecars end with; a name ending so is never a toolchain. */
export const SIDECAR_SUFFIXES: readonly string[] = ['.complete', '.manifest.json', '.state.json', '.leases']

/**
 * What go-matrix renames a toolchain to before deleting it (prune) or after finding it damaged
 * (recovery), so that no job ever sees half a toolchain: `<arch>.removing-<random>`.
 */
export const REMOVING_INFIX = '.removing-'

export function removingPathOf(dir: string): string {
  return `${dir}${REMOVING_INFIX}${randomBytes(6).toString('hex')}`
}

export const AUDIT_LOG_NAME = 'go-matrix-audit.jsonl'

/** `<tool cache>/go`: every Go toolchain of a tool cache lives below it. */
export function goFolderOf(toolCacheDir: string): string {
  return path.join(toolCacheDir, 'go')
}

export function auditLogOf(toolCacheDir: string): string {
  return path.join(goFolderOf(toolCacheDir), AUDIT_LOG_NAME)
}

/** Writes a file whole or not at all: a temporary name beside it, then rename(). */
export async function writeFileAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.tmp-${randomBytes(6).toString('hex')}`
  try {
    await writeFile(temporary, text)
    await rename(temporary, file)
  } catch (err) {
    await rm(temporary, {force: true})
    throw err
  }
}

/** The manifest beside a toolchain; undefined when it has none; throws ManifestError when it is unreadable or damaged. */
export async function readManifestOf(dir: string): Promise<ToolchainManifest | undefined> {
  const file = sidecarsOf(dir).manifest
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  return parseManifest(text, file)
}
