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
import {lstat, open, rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parseManifest, parseUnchangedManifest, type ToolchainManifest} from './manifest.js'
import {stampOf, unchangedSince, type Stamps} from './stamps.js'

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
  return (await readStampedManifestOf(dir))?.manifest
}

/** A manifest as read, with the stamp that vouches for it from now on. */
export interface StampedManifest {
  manifest: ToolchainManifest
  /** `manifest` keyed to the file as it was read; the next read trusts it unchanged (stamps.ts). */
  stamps: Stamps
  /** Checked whole (shape, entries, order, totals, digest), or trusted on an unchanged stamp. */
  checked: 'whole' | 'unchanged'
}

/**
 * Reads the manifest beside a toolchain. When `previous` stamps show the file unchanged since it was
 * written or last checked whole, it is only parsed (parseUnchangedManifest): a reuse then spends
 * no time re-checking 17,000 entries nobody touched. The stamp is taken from the open file, so it
 * belongs to the text read.
 */
export async function readStampedManifestOf(dir: string, previous?: Stamps): Promise<StampedManifest | undefined> {
  const file = sidecarsOf(dir).manifest
  let handle
  try {
    handle = await open(file, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw err
  }
  try {
    const recordedAt = Date.now()
    const stats = await handle.stat()
    const text = await handle.readFile('utf8')
    if (previous && unchangedSince(previous, MANIFEST_STAMP_KEY, stats)) {
      const manifest = parseUnchangedManifest(text)
      if (manifest) return {manifest, stamps: previous, checked: 'unchanged'}
    }
    return {manifest: parseManifest(text, file), stamps: {recordedAt, files: {[MANIFEST_STAMP_KEY]: stampOf(stats)}}, checked: 'whole'}
  } finally {
    await handle.close()
  }
}

/** The key of the manifest's own stamp (state.json `manifestStamps`). */
export const MANIFEST_STAMP_KEY = 'manifest'

/**
 * Stamps the manifest this job has just written (placeAtomically, replaceToolchain). It can be
 * trusted at once (`exclusive`): go-matrix writes a manifest only whole, under a new name renamed
 * into place, so any later manifest is another inode, never a same-tick write to this one.
 */
export async function stampWrittenManifest(dir: string): Promise<Stamps> {
  return {recordedAt: Date.now(), exclusive: true, files: {[MANIFEST_STAMP_KEY]: stampOf(await lstat(sidecarsOf(dir).manifest))}}
}
