/**
 * A loopback stand-in for the GitHub Actions cache service (v2 Twirp + Azure Blob, v1 REST), and a
 * way to run the unmodified @actions/cache against it in a job's environment. The service lives in
 * actions-cache-server.mjs, which also runs as its own process
 * (`node __tests__/helpers/actions-cache-server.mjs --port 0`); the client in
 * actions-cache-client.mjs, one process per call, since @actions/cache reads process.env.
 *
 * The client runs bundled by esbuild with the options dist/ is built with
 * (scripts/esbuild-node.mjs): loading @actions/cache from its hundreds of files costs each call
 * about half a second of CPU, and the tests make a hundred calls. The bundle is the unmodified
 * package's code; it is built once per machine under os.tmpdir(), keyed by the client's source, the
 * options and the versions of @actions/cache and esbuild, and written atomically, so that test
 * files running at once share it.
 */
import {execFile} from 'node:child_process'
import {createHash, randomBytes} from 'node:crypto'
import {existsSync, readFileSync} from 'node:fs'
import {mkdir, rename, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {NODE_BUNDLE} from '../../scripts/esbuild-node.mjs'

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

let bundled: Promise<string> | undefined

/** The client bundled with its dependencies: built at the first call of this process, or found built. */
function bundledClient(): Promise<string> {
  bundled ??= (async () => {
    const modules = path.resolve(import.meta.dirname, '..', '..', 'node_modules')
    const versionOf = (name: string): string => (JSON.parse(readFileSync(path.join(modules, name, 'package.json'), 'utf8')) as {version: string}).version
    const key = createHash('sha256')
      .update(readFileSync(CLIENT))
      .update(JSON.stringify(NODE_BUNDLE))
      .update(`@actions/cache ${versionOf('@actions/cache')} esbuild ${versionOf('esbuild')}`)
      .digest('hex')
      .slice(0, 16)
    const dir = path.join(os.tmpdir(), 'go-matrix-actions-cache-client')
    const file = path.join(dir, `client-${key}.mjs`)
    if (existsSync(file)) return file
    await mkdir(dir, {recursive: true})
    const temporary = `${file}.tmp-${randomBytes(6).toString('hex')}.mjs`
    const {build} = await import('esbuild')
    try {
      await build({
        entryPoints: [CLIENT],
        outfile: temporary,
        ...NODE_BUNDLE
      })
      await rename(temporary, file)
    } finally {
      await rm(temporary, {force: true})
    }
    return file
  })()
  return bundled
}

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
export async function runCacheClient(request: CacheClientRequest, job: CacheClientJob): Promise<CacheClientRun> {
  const env = {PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: job.temp, RUNNER_TEMP: job.temp, GITHUB_WORKSPACE: job.workspace, ...job.env}
  const client = await bundledClient()
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [client, JSON.stringify(request)], {env, cwd: job.workspace, maxBuffer: 64 * 1024 * 1024}, (err, stdout, stderr) => {
      const line = stdout.split('\n').find(l => l.startsWith(RESULT_MARKER))
      if (err || line === undefined) return reject(new Error(`the cache client failed (${err?.message ?? 'no result line'}):\n${stdout}\n${stderr}`))
      resolve({result: JSON.parse(line.slice(RESULT_MARKER.length)) as CacheClientResult, stdout, stderr})
    })
  })
}
