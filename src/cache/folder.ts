/**
 * The persistent cache folder (the command line's `~/.cache/go-matrix/work`, or
 * GO_MATRIX_CACHE_DIR): each version's GOCACHE stays there between runs, and after each run the
 * folder is trimmed to its size limit by least recent use, across versions.
 *
 * Recency is Go's own: Go sets an entry's mtime when it uses an entry whose mtime is more than an
 * hour old, so an mtime is the entry's last use to within an hour. Entries used within the last hour
 * are never removed: another job on the machine may be using them right now. Two jobs never trim at
 * once: a lock file (created exclusively, taken over when older than ten minutes) lets one do it.
 */
import {open, readdir, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {measureEntries} from './build-cache.js'

/** GO_MATRIX_CACHE_LIMIT_GB: the folder's limit in GiB (decimals allowed); default DEFAULT_LIMIT_GIB. */
export const CACHE_LIMIT_VARIABLE = 'GO_MATRIX_CACHE_LIMIT_GB'
export const DEFAULT_LIMIT_GIB = 5
const GIB = 1024 ** 3
const RECENT_MS = 60 * 60 * 1000
const STALE_LOCK_MS = 10 * 60 * 1000
/** A trim goes down to this share of the limit, so that it does not run again on the next run. */
const LOW_WATER = 0.8

/** The limit in bytes from GO_MATRIX_CACHE_LIMIT_GB; throws a message naming the variable on bad input. */
export function cacheLimitBytes(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_LIMIT_GIB * GIB
  const n = Number(value.trim())
  if (!/^\d*\.?\d+$/.test(value.trim()) || !(n > 0)) {
    throw new Error(`${CACHE_LIMIT_VARIABLE}: ${JSON.stringify(value)} is not a positive number of GiB (the size limit of go-matrix's build cache folder, default ${DEFAULT_LIMIT_GIB})`)
  }
  return Math.round(n * GIB)
}

export interface TrimResult {
  /** Entries' bytes before and after, over every version's GOCACHE in the folder. */
  bytesBefore: number
  bytesAfter: number
  removedFiles: number
  /** Another job was trimming: this one left it alone. */
  skipped?: true
}

/** The GOCACHE folders in a cache folder: `<cacheDir>/<version>/gocache`. */
async function gocaches(cacheDir: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(cacheDir)
  } catch {
    return []
  }
  const found: string[] = []
  for (const name of names) {
    const dir = path.join(cacheDir, name, 'gocache')
    if ((await stat(dir).catch(() => null))?.isDirectory()) found.push(dir)
  }
  return found
}

/** Trims the folder's build caches to `limitBytes` by least recent use (see the module comment). */
export async function trimCacheFolder(cacheDir: string, limitBytes: number, now: number = Date.now()): Promise<TrimResult> {
  const lock = path.join(cacheDir, '.go-matrix-trim.lock')
  const owned = await takeLock(lock, now)
  if (!owned) return {bytesBefore: 0, bytesAfter: 0, removedFiles: 0, skipped: true}
  try {
    const entries = (
      await Promise.all((await gocaches(cacheDir)).map(async dir => (await measureEntries(dir)).list.map(e => ({...e, file: path.join(dir, e.name)}))))
    ).flat()
    const before = entries.reduce((sum, e) => sum + e.bytes, 0)
    if (before <= limitBytes) return {bytesBefore: before, bytesAfter: before, removedFiles: 0}
    let total = before
    let removed = 0
    const target = limitBytes * LOW_WATER
    for (const e of entries.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
      if (total <= target || e.mtimeMs > now - RECENT_MS) break
      await rm(e.file, {force: true})
      total -= e.bytes
      removed++
    }
    return {bytesBefore: before, bytesAfter: total, removedFiles: removed}
  } finally {
    await rm(lock, {force: true})
  }
}

async function takeLock(lock: string, now: number): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx')
      await handle.writeFile(`${process.pid}\n`)
      await handle.close()
      return true
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const info = await stat(lock).catch(() => null)
      // A lock left by a job that died: take it over once.
      if (info && now - info.mtimeMs > STALE_LOCK_MS) await rm(lock, {force: true})
      else return false
    }
  }
  return false
}
