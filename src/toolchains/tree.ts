/**
 * The installed tree of a toolchain, as its manifest records it: every file with its size,
 * permission bits and sha256, every directory with its permission bits, every symbolic link with its
 * target, each by its path relative to the GOROOT (`bin/go`, `/`-separated). Pure.
 *
 * The tree digest is one sha256 over all entries, each as the one-line JSON object the manifest
 * shows (keys in the order below), followed by a newline, sorted by path (by UTF-8 bytes): anyone
 * can recompute it from the manifest with a few lines of any language.
 */
import {createHash} from 'node:crypto'

export type TreeEntry = FileEntry | DirectoryEntry | SymlinkEntry

export interface FileEntry {
  path: string
  type: 'file'
  /** Permission bits, four octal digits (`0755`), as the archive gives them and `-p` extracts them. */
  mode: string
  size: number
  sha256: string
}

export interface DirectoryEntry {
  path: string
  type: 'dir'
  mode: string
}

export interface SymlinkEntry {
  path: string
  type: 'symlink'
  target: string
}

/** Permission bits as the manifest writes them: `0755`. */
export function modeString(mode: number): string {
  return (mode & 0o777).toString(8).padStart(4, '0')
}

/** One entry as the manifest writes it and the digest hashes it: the keys in a fixed order. */
export function entryLine(entry: TreeEntry): string {
  switch (entry.type) {
    case 'file':
      return JSON.stringify({path: entry.path, type: entry.type, mode: entry.mode, size: entry.size, sha256: entry.sha256})
    case 'dir':
      return JSON.stringify({path: entry.path, type: entry.type, mode: entry.mode})
    case 'symlink':
      return JSON.stringify({path: entry.path, type: entry.type, target: entry.target})
  }
}

/** Entries in the manifest's order: by path, compared as UTF-8 bytes. */
export function sortTree(entries: Iterable<TreeEntry>): TreeEntry[] {
  return [...entries].sort((a, b) => comparePaths(a.path, b.path))
}

/** `sha256:<hex>` over the sorted entries' lines. */
export function treeDigest(sorted: readonly TreeEntry[]): string {
  // One update over the joined lines: 17,000 small updates cost four times as much (a reuse parses
  // the manifest, and every millisecond of it counts against the reuse budget).
  const lines = sorted.map(entryLine)
  return `sha256:${createHash('sha256').update(lines.length === 0 ? '' : `${lines.join('\n')}\n`).digest('hex')}`
}

/** -1, 0 or 1 as `a` sorts before, with or after `b` by UTF-8 bytes. */
export function comparePaths(a: string, b: string): number {
  // For printable ASCII (every path of a Go release), UTF-16 order is UTF-8 byte order, and far cheaper.
  if (!NON_ASCII.test(a) && !NON_ASCII.test(b)) return a < b ? -1 : a > b ? 1 : 0
  return Buffer.compare(Buffer.from(a), Buffer.from(b))
}

const NON_ASCII = /[^ -~]/

/** What a tree holds, for the manifest's header and for `toolchains list`. */
export interface TreeTotals {
  files: number
  directories: number
  symlinks: number
  /** Sum of the files' sizes (their content, not the space they take on disk). */
  bytes: number
}

export function treeTotals(entries: readonly TreeEntry[]): TreeTotals {
  const totals: TreeTotals = {files: 0, directories: 0, symlinks: 0, bytes: 0}
  for (const entry of entries) {
    if (entry.type === 'file') {
      totals.files++
      totals.bytes += entry.size
    } else if (entry.type === 'dir') {
      totals.directories++
    } else {
      totals.symlinks++
    }
  }
  return totals
}

/**
 * The files that run when a version builds and tests: `bin/*` and `pkg/tool/<os_arch>/*`. A fast
 * verification hashes these; every other file is checked by presence, size and mode.
 */
export function isExecutedFile(relative: string): boolean {
  const parts = relative.split('/')
  return (parts.length === 2 && parts[0] === 'bin') || (parts.length === 4 && parts[0] === 'pkg' && parts[1] === 'tool')
}
