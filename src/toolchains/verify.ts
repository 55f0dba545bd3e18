/**
 * Checks an installed toolchain against its manifest before it is used again.
 *
 * - fast (the default): every listed entry is there with its type, size, mode (and a link its
 *   target), and the files that run (`bin/*`, `pkg/tool/*\/*`) have their content hash, hashed
 *   again unless their stamps show them unchanged since they were last hashed and found intact
 *   (Stamps): catches a truncated or deleted file, a replaced or overwritten `bin/go`, a file
 *   turned into a link.
 * - full: the same, every file's content hash, and no file the archive did not hold (a stray
 *   `.go` file in `src/` would be compiled into the standard library).
 *
 * compareEntry and describeDifferences are pure; verifyTree reads the disk.
 */
import {lstatSync, readlinkSync, type Stats} from 'node:fs'
import path from 'node:path'
import {mapBounded} from '../util/pool.js'
import {hashFile, HASH_CONCURRENCY, walkTree} from './disk-tree.js'
import {stampOf, unchangedSince, type Stamps} from './stamps.js'
import {comparePaths, isExecutedFile, modeString, type TreeEntry} from './tree.js'

export type VerifyLevel = 'fast' | 'full'

/**
 * How a toolchain was checked before this run used it (report.json `toolchain.verified`):
 * `archive`, installed now from an archive whose sha256 matched the index; `fast` or `full`, reused
 * and verified against its install manifest (an Actions cache restore always fully); `unverified`,
 * reused without a manifest (a runner image's Go, one another tool installed), after `go version`
 * and `go env GOROOT` agreed with where it lies.
 */
export type ToolchainVerification = 'archive' | 'fast' | 'full' | 'unverified'

/** One way the tree on disk differs from the manifest. */
export interface Difference {
  path: string
  problem: string
}

export interface VerifyResult {
  level: VerifyLevel
  /** Entries of the manifest looked at. */
  entries: number
  /** Files whose content was hashed. */
  hashed: number
  /** Files that run left unhashed because their stamps show them unchanged since they were last hashed. */
  unchanged: number
  /** What to keep for the next fast check (state.json). */
  stamps: Stamps
  /** The differences found, sorted by path; at most MAX_DIFFERENCES. */
  differences: Difference[]
  /** How many more there were. */
  more: number
}

/** A damaged tree can differ everywhere; past this many, only the count is kept. */
export const MAX_DIFFERENCES = 100

/** What lstat saw at a path. */
export type Observed =
  | {type: 'file'; mode: string; size: number}
  | {type: 'dir'; mode: string}
  | {type: 'symlink'; target: string}
  | {type: 'other'}

const KIND: Record<Observed['type'], string> = {file: 'a file', dir: 'a folder', symlink: 'a symbolic link', other: 'something else (a device, a socket or a pipe)'}

/** How an entry on disk differs from the manifest's, or undefined when it does not (content aside). */
export function compareEntry(expected: TreeEntry, observed: Observed | undefined): string | undefined {
  if (!observed) return 'missing'
  if (observed.type !== expected.type) return `${KIND[observed.type]} where ${KIND[expected.type]} was installed`
  if (expected.type === 'file' && observed.type === 'file') {
    if (observed.size !== expected.size) return `${observed.size} bytes where ${expected.size} were installed`
    if (observed.mode !== expected.mode) return `mode ${observed.mode} where ${expected.mode} was installed`
  }
  if (expected.type === 'dir' && observed.type === 'dir' && observed.mode !== expected.mode) return `mode ${observed.mode} where ${expected.mode} was installed`
  if (expected.type === 'symlink' && observed.type === 'symlink' && observed.target !== expected.target) {
    return `links to ${JSON.stringify(observed.target)} where it linked to ${JSON.stringify(expected.target)}`
  }
  return undefined
}

/** `bin/go: content differs; src/fmt/print.go: missing; and 3 more`: the first few, for a warning. */
export function describeDifferences(result: Pick<VerifyResult, 'differences' | 'more'>, shown = 5): string {
  const total = result.differences.length + result.more
  const listed = result.differences.slice(0, shown).map(d => `${d.path}: ${d.problem}`)
  return total > shown ? `${listed.join('; ')}; and ${total - shown} more` : listed.join('; ')
}

function observe(file: string): Observed | undefined {
  let stats: Stats | undefined
  try {
    stats = lstatSync(file, {throwIfNoEntry: false})
  } catch {
    // ENOTDIR: a folder above it is now a file.
    return undefined
  }
  return stats && observed(stats, file)
}

function observed(stats: Stats, file: string): Observed {
  if (stats.isFile()) return {type: 'file', mode: modeString(stats.mode), size: stats.size}
  if (stats.isDirectory()) return {type: 'dir', mode: modeString(stats.mode)}
  if (stats.isSymbolicLink()) return {type: 'symlink', target: readlinkSync(file)}
  return {type: 'other'}
}

