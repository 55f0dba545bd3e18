/**
 * The one adapter to the Actions cache service (@actions/cache), for everything go-matrix keeps
 * there: installed toolchains, the default branch's baseline, and next the carried build caches.
 * One call saves a list of paths under a key, or restores them by the key or, failing that, by the
 * newest entry whose key starts with one of the restore-key prefixes, and reports what happened:
 * hit or miss, the key matched, the bytes on disk and the seconds spent. The service's client is
 * the only part that talks to it, so tests inject their own; @actions/cache is loaded on first use,
 * keeping the library's import free of it.
 */
import {lstat, readdir} from 'node:fs/promises'
import path from 'node:path'

/** The cache service as go-matrix uses it; the default is @actions/cache, tests inject stand-ins. */
export interface CacheClient {
  available(): Promise<boolean>
  /**
   * Restores `paths` from the entry named `key`, else from the newest entry whose key starts with
   * one of `restoreKeys`. Returns the key of the entry restored, or undefined on a miss.
   */
  restore(paths: readonly string[], key: string, restoreKeys: readonly string[]): Promise<string | undefined>
  /** Saves `paths` under `key`; false when the service declined (an entry with that key exists, or saving is not allowed). */
  save(paths: readonly string[], key: string): Promise<boolean>
}

export const actionsCacheClient: CacheClient = {
  async available() {
    const cache = await import('@actions/cache')
    return cache.isFeatureAvailable()
  },
  async restore(paths, key, restoreKeys) {
    const cache = await import('@actions/cache')
    return cache.restoreCache(paths.map(p => path.resolve(p)), key, [...restoreKeys])
  },
  async save(paths, key) {
    const cache = await import('@actions/cache')
    // saveCache reports a refused reservation (the key exists, a read-only token) as -1 rather than throwing.
    return (await cache.saveCache(paths.map(p => path.resolve(p)), key)) !== -1
  }
}

export interface CacheRestore {
  /** `hit`: the entry named by the key; `partial`: one found by a restore-key prefix; `miss`: none. */
  outcome: 'hit' | 'partial' | 'miss'
  /** The key of the entry restored, or null on a miss. */
  matchedKey: string | null
  /** Bytes of the restored paths on disk (0 on a miss). */
  bytes: number
  seconds: number
}

export interface CacheSave {
  /** False when the service declined the key (it exists already, or this run may not save). */
  saved: boolean
  /** Bytes of the paths on disk that were offered. */
  bytes: number
  seconds: number
}

export interface CacheEntryRequest {
  paths: readonly string[]
  key: string
  client?: CacheClient
}

/** Restores one entry; a failing service throws (the caller decides whether that is a warning). */
export async function restoreEntry(request: CacheEntryRequest & {restoreKeys?: readonly string[]}): Promise<CacheRestore> {
  const started = performance.now()
  const client = request.client ?? actionsCacheClient
  const matched = await client.restore(request.paths, request.key, request.restoreKeys ?? [])
  if (matched === undefined) return {outcome: 'miss', matchedKey: null, bytes: 0, seconds: secondsSince(started)}
  return {outcome: matched === request.key ? 'hit' : 'partial', matchedKey: matched, bytes: await bytesOf(request.paths), seconds: secondsSince(started)}
}

/** Saves one entry; a failing service throws (the caller decides whether that is a warning). */
export async function saveEntry(request: CacheEntryRequest): Promise<CacheSave> {
  const started = performance.now()
  const client = request.client ?? actionsCacheClient
  const bytes = await bytesOf(request.paths)
  const saved = await client.save(request.paths, request.key)
  return {saved, bytes, seconds: secondsSince(started)}
}

function secondsSince(started: number): number {
  return Math.round(performance.now() - started) / 1000
}

/** The bytes of the regular files under `paths` (symbolic links are not followed); missing paths count 0. */
export async function bytesOf(paths: readonly string[]): Promise<number> {
  let total = 0
  for (const top of paths) {
    const info = await lstat(top).catch(() => null)
    if (info === null) continue
    if (info.isFile()) total += info.size
    if (!info.isDirectory()) continue
    for (const entry of await readdir(top, {recursive: true, withFileTypes: true})) {
      // parentPath is Node 20.12+; `path` (its older name) on earlier 20.x.
      if (entry.isFile()) total += (await lstat(path.join(entry.parentPath ?? entry.path, entry.name))).size
    }
  }
  return total
}
