/**
 * Names of the carried caches in the Actions cache, and when a run saves them. Pure.
 *
 * A build cache is carried per Go version (its objects are that version's only), the module cache
 * once for all versions. Every key names the OS, the architecture and a digest of the module's
 * dependency files, and ends with a part unique to the save, because the service never overwrites
 * a key: restores ask for the prefix and get the newest entry saved under it, first for the same
 * dependencies, then for any (a dependency upgrade still starts from the previous cache).
 */
import {createHash} from 'node:crypto'

export type CacheSave = 'default-branch' | 'always' | 'never'
export const CACHE_SAVE_VALUES: readonly CacheSave[] = ['default-branch', 'always', 'never']

export interface CarriedKeys {
  /** The key this run saves under (never restored as such: it is new). */
  key: string
  /** Prefixes restores try, most specific first. */
  restoreKeys: string[]
}

/** What names one platform's entries. */
export interface KeyContext {
  os: string
  arch: string
  /** digestOfDependencies of go.sum and go.work.sum, or '' when the module has neither. */
  dependencies: string
  /** Unique to this save: the workflow run, its attempt and the time. */
  unique: string
}

/** `go-matrix-build-<os>-<arch>-go<version>-<deps>-<unique>`: one Go version's build and test cache. */
export function buildCacheKeys(version: string, context: KeyContext): CarriedKeys {
  return keysUnder(`go-matrix-build-${context.os}-${context.arch}-go${version}-`, context)
}

/** `go-matrix-mod-<os>-<arch>-<deps>-<unique>`: the module cache all versions share. */
export function moduleCacheKeys(context: KeyContext): CarriedKeys {
  return keysUnder(`go-matrix-mod-${context.os}-${context.arch}-`, context)
}

function keysUnder(prefix: string, context: KeyContext): CarriedKeys {
  const deps = context.dependencies || 'nodeps'
  return {key: `${prefix}${deps}-${context.unique}`, restoreKeys: [`${prefix}${deps}-`, prefix]}
}

/**
 * The first 16 hex digits of a sha256 over the dependency files that exist, each with its name (so
 * moving a line from go.sum to go.work.sum changes it); '' when there are none.
 */
export function digestOfDependencies(files: readonly {name: string; content: string}[]): string {
  if (files.length === 0) return ''
  const hash = createHash('sha256')
  for (const f of [...files].sort((a, b) => a.name.localeCompare(b.name))) hash.update(`${f.name}\0${f.content}\0`)
  return hash.digest('hex').slice(0, 16)
}

/** `<run id>-<attempt>-<time in base 36>`; without a run (the command line), `local-<time>`. */
export function uniqueSavePart(env: {GITHUB_RUN_ID?: string | undefined; GITHUB_RUN_ATTEMPT?: string | undefined}, now: number): string {
  const time = now.toString(36)
  return env.GITHUB_RUN_ID ? `${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT || '1'}-${time}` : `local-${time}`
}

export interface SaveEvent {
  eventName: string
  ref: string
  defaultBranch: string | null
}

/**
 * Whether this run saves its carried caches. `default-branch`: runs on the default branch other
 * than pull requests (pushes; a schedule or a manual run of it too), so that pull requests, which
 * may read their base branch's entries, restore what the default branch saved and save nothing
 * that would crowd it out of the repository's quota.
 */
export function decideCacheSave(mode: CacheSave, event: SaveEvent): {save: boolean; why: string} {
  if (mode === 'never') return {save: false, why: 'cache-save is never'}
  if (mode === 'always') return {save: true, why: 'cache-save is always'}
  if (event.eventName.startsWith('pull_request')) {
    return {save: false, why: "pull requests restore the default branch's caches and save none (cache-save: default-branch)"}
  }
  if (!event.defaultBranch) return {save: false, why: 'the event does not name the default branch, so nothing is saved (cache-save: default-branch)'}
  if (event.ref !== `refs/heads/${event.defaultBranch}`) {
    return {save: false, why: `caches are saved on ${event.defaultBranch} only; this run is of ${event.ref || 'no ref'} (cache-save: default-branch)`}
  }
  return {save: true, why: `a run on the default branch (${event.defaultBranch})`}
}
