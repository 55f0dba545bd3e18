/**
 * The Actions cache as a toolchain store. Its whole job is that service, so it may use @actions/cache;
 * the module is loaded on first use, keeping the library's import free of it.
 */
import path from 'node:path'
import {sidecarsOf} from '../toolchains/layout.js'

/**
 * Saves and restores installed toolchains across runs: each entry holds the paths toolchainCachePaths
 * names (the toolchain and its install manifest). Failures are the caller's to turn into warnings.
 */
export interface ToolchainCache {
  available(): Promise<boolean>
  /** Restores `paths` under `key`; true on a hit. */
  restore(paths: readonly string[], key: string): Promise<boolean>
  save(paths: readonly string[], key: string): Promise<void>
}

/**
 * What a toolchain's cache entry holds: its folder and its install manifest beside it, so that a
 * restored toolchain is verified against the manifest written when it was installed.
 */
export function toolchainCachePaths(dir: string): string[] {
  return [dir, sidecarsOf(dir).manifest]
}

/** `go-matrix-go-<version>-<os>-<arch>-<sha256>`: a new archive digest never restores an old toolchain. */
export function toolchainCacheKey(version: string, os: string, arch: string, sha256: string): string {
  return `go-matrix-go-${version}-${os}-${arch}-${sha256}`
}

export const actionsToolchainCache: ToolchainCache = {
  async available() {
    const cache = await import('@actions/cache')
    return cache.isFeatureAvailable()
  },
  async restore(paths, key) {
    const cache = await import('@actions/cache')
    return (await cache.restoreCache(paths.map(p => path.resolve(p)), key)) !== undefined
  },
  async save(paths, key) {
    const cache = await import('@actions/cache')
    await cache.saveCache(paths.map(p => path.resolve(p)), key)
  }
}