/**
 * Checks the tree at `goroot` against a manifest's entries. `previous` (fast only) lets files that
 * run and are unchanged since they were last hashed go unhashed; the result's stamps are the ones to
 * keep for next time (every file that runs and was found intact).
 */
export async function verifyTree(goroot: string, entries: readonly TreeEntry[], level: VerifyLevel, previous?: Stamps): Promise<VerifyResult> {
  const recordedAt = Date.now()
  const differences: Difference[] = []
  const stamps: Record<string, string> = {}
  const hash = ({entry, file, stamp}: {entry: TreeEntry & {type: 'file'}; file: string; stamp?: string}): Promise<Difference | undefined> =>
    hashFile(file).then(
      sha256 => {
        if (sha256 !== entry.sha256) return {path: entry.path, problem: 'content differs'}
        if (stamp !== undefined) stamps[entry.path] = stamp
        return undefined
      },
      (err: Error) => ({path: entry.path, problem: `cannot be read: ${err.message}`})
    )
  // The files that run, known from the manifest alone: those changed since they were last hashed
  // (or never stamped) are hashed first, on the thread pool, while this thread lstats the rest.
  const executed: {entry: TreeEntry & {type: 'file'}; file: string; stamp?: string}[] = []
  let trusted = 0
  for (const entry of entries) {
    if (entry.type !== 'file' || !isExecutedFile(entry.path)) continue
    const file = `${goroot}/${entry.path}`
    const stats = lstatSync(file, {throwIfNoEntry: false})
    const stamp = stats?.isFile() ? stampOf(stats) : undefined
    if (level === 'fast' && stats && stamp && stats.size === entry.size && unchangedSince(previous, entry.path, stats)) {
      stamps[entry.path] = stamp
      trusted++
    } else executed.push({entry, file, ...(stamp ? {stamp} : {})})
  }
  const early = mapBounded(executed, HASH_CONCURRENCY, hash)
  const toHash: {entry: TreeEntry & {type: 'file'}; file: string}[] = []
  const differing = new Set<string>()
  // Synchronous lstat, in slices that let the hashing's callbacks run: lstatSync over 15,000
  // entries takes a third of what the thread pool's round trips would.
  for (let start = 0; start < entries.length; start += LSTAT_SLICE) {
    if (start > 0) await new Promise(resolve => setImmediate(resolve))
    for (const entry of entries.slice(start, start + LSTAT_SLICE)) {
      // Concatenated, not path.join()ed: a manifest's paths are checked relative paths, and joining
      // 17,000 of them costs a tenth of the whole check.
      const file = `${goroot}/${entry.path}`
      const problem = compareEntry(entry, observe(file))
      if (problem) {
        differences.push({path: entry.path, problem})
        differing.add(entry.path)
      } else if (entry.type === 'file' && level === 'full' && !isExecutedFile(entry.path)) toHash.push({entry, file})
    }
  }
  if (level === 'full') differences.push(...extraEntries(goroot, entries))
  const hashed = [...(await early), ...(await mapBounded(toHash, HASH_CONCURRENCY, hash))]
  // A file already found missing or of another size is reported once, by what lstat saw.
  for (const difference of hashed) if (difference && !differing.has(difference.path)) differences.push(difference)
  for (const path of differing) delete stamps[path]
  differences.sort((a, b) => comparePaths(a.path, b.path))
  // Every file that runs trusted on its stamps: they stay as they were (an exclusive stamp would
  // otherwise become an ordinary one, not trusted for another second).
  const unchanged = previous !== undefined && executed.length === 0 && differing.size === 0 && trusted === Object.keys(previous.files).length
  return {
    level,
    entries: entries.length,
    hashed: executed.length + toHash.length,
    unchanged: trusted,
    differences: differences.slice(0, MAX_DIFFERENCES),
    more: Math.max(0, differences.length - MAX_DIFFERENCES),
    stamps: unchanged ? previous : {recordedAt, files: stamps}
  }
}

/** Entries lstat-ed between two turns of the event loop. */
const LSTAT_SLICE = 2000

/** What is on disk that the archive did not hold (folders tar made for listed paths aside). */
function extraEntries(goroot: string, entries: readonly TreeEntry[]): Difference[] {
  const expected = new Set<string>()
  for (const entry of entries) {
    expected.add(entry.path)
    for (let at = entry.path.lastIndexOf('/'); at > 0; at = entry.path.lastIndexOf('/', at - 1)) expected.add(entry.path.slice(0, at))
  }
  const extras: Difference[] = []
  try {
    for (const {path: relative, stats} of walkTree(goroot)) {
      if (!expected.has(relative)) extras.push({path: relative, problem: `${KIND[observed(stats, path.join(goroot, relative)).type]} the archive did not hold`})
    }
  } catch (err) {
    extras.push({path: '.', problem: `cannot be listed: ${(err as Error).message}`})
  }
  return extras
}
