/**
 * Carried caches: each Go version's GOCACHE and the shared module cache, restored from the Actions
 * cache before the version runs and saved after, holding only what the run used.
 *
 * Restores start as soon as the versions are resolved, beside the toolchain installs; a version
 * waits for its own build cache and for the module cache (which every version's go command reads
 * and writes), never for another version's. Saves start as each version finishes. Nothing here
 * fails a run: a cache that cannot be restored is a miss, one that cannot be saved a warning.
 * Per-version build caches are shared by everything a version runs, so each is restored once
 * before the version's first go command and saved once after its last.
 */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {versionDirs, type MatrixPaths} from '../runner/env.js'
import type {Logger} from '../util/log.js'
import {buildCacheKeys, digestOfDependencies, moduleCacheKeys, type CarriedKeys, type KeyContext} from './keys.js'
import {entryFiles, markRestored, measureEntries, pruneUnused} from './build-cache.js'
import {pruneModuleCache, readModuleNeeds} from './module-cache.js'
import {formatMiB, type VersionCacheReport} from './report.js'
import {bytesOf, type CacheClient} from '../transport/actions-cache.js'
import {CACHE_LIMIT_VARIABLE, cacheLimitBytes, measureKept, trimCacheFolder} from './folder.js'

export interface CarriedCachesOptions {
  /**
   * The Actions cache, through the one adapter (transport/actions-cache.ts); absent: the build
   * caches stay in a persistent folder (paths.cacheDir), trimmed to `folderLimitBytes`.
   */
  store?: CacheClient
  folderLimitBytes?: number
  paths: MatrixPaths
  moduleDir: string
  /** Every module the run tests (many-module runs), whose go.sum files the keys digest; default [moduleDir]. */
  moduleDirs?: readonly string[]
  platform: {os: string; arch: string}
  /** uniqueSavePart(...) */
  unique: string
  save: boolean
  /** Why this run saves or does not (decideCacheSave), for the report. */
  saveWhy: string
  logger: Logger
  clock?: () => number
}

interface VersionState {
  keys: CarriedKeys
  restoring: Promise<void>
  report: VersionCacheReport
  restoredNames: Set<string>
  markedAt: number
}

const seconds = (ms: number): number => Math.round(ms / 10) / 100

export class CarriedCaches {
  private readonly options: CarriedCachesOptions
  private readonly clock: () => number
  private readonly ready: Promise<{usable: boolean; context: KeyContext}>
  private modules: Promise<{keys: CarriedKeys; restoredKey: string | undefined} | null> | undefined
  private readonly versions = new Map<string, VersionState>()
  private readonly saves: Promise<void>[] = []
  /** What the run's notes should say about the module cache. */
  readonly notes: string[] = []

  constructor(options: CarriedCachesOptions) {
    this.options = options
    this.clock = options.clock ?? Date.now
    this.ready = this.prepare()
  }

  private async prepare(): Promise<{usable: boolean; context: KeyContext}> {
    const {store, moduleDir, platform, unique, logger} = this.options
    const files: {name: string; content: string}[] = []
    for (const dir of this.options.moduleDirs ?? [moduleDir]) {
      for (const name of ['go.sum', 'go.work.sum']) {
        const relative = path.relative(moduleDir, path.join(dir, name)).split(path.sep).join('/')
        try {
          files.push({name: relative, content: await readFile(path.join(dir, name), 'utf8')})
        } catch {
          // Absent: a module without dependencies, or a workspace without its own sums.
        }
      }
    }
    const context: KeyContext = {os: platform.os, arch: platform.arch, dependencies: digestOfDependencies(files), unique}
    let usable = false
    if (!store) return {usable, context}
    try {
      usable = await store.available()
    } catch (err) {
      logger.warning(`carried caches: the Actions cache is not usable: ${(err as Error).message}`)
    }
    return {usable, context}
  }

  /** Starts restoring the module cache (when the module has dependencies) and each version's build cache. */
  start(versions: readonly string[]): void {
    this.modules ??= this.restoreModules()
    for (const version of versions) this.restoreVersion(version)
  }

