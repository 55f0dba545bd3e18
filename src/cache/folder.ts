/**
 * The persistent cache folder (the command line's `~/.cache/go-matrix/work`, or
 * GO_MATRIX_CACHE_DIR): each version's GOCACHE stays there between runs, and after each run the
 * folder is trimmed to its size limit by least recent use, across versions.
 *
 * Recency is Go's own: Go sets an entry's mtime when it uses an entry whose mtime is more than an
 * hour old, so an mtime is the entry's last use to within an hour. Entries used within the last hour
 * are never removed: another job on the machine may be using them right now. Two jobs never trim at
 * once: a lock file (created exclusively, taken over when older than ten minutes) lets one do it.
 *
 * Measuring the folder after each run reads again only the entry subfolders (`gocache/3f/`) that
 * changed since the last measure: each subfolder's mtime and bytes are kept in RECORD_FILE, and Go
 * adds and removes entries by name, which sets the subfolder's mtime, while an entry it rewrites keeps
 * its size (outputs are named by their content, action records are fixed-width). So a run costs a
 * stat per subfolder (256 per version) instead of a stat per entry (tens of thousands in a folder a
 * few versions have filled: 0.3-0.6 s of CPU a run). The run's report measures each version's
 * GOCACHE before and after the same way (measureKept), listing entries by readdir.
 */
import {open, readFile, readdir, rename, rm, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {eachBounded, entryFolders, measureEntries} from './build-cache.js'

/** GO_MATRIX_CACHE_LIMIT_GB: the folder's limit in GiB (decimals allowed); default DEFAULT_LIMIT_GIB. */
export const CACHE_LIMIT_VARIABLE = 'GO_MATRIX_CACHE_LIMIT_GB'
export const DEFAULT_LIMIT_GIB = 5
const GIB = 1024 ** 3
const RECENT_MS = 60 * 60 * 1000
const STALE_LOCK_MS = 10 * 60 * 1000
/** A trim goes down to this share of the limit, so that it does not run again on the next run. */
const LOW_WATER = 0.8
/** What the last measure found per entry subfolder (FolderRecord), beside the lock. */
const RECORD_FILE = '.go-matrix-sizes.json'
/**
 * A subfolder changed less than this before it was measured may change again within the same mtime
 * tick, unseen: its record is not trusted (as git treats index entries as racy).
 */
const RACY_MS = 2000

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

/** Per entry subfolder (`1.27.4/gocache/3f`, relative to the cache folder): its mtime when measured, and its entries' bytes. */
type FolderRecord = Record<string, {mtimeMs: number; bytes: number}>

async function readRecord(file: string): Promise<FolderRecord> {
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'))
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as FolderRecord) : {}
  } catch {
    // Missing or damaged: everything is measured afresh.
    return {}
  }
}

/** One entry subfolder as measured: its mtime, its entries' bytes, and (when read) their names. */
interface Subfolder {
  mtimeMs: number
  bytes: number
  /** The entries' names: read when asked for, or when the record could not be trusted. */
  names?: string[]
}

/**
 * Measures one entry subfolder, reading its entries only when its mtime differs from `seen`'s (or
 * is racy); with `withNames`, lists them anyway (a readdir, no stat). Null when it is gone.
 */
async function measureSubfolder(dir: string, seen: FolderRecord[string] | undefined, now: number, withNames: boolean): Promise<Subfolder | null> {
  // The mtime is read before the entries: an entry added meanwhile leaves a newer mtime behind.
  const info = await stat(dir).catch(() => null)
  if (!info) return null
  const trusted = seen !== undefined && seen.mtimeMs === info.mtimeMs && info.mtimeMs < now - RACY_MS
  if (trusted && !withNames) return {mtimeMs: info.mtimeMs, bytes: seen.bytes}
  const names = await readdir(dir).catch(() => [] as string[])
  if (trusted) return {mtimeMs: info.mtimeMs, bytes: seen.bytes, names}
  let bytes = 0
  for (const name of names) bytes += (await stat(path.join(dir, name)).catch(() => null))?.size ?? 0
  return {mtimeMs: info.mtimeMs, bytes, names}
}

/**
 * The entries' bytes over every version's GOCACHE in the folder, reading only the subfolders whose
 * mtime differs from `known`'s (or is racy); returns the record of this measure too.
 */
async function measureFolder(cacheDir: string, known: FolderRecord, now: number): Promise<{bytes: number; record: FolderRecord}> {
  const record: FolderRecord = {}
  let bytes = 0
  const subfolders: {key: string; dir: string}[] = []
  for (const gocache of await gocaches(cacheDir)) {
    for (const name of await entryFolders(gocache)) subfolders.push({key: path.relative(cacheDir, path.join(gocache, name)), dir: path.join(gocache, name)})
  }
  await eachBounded(subfolders, async ({key, dir}) => {
    const measured = await measureSubfolder(dir, known[key], now, false)
    if (!measured) return
    record[key] = {mtimeMs: measured.mtimeMs, bytes: measured.bytes}
    bytes += measured.bytes
  })
  return {bytes, record}
}

/**
 * What one version's GOCACHE in the folder holds, for the run's report: its entries' names (as
 * `3f/<name>`) and their bytes. The bytes of a subfolder the last trim measured and that has not
 * changed since come from its record, so this costs a readdir per subfolder instead of a stat per
 * entry. It only reads the record: the trim, under its lock, is what writes it.
 */
export async function measureKept(cacheDir: string, gocache: string, now: number = Date.now()): Promise<{names: string[]; files: number; bytes: number}> {
  const known = await readRecord(path.join(cacheDir, RECORD_FILE))
  const names: string[] = []
  let bytes = 0
  await eachBounded(await entryFolders(gocache), async folder => {
    const dir = path.join(gocache, folder)
    const measured = await measureSubfolder(dir, known[path.relative(cacheDir, dir)], now, true)
    if (!measured) return
    for (const name of measured.names ?? []) names.push(`${folder}/${name}`)
    bytes += measured.bytes
  })
  return {names, files: names.length, bytes}
}

/** Trims the folder's build caches to `limitBytes` by least recent use (see the module comment). */
export async function trimCacheFolder(cacheDir: string, limitBytes: number, now: number = Date.now()): Promise<TrimResult> {
  const lock = path.join(cacheDir, '.go-matrix-trim.lock')
  const owned = await takeLock(lock, now)
  if (!owned) return {bytesBefore: 0, bytesAfter: 0, removedFiles: 0, skipped: true}
  const recordFile = path.join(cacheDir, RECORD_FILE)
  try {
    const measured = await measureFolder(cacheDir, await readRecord(recordFile), now)
    if (measured.bytes <= limitBytes) {
      await writeRecord(recordFile, measured.record)
      return {bytesBefore: measured.bytes, bytesAfter: measured.bytes, removedFiles: 0}
    }
    // Over the limit: every entry's mtime is needed to remove the least recently used. The trim
    // changes many subfolders, so the next run measures afresh.
    await rm(recordFile, {force: true})
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

/** Written whole, then renamed, so that a reader never sees half a record; a folder that refuses it only costs the next run a full measure. */
async function writeRecord(file: string, record: FolderRecord): Promise<void> {
  const temporary = `${file}.${process.pid}`
  try {
    await writeFile(temporary, JSON.stringify(record))
    await rename(temporary, file)
  } catch {
    await rm(temporary, {force: true}).catch(() => undefined)
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
