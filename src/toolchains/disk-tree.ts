/**
 * Reading an installed tree from disk: the walk that full verification, `toolchains list` (sizes
 * as du counts them) and zip installs (whose manifest is built after extraction) share, and file
 * hashing that runs off the main thread for large files.
 *
 * The walk is synchronous on purpose: a toolchain holds 14,000-17,000 entries, and lstatSync costs a
 * third of what the same calls cost through the thread pool's promise round trips (measured: 120 ms
 * against 400-550 ms for Go 1.27's tree), at the price of blocking the event loop for that long.
 */
import {createHash, webcrypto} from 'node:crypto'
import {lstatSync, readdirSync, readlinkSync, type Stats} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {mapBounded} from '../util/pool.js'
import {modeString, sortTree, type TreeEntry} from './tree.js'

export interface WalkedEntry {
  /** Relative to the walked root, `/`-separated. */
  path: string
  stats: Stats
}

/** Every entry below `root` (not the root itself), parents before children; symbolic links are not followed. */
export function walkTree(root: string): WalkedEntry[] {
  const out: WalkedEntry[] = []
  const pending: string[] = ['']
  while (pending.length > 0) {
    const relative = pending.pop() as string
    const dir = relative === '' ? root : path.join(root, relative)
    for (const name of readdirSync(dir)) {
      const child = relative === '' ? name : `${relative}/${name}`
      const stats = lstatSync(path.join(dir, name))
      out.push({path: child, stats})
      if (stats.isDirectory()) pending.push(child)
    }
  }
  return out
}

/** Files at least this large are hashed on the thread pool (WebCrypto), so that several hash at once. */
const THREAD_POOL_HASH_BYTES = 1 << 20

/** A file's sha256, in hex. */
export async function hashFile(file: string): Promise<string> {
  const content = await readFile(file)
  if (content.length < THREAD_POOL_HASH_BYTES) return createHash('sha256').update(content).digest('hex')
  return Buffer.from(await webcrypto.subtle.digest('SHA-256', content)).toString('hex')
}

/** Files hashed at once: bounds the memory held (each is read whole) while keeping both cores busy. */
export const HASH_CONCURRENCY = 4

/** The tree of an extracted toolchain, every file hashed: how a zip install (Windows) builds its manifest. */
export async function treeFromDisk(root: string): Promise<TreeEntry[]> {
  const walked = walkTree(root)
  const entries = await mapBounded(walked, HASH_CONCURRENCY, async ({path: relative, stats}): Promise<TreeEntry | undefined> => {
    if (stats.isDirectory()) return {path: relative, type: 'dir', mode: modeString(stats.mode)}
    if (stats.isSymbolicLink()) return {path: relative, type: 'symlink', target: readlinkSync(path.join(root, relative))}
    if (stats.isFile()) return {path: relative, type: 'file', mode: modeString(stats.mode), size: stats.size, sha256: await hashFile(path.join(root, relative))}
    return undefined
  })
  return sortTree(entries.filter((e): e is TreeEntry => e !== undefined))
}