  private async restoreModules(): Promise<{keys: CarriedKeys; restoredKey: string | undefined} | null> {
    const {usable, context} = await this.ready
    // No go.sum: the module needs no other module, and there is nothing worth carrying.
    if (!usable || context.dependencies === '') return null
    const keys = moduleCacheKeys(context)
    const restoredKey = await this.restoreInto(this.options.paths.gomodcache, keys, 'the module cache')
    return {keys, restoredKey}
  }

  private restoreVersion(version: string): VersionState {
    let state = this.versions.get(version)
    if (state) return state
    const report: VersionCacheReport = {where: this.options.store ? 'actions-cache' : 'folder', restored: false, key: null, restoredBytes: 0, restoreSeconds: 0, saved: false, saveSeconds: 0}
    const created: VersionState = {keys: {key: '', restoreKeys: []}, restoring: Promise.resolve(), report, restoredNames: new Set(), markedAt: 0}
    created.restoring = (async () => {
      const {usable, context} = await this.ready
      const gocache = this.gocacheOf(version)
      if (!this.options.store) {
        // The folder keeps what earlier runs left: that is this run's "restore".
        const entries = await measureKept(this.options.paths.cacheDir, gocache)
        created.restoredNames = new Set(entries.names)
        report.restored = entries.files > 0
        report.restoredBytes = entries.bytes
        created.keys = {key: 'folder', restoreKeys: []}
        return
      }
      if (!usable) {
        report.why = 'the Actions cache service is not available'
        return
      }
      created.keys = buildCacheKeys(version, context)
      const started = this.clock()
      const restoredKey = await this.restoreInto(gocache, created.keys, `Go ${version}'s build cache`)
      const ended = this.clock()
      report.restoreSeconds = seconds(ended - started)
      if (restoredKey !== undefined) {
        report.restored = true
        report.key = restoredKey
      }
      // Only a run that saves needs to tell used entries from unused ones.
      if (this.options.save) {
        const marked = await markRestored(gocache, ended)
        created.restoredNames = marked.names
        created.markedAt = ended
        report.restoredBytes = marked.entries.bytes
      } else {
        const entries = await measureEntries(gocache)
        created.restoredNames = new Set(entries.list.map(e => e.name))
        report.restoredBytes = entries.bytes
      }
    })().catch(err => {
      report.why = `restoring failed: ${(err as Error).message}`
      this.options.logger.warning(`Go ${version}: its build cache was not restored: ${(err as Error).message}`)
    })
    this.versions.set(version, created)
    state = created
    return state
  }

  /** What a version waits for before its first go command: the module cache and its own build cache. */
  async beforeVersion(version: string): Promise<void> {
    this.modules ??= this.restoreModules()
    await Promise.all([this.modules.catch(() => null), this.restoreVersion(version).restoring])
  }

  /**
   * After a version's last go command: removes the restored entries it did not use and saves the
   * rest, unless nothing changed (every entry restored was used and none was added). A version that
   * was skipped or stopped saves nothing.
   */
  afterVersion(version: string, outcome: 'ran' | 'skipped' | 'stopped'): Promise<void> {
    const state = this.versions.get(version)
    if (!state) return Promise.resolve()
    const {report} = state
    if (outcome !== 'ran') {
      report.why ??= outcome === 'skipped' ? 'not saved: the version did not run' : 'not saved: the run was stopped'
      return Promise.resolve()
    }
    if (!this.options.save || !this.options.store) {
      if (this.options.store) report.why ??= `not saved: ${this.options.saveWhy}`
      // What the run compiled or tested anew, for the report: entries that were not restored.
      return this.track(
        (async () => {
          await state.restoring
          if (state.keys.key === '') return
          const gocache = this.gocacheOf(version)
          // A folder's bytes come with its names (measureKept); a restored cache that is not saved
          // reports no bytes, so its names, a readdir per entry folder, are all that is read.
          const kept = this.options.store ? null : await measureKept(this.options.paths.cacheDir, gocache)
          const names = kept ? kept.names : await entryFiles(gocache)
          report.addedEntries = names.filter(name => !state.restoredNames.has(name)).length
          if (kept) report.savedBytes = kept.bytes
        })().catch(() => undefined)
      )
    }
    const store = this.options.store
    return this.track(
      (async () => {
        await state.restoring
        if (state.keys.key === '') return
        const gocache = this.gocacheOf(version)
        const pruned = await pruneUnused(gocache, state.restoredNames, state.markedAt)
        report.addedEntries = pruned.added.files
        report.removedEntries = pruned.removed.files
        report.savedBytes = pruned.kept.bytes
        if (report.restored && pruned.added.files === 0 && pruned.removed.files === 0) {
          report.why = 'not saved: the run used exactly what it restored'
          return
        }
        const started = this.clock()
        report.saved = await this.saveFrom(store, gocache, state.keys.key, `Go ${version}'s build cache`)
        report.saveSeconds = seconds(this.clock() - started)
        if (report.saved) report.savedKey = state.keys.key
        else report.why = 'not saved: the cache service declined'
      })().catch(err => {
        report.why = `saving failed: ${(err as Error).message}`
        this.options.logger.warning(`Go ${version}: its build cache was not saved: ${(err as Error).message}`)
      })
    )
  }

