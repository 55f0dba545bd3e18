/**
 * `baseline: auto`: the default branch's report.json kept in the Actions cache. A push to the
 * default branch saves its report under a key naming the repository, the branch and the commit;
 * a pull request restores the newest one saved for its base branch. The cache service is
 * optional: when it is missing or fails, the run goes on without a baseline and says why in a note.
 * The service is reached through the one cache adapter (transport/actions-cache.ts).
 */
import {createHash} from 'node:crypto'
import {copyFile, mkdir, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {actionsCacheClient, restoreEntry, saveEntry, type CacheClient} from '../transport/actions-cache.js'
import type {Logger} from '../util/log.js'

export const BASELINE_FILE = 'report.json'

/**
 * The directory a baseline is saved from and restored into. The cache gives entries back at the
 * path they were saved from, and the path is part of an entry's identity, so both sides must
 * use the same one: `<RUNNER_TEMP>/go-matrix-baseline`.
 */
export function baselineCacheDir(tempDir: string): string {
  return path.join(tempDir, 'go-matrix-baseline')
}

const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/
/** Branch names can be long; the whole key must stay within the service's 512 characters. */
const MAX_BRANCH_PART = 200

/**
 * One part of a cache key: characters other than letters, digits, `.`, `_` and `-` become `_`
 * (the service forbids commas; slashes and spaces make keys hard to read and match). A part too
 * long for the key keeps its start and gains a digest of the whole name, so it stays unique.
 */
export function sanitizeKeyPart(value: string, max = MAX_BRANCH_PART): string {
  const plain = value.replace(/[^A-Za-z0-9._-]/g, '_')
  if (plain.length <= max) return plain
  const digest = createHash('sha256').update(value).digest('hex').slice(0, 16)
  return `${plain.slice(0, max - digest.length - 1)}_${digest}`
}

/** `go-matrix-baseline-<owner>-<repo>-<branch>-`: every baseline saved for that branch. */
export function baselineKeyPrefix(repo: string, branch: string): string {
  const [owner = '', name = ''] = repo.split('/', 2)
  return `go-matrix-baseline-${sanitizeKeyPart(owner, 100)}-${sanitizeKeyPart(name, 100)}-${sanitizeKeyPart(branch)}-`
}

/** `go-matrix-baseline-<owner>-<repo>-<branch>-<sha>`: the baseline of one commit. */
export function baselineKey(repo: string, branch: string, sha: string): string {
  return `${baselineKeyPrefix(repo, branch)}${sha.toLowerCase()}`
}

/**
 * The commit a restored key names, or null when the key is not `prefix + commit id`: a prefix
 * match of `...-main-` also finds keys of a branch named `main-2`, which are not this branch's.
 */
export function commitOfKey(key: string, prefix: string): string | null {
  if (!key.startsWith(prefix)) return null
  const rest = key.slice(prefix.length)
  return COMMIT_ID.test(rest) ? rest : null
}

export interface BaselineEvent {
  /** GITHUB_EVENT_NAME: `push`, `pull_request`, … */
  eventName: string
  /** GITHUB_REF: `refs/heads/main`, `refs/pull/7/merge`, … */
  ref: string
  /** The event payload's `repository.default_branch`; empty or null when the payload has none. */
  defaultBranch: string | null
  /** A pull request's `pull_request.base.ref`; empty or null for other events. */
  baseRef: string | null
}

export type BaselineAction =
  | {action: 'save'; branch: string}
  | {action: 'restore'; branch: string}
  | {action: 'none'; reason: string}

/**
 * What `baseline: auto` does for this event: a push to the default branch saves its report, a
 * pull request restores its base branch's, anything else has no baseline. Pure.
 */
export function decideBaselineAction(event: BaselineEvent): BaselineAction {
  const {eventName, ref} = event
  const defaultBranch = event.defaultBranch ?? ''
  const baseRef = event.baseRef ?? ''
  if (eventName === 'pull_request' || eventName === 'pull_request_target') {
    if (baseRef === '') return {action: 'none', reason: `the ${eventName} event names no base branch, so there is no baseline to restore`}
    return {action: 'restore', branch: baseRef}
  }
  if (eventName === 'push') {
    if (!ref.startsWith('refs/heads/')) return {action: 'none', reason: `a push to ${ref} (not a branch) saves no baseline`}
    const branch = ref.slice('refs/heads/'.length)
    if (defaultBranch === '') return {action: 'none', reason: `the push event does not name the default branch, so ${branch}'s report is not saved as a baseline`}
    if (branch !== defaultBranch) return {action: 'none', reason: `baselines are saved on pushes to ${defaultBranch}; this push is to ${branch}`}
    return {action: 'save', branch}
  }
  return {
    action: 'none',
    reason: `baselines are saved on pushes to the default branch and restored on pull requests; this is a ${eventName === '' ? 'run without an event' : `${eventName} event`}`
  }
}

export const CACHE_UNAVAILABLE_NOTE = 'The Actions cache service is not available here, so there is no baseline.'

export interface SaveBaselineRequest {
  /** The report.json this run wrote. */
  reportPath: string
  branch: string
  /** The commit the report is of (GITHUB_SHA). */
  sha: string
  /** `owner/name` (GITHUB_REPOSITORY). */
  repo: string
  /** Where the report is copied to and saved from; use baselineCacheDir(RUNNER_TEMP), the same as restoreBaseline's destDir. */
  dir: string
  cache?: CacheClient
  logger: Logger
}

export interface SaveBaselineResult {
  /** The key saved under, or null when nothing was saved. */
  key: string | null
  /** One sentence for the summary. */
  note: string
}

/** Saves report.json as this branch's baseline. Never throws: a failure is a warning and a note. */
export async function saveBaseline(request: SaveBaselineRequest): Promise<SaveBaselineResult> {
  const {reportPath, branch, sha, repo, dir, logger} = request
  const cache = request.cache ?? actionsCacheClient
  if (!COMMIT_ID.test(sha.toLowerCase())) {
    return {key: null, note: `The report is not saved as a baseline: the commit ${JSON.stringify(sha)} is not a full commit id.`}
  }
  const key = baselineKey(repo, branch, sha)
  try {
    if (!(await cache.available())) {
      return {key: null, note: 'The Actions cache service is not available here, so this report is not saved as a baseline.'}
    }
    await mkdir(dir, {recursive: true})
    const staged = path.join(dir, BASELINE_FILE)
    if (path.resolve(reportPath) !== path.resolve(staged)) await copyFile(reportPath, staged)
    if (!(await saveEntry({paths: [dir], key, client: cache})).saved) {
      return {key: null, note: `The Actions cache did not save the baseline under ${key} (an entry with that key may exist already).`}
    }
    logger.info(`Saved ${reportPath} as the baseline for ${branch} (cache key ${key})`)
    return {key, note: `This report is saved as the baseline for ${branch} at ${sha.slice(0, 7)}.`}
  } catch (err) {
    const message = (err as Error).message
    logger.warning(`The baseline for ${branch} could not be saved to the Actions cache under ${key}: ${message}`)
    return {key: null, note: `The baseline could not be saved to the Actions cache: ${message}`}
  }
}

export interface RestoreBaselineRequest {
  baseBranch: string
  /** `owner/name` (GITHUB_REPOSITORY). */
  repo: string
  /** The directory the baseline was saved from: baselineCacheDir(RUNNER_TEMP). */
  destDir: string
  cache?: CacheClient
  logger: Logger
}

export interface RestoreBaselineResult {
  /** The restored report.json, ready for readBaselineFile, or null when there is none. */
  path: string | null
  /** One sentence for the summary: where the baseline came from, or why there is none. */
  note: string
}

/** Restores the newest baseline saved for the base branch. Never throws: a failure is a warning and a note. */
export async function restoreBaseline(request: RestoreBaselineRequest): Promise<RestoreBaselineResult> {
  const {baseBranch, repo, destDir, logger} = request
  const cache = request.cache ?? actionsCacheClient
  const prefix = baselineKeyPrefix(repo, baseBranch)
  const file = path.join(destDir, BASELINE_FILE)
  try {
    if (!(await cache.available())) return {path: null, note: CACHE_UNAVAILABLE_NOTE}
    // A report left from earlier must never pass for the restored one.
    await rm(file, {force: true})
    // No entry is named by the prefix alone, so the restore key's prefix match finds the newest.
    const {matchedKey: matched} = await restoreEntry({paths: [destDir], key: prefix, restoreKeys: [prefix], client: cache})
    if (matched === null) {
      return {path: null, note: `No baseline is saved for ${baseBranch} yet (a push to ${baseBranch} saves one), so there is no baseline.`}
    }
    const sha = commitOfKey(matched, prefix)
    if (sha === null) {
      await rm(file, {force: true})
      return {path: null, note: `The newest cache entry matching ${prefix} is ${matched}, which is not a baseline of ${baseBranch}, so there is no baseline.`}
    }
    if (!(await isFile(file))) {
      return {path: null, note: `The cache entry ${matched} holds no ${BASELINE_FILE}, so there is no baseline.`}
    }
    logger.info(`Restored the baseline for ${baseBranch} from cache key ${matched}`)
    return {path: file, note: `Baseline: the report of ${baseBranch} at ${sha.slice(0, 7)}.`}
  } catch (err) {
    const message = (err as Error).message
    logger.warning(`The baseline for ${baseBranch} could not be restored from the Actions cache: ${message}`)
    return {path: null, note: `The baseline could not be restored from the Actions cache (${message}), so there is no baseline.`}
  }
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile()
  } catch {
    return false
  }
}
