/**
 * Which carried caches a run gets, from the `cache` input and where it runs: through the Actions
 * cache when the caller (the action) provides it, else in the persistent cache folder (the command
 * line, or GO_MATRIX_CACHE_DIR anywhere), else none.
 */
import {compareGoVersions} from '../go/gover.js'
import {goBinary} from '../go/platform.js'
import type {Toolchain} from '../go/toolchain.js'
import {isolatedEnv, versionDirs, type MatrixPaths} from '../runner/env.js'
import type {VersionRun} from '../runner/types.js'
import type {Logger} from '../util/log.js'
import {CarriedCaches} from './carried.js'
import type {CacheClient} from '../transport/actions-cache.js'
import {CACHE_LIMIT_VARIABLE, cacheLimitBytes} from './folder.js'
import {uniqueSavePart} from './keys.js'

/** The action's part: the Actions cache and whether this run saves (decideCacheSave). */
export interface ActionsCarry {
  store: CacheClient
  save: boolean
  why: string
}

export function carriedCachesFor(input: {
  cache: boolean
  actions: ActionsCarry | undefined
  env: NodeJS.ProcessEnv
  paths: MatrixPaths
  moduleDir: string
  /** The modules a many-module run tests; default [moduleDir]. */
  moduleDirs?: readonly string[]
  platform: {os: string; arch: string}
  logger: Logger
}): CarriedCaches | null {
  if (!input.cache) return null
  const common = {paths: input.paths, moduleDir: input.moduleDir, ...(input.moduleDirs ? {moduleDirs: input.moduleDirs} : {}), platform: input.platform, logger: input.logger, unique: uniqueSavePart(input.env, Date.now())}
  // A folder of the user's choosing is kept in place, on a runner too.
  if (input.actions && !input.env.GO_MATRIX_CACHE_DIR) {
    return new CarriedCaches({...common, store: input.actions.store, save: input.actions.save, saveWhy: input.actions.why})
  }
  return new CarriedCaches({...common, save: false, saveWhy: 'a persistent folder', folderLimitBytes: cacheLimitBytes(input.env[CACHE_LIMIT_VARIABLE])})
}

/** The outcome carried caches care about: whether the version's go commands ran to their end. */
export function outcomeOf(run: Pick<VersionRun, 'status'>): 'ran' | 'skipped' | 'stopped' {
  return run.status === 'skipped' ? 'skipped' : run.status === 'error' ? 'stopped' : 'ran'
}

/** The newest version that ran, as the go command that reads the module graph for the module cache's save. */
export function graphReader(runs: readonly VersionRun[], paths: MatrixPaths, env: NodeJS.ProcessEnv): {binary: string; env: Record<string, string>} | null {
  const ran = runs.filter(r => outcomeOf(r) === 'ran').map(r => r.toolchain)
  const newest: Toolchain | undefined = [...ran].sort((a, b) => compareGoVersions(b.version, a.version))[0]
  if (!newest) return null
  return {binary: goBinary(newest.goroot), env: isolatedEnv(env, versionDirs(newest.goroot, paths, newest.version))}
}

type Outcome = 'ran' | 'skipped' | 'stopped'

/**
 * Counts each version's finished units (its modules' runs) and returns, at the last of `units`, the
 * version's outcome: `ran` when any of its units ran, else `stopped` when any was stopped, else
 * `skipped`; null before the last.
 */
export function unitsDone(units: number): (version: string, outcome: Outcome) => Outcome | null {
  const seen = new Map<string, Outcome[]>()
  return (version, outcome) => {
    const outcomes = [...(seen.get(version) ?? []), outcome]
    seen.set(version, outcomes)
    if (outcomes.length < units) return null
    return outcomes.includes('ran') ? 'ran' : outcomes.includes('stopped') ? 'stopped' : 'skipped'
  }
}
