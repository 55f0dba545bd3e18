/**
 * The Actions cache as a toolchain store. Its whole job is that service, so it may use @actions/cache;
 * the module is loaded on first use, keeping the library's import free of it.
 */
import path from 'node:path'

/** Saves and restores installed toolchains across runs. Failures are the caller's to turn into warnings. */
export interface ToolchainCache {
  available(): Promise<boolean>
  /** Restores `dir` under `key`; true on a hit. */
  restore(dir: string, key: string): Promise<boolean>
  save(dir: string, key: string): Promise<void>
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
  async restore(dir, key) {
    const cache = await import('@actions/cache')
    return (await cache.restoreCache([path.resolve(dir)], key)) !== undefined
  },
  async save(dir, key) {
    const cache = await import('@actions/cache')
    await cache.saveCache([path.resolve(dir)], key)
  }
}