  /**
   * Waits for the build caches' saves, then saves the module cache, kept to what the module's
   * graph needs (asked of `go`, a toolchain that ran, in `env`), unless it holds what it was
   * restored with.
   */
  async finish(go: {binary: string; env: Record<string, string>} | null): Promise<void> {
    const moduleDirs = this.options.moduleDirs ?? [this.options.moduleDir]
    await Promise.all(this.saves)
    const {store} = this.options
    if (!store) {
      const trimmed = await trimCacheFolder(this.options.paths.cacheDir, this.options.folderLimitBytes ?? cacheLimitBytes(undefined))
      if (trimmed.removedFiles > 0) {
        this.notes.push(
          `The build cache folder ${this.options.paths.cacheDir} was trimmed from ${formatMiB(trimmed.bytesBefore)} to ${formatMiB(trimmed.bytesAfter)} (${CACHE_LIMIT_VARIABLE}), least recently used entries first.`
        )
      }
      return
    }
    const modules = await (this.modules ?? Promise.resolve(null)).catch(() => null)
    if (!modules || !this.options.save || !go) return
    const {gomodcache} = this.options.paths
    try {
      // The module cache serves every module of the run: what any of their graphs needs stays.
      const needs = {graph: new Set<string>(), build: new Set<string>()}
      for (const dir of moduleDirs) {
        const one = await readModuleNeeds(go.binary, dir, go.env)
        for (const m of one.graph) needs.graph.add(m)
        for (const m of one.build) needs.build.add(m)
      }
      const pruned = await pruneModuleCache(gomodcache, needs)
      const sameDependencies = modules.restoredKey?.startsWith(modules.keys.restoreKeys[0] as string) ?? false
      if (sameDependencies && pruned.removedFiles === 0) return
      const started = this.clock()
      if (await this.saveFrom(store, gomodcache, modules.keys.key, 'the module cache')) {
        this.notes.push(
          `The module cache was saved (${formatMiB(await bytesOf([gomodcache]))}, ${seconds(this.clock() - started)} s${pruned.removedFiles > 0 ? `; ${formatMiB(pruned.removedBytes)} the module graph no longer needs left out` : ''}).`
        )
      }
    } catch (err) {
      this.options.logger.warning(`the module cache was not saved: ${(err as Error).message}`)
    }
  }

  /** Each version's cache line for report.json; undefined for a version never restored. */
  reportOf(version: string): VersionCacheReport | undefined {
    return this.versions.get(version)?.report
  }

  private gocacheOf(version: string): string {
    return versionDirs('', this.options.paths, version).gocache
  }

  private async restoreInto(dir: string, keys: CarriedKeys, what: string): Promise<string | undefined> {
    try {
      const key = await this.options.store?.restore([dir], keys.key, keys.restoreKeys)
      this.options.logger.info(key === undefined ? `carried caches: no entry for ${what} (${keys.restoreKeys[0]}…)` : `carried caches: ${what} restored from ${key}`)
      return key
    } catch (err) {
      this.options.logger.warning(`carried caches: ${what} was not restored: ${(err as Error).message}`)
      return undefined
    }
  }

  private track(work: Promise<void>): Promise<void> {
    this.saves.push(work)
    return work
  }

  private async saveFrom(store: CacheClient, dir: string, key: string, what: string): Promise<boolean> {
    const saved = await store.save([dir], key)
    this.options.logger.info(saved ? `carried caches: ${what} saved as ${key}` : `carried caches: ${what} not saved (the service declined ${key})`)
    return saved
  }
}
