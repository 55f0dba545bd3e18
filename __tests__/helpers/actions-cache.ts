/**
 * A loopback stand-in for the GitHub Actions cache service (v2 Twirp + Azure Blob, v1 REST), and a
 * way to run the unmodified @actions/cache against it in a job's environment. The service lives in
 * actions-cache-server.mjs, which also runs as its own process
 * (`node __tests__/helpers/actions-cache-server.mjs --port 0`); the client in
 * actions-cache-client.mjs, one process per call, since @actions/cache reads process.env.
 */
import {execFile} from 'node:child_process'
import path from 'node:path'

export {startActionsCacheStandIn} from './actions-cache-server.mjs'
export type {
  ActionsCacheStandIn,
  ActionsCacheStandInOptions,
  CacheEntry,
  CacheEnvRequest,
  CacheFault,
  CacheGrant,
  CacheOperation,
  CacheRequest,
  EvictedEntry
} from './actions-cache-server.mjs'

const CLIENT = path.join(import.meta.dirname, 'actions-cache-client.mjs')
const RESULT_MARKER = '::actions-cache-client-result::'

export type CacheClientRequest =
  | {op: 'save'; paths: string[]; key: string}
  | {op: 'restore'; paths: string[]; key: string; restoreKeys?: string[]; options?: {lookupOnly?: boolean}}
  | {op: 'available'}

/** What the client returned: a save's cacheId (-1: not saved), a restore's key (null: a miss), or what it threw. */
export interface CacheClientResult {
  cacheId?: number
  key?: string | null
  available?: boolean
  error?: string
  name?: string
}

/** A job as far as @actions/cache sees it. */
export interface CacheClientJob {
  /** GITHUB_WORKSPACE: archives hold paths relative to it, and are extracted under it. */
  workspace: string
  /** RUNNER_TEMP: where archives are staged. */
  temp: string
  /** The stand-in's envFor(...) and anything else the step should see. */
  env: Record<string, string>
}

export interface CacheClientRun {
  result: CacheClientResult
  /** The client's log as a job shows it (`::warning::…`, `Cache hit for: …`). */
  stdout: string
  stderr: string
}

/** Runs one saveCache/restoreCache/isFeatureAvailable call of the unmodified client in a job's environment. */
export function runCacheClient(request: CacheClientRequest, job: CacheClientJob): Promise<CacheClientRun> {
  const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: job.temp, RUNNER_TEMP: job.temp, GITHUB_WORKSPACE: job.workspace, ...job.env}
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLIENT, JSON.stringify(request)], {env, cwd: job.workspace, maxBuffer: 64 * 1024 * 1024}, (err, stdout, stderr) => {
      const line = stdout.split('\n').find(l => l.startsWith(RESULT_MARKER))
      if (err || line === undefined) return reject(new Error(`the cache client failed (${err?.message ?? 'no result line'}):\n${stdout}\n${stderr}`))
      resolve({result: JSON.parse(line.slice(RESULT_MARKER.length)) as CacheClientResult, stdout, stderr})
    })
  })
}
