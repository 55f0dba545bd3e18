/**
 * The Actions cache stand-in itself, driven by the unmodified @actions/cache (the package go-matrix
 * bundles), each call in a process of its own with a job's environment: if the real client cannot
 * save and restore through it exactly as on GitHub, tests built on it prove nothing.
 */
import {afterEach, beforeEach, describe, expect, it} from '@jest/globals'
import {BlockBlobClient} from '@azure/storage-blob'
import {spawn} from 'node:child_process'
import {createHash, randomBytes} from 'node:crypto'
import {createReadStream} from 'node:fs'
import {mkdir, mkdtemp, open, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {
  runCacheClient,
  startActionsCacheStandIn,
  type ActionsCacheStandIn,
  type CacheClientRun,
  type CacheEnvRequest
} from '../helpers/actions-cache.js'

const MAIN = {ref: 'refs/heads/main'}
/** A pull request's token, as GitHub mints it: its merge ref read-write, its base (the default branch) read. */
const pr = (n: number): CacheEnvRequest => ({ref: `refs/pull/${n}/merge`, readable: ['refs/heads/main']})
const TWIRP = '/twirp/github.actions.results.api.v1.CacheService/'

let standIn: ActionsCacheStandIn
let root: string
let workspace: string
let temp: string
/** The directory saved and restored: the same absolute path in every job, as on a runner. */
let data: string

beforeEach(async () => {
  standIn = await startActionsCacheStandIn()
  root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-actions-cache-test-'))
  workspace = path.join(root, 'workspace')
  temp = path.join(root, 'temp')
  data = path.join(workspace, 'data')
  await mkdir(temp, {recursive: true})
  await mkdir(workspace, {recursive: true})
})

afterEach(async () => {
  await standIn?.close()
  if (root) await rm(root, {recursive: true, force: true})
})

type Tree = Record<string, string>

async function writeTree(dir: string, tree: Tree): Promise<void> {
  await rm(dir, {recursive: true, force: true})
  for (const [name, content] of Object.entries(tree)) {
    await mkdir(path.dirname(path.join(dir, name)), {recursive: true})
    await writeFile(path.join(dir, name), content)
  }
}

async function readTree(dir: string): Promise<Tree | null> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true}).catch(() => null)
  if (entries === null) return null
  const tree: Tree = {}
  for (const e of entries.filter(e => e.isFile())) {
    const file = path.join(e.parentPath, e.name)
    tree[path.relative(dir, file)] = await readFile(file, 'utf8')
  }
  return tree
}

const job = (grant: CacheEnvRequest, extra: Record<string, string> = {}) => ({workspace, temp, env: {...standIn.envFor(grant), ...extra}})

async function save(grant: CacheEnvRequest, key: string, tree: Tree, dir = data, extra: Record<string, string> = {}): Promise<CacheClientRun> {
  await writeTree(dir, tree)
  return runCacheClient({op: 'save', paths: [dir], key}, job(grant, extra))
}

/** Restores into an emptied `dir`; the tree is what the restore left there (null: nothing). */
async function restore(
  grant: CacheEnvRequest,
  key: string,
  restoreKeys: string[] = [],
  dir = data,
  extra: Record<string, string> = {}
): Promise<CacheClientRun & {tree: Tree | null}> {
  await rm(dir, {recursive: true, force: true})
  const run = await runCacheClient({op: 'restore', paths: [dir], key, restoreKeys}, job(grant, extra))
  return {...run, tree: await readTree(dir)}
}

const ops = () => standIn.requests.map(r => r.op)

async function twirp(method: string, body: unknown, token: string): Promise<{status: number; json: Record<string, unknown>}> {
  const res = await fetch(`${standIn.resultsUrl}twirp/github.actions.results.api.v1.CacheService/${method}`, {
    method: 'POST',
    headers: {'content-type': 'application/json', authorization: `Bearer ${token}`},
    body: JSON.stringify(body)
  })
  return {status: res.status, json: (await res.json()) as Record<string, unknown>}
}

describe('the Actions cache stand-in, v2 (github.com), through the unmodified @actions/cache', () => {
  it('saves a directory and restores it exactly, through Twirp and a signed blob URL', async () => {
    const saved = await save(MAIN, 'go-build-linux-1', {'a.txt': 'alpha', 'sub/b.txt': 'beta'})
    expect(saved.result.cacheId).toBe(1)
    expect(ops()).toEqual(['CreateCacheEntry', 'PutBlob', 'FinalizeCacheEntryUpload'])
    expect(standIn.requests.map(r => r.status)).toEqual([200, 201, 200])
    // The client masks the signature it was handed, as on GitHub.
    expect(saved.stdout).toMatch(/^::add-mask::/m)

    const restored = await restore(MAIN, 'go-build-linux-1')
    expect(restored.result.key).toBe('go-build-linux-1')
    expect(restored.stdout).toContain('Cache hit for: go-build-linux-1')
    expect(restored.tree).toEqual({'a.txt': 'alpha', 'sub/b.txt': 'beta'})
    expect(ops().slice(3)).toEqual(['GetCacheEntryDownloadURL', 'GetBlob'])
    expect(standIn.entries()).toEqual([
      expect.objectContaining({key: 'go-build-linux-1', scope: 'refs/heads/main', finalized: true, protocol: 'v2', hits: 1, size: expect.any(Number)})
    ])
  })

  it('falls back to the newest entry whose key starts with the primary key, then with each restore key in order', async () => {
    for (const n of [1, 2, 3]) expect((await save(MAIN, `deps-${n}`, {'n.txt': String(n)})).result.cacheId).toBe(n)

    const exact = await restore(MAIN, 'deps-2', ['deps-'])
    expect([exact.result.key, exact.tree]).toEqual(['deps-2', {'n.txt': '2'}])
    const byRestoreKey = await restore(MAIN, 'deps-9', ['deps-'])
    expect([byRestoreKey.result.key, byRestoreKey.tree]).toEqual(['deps-3', {'n.txt': '3'}])
    expect(byRestoreKey.stdout).toContain('Cache hit for restore-key: deps-3')
    const byPrimaryPrefix = await restore(MAIN, 'deps', ['deps-1'])
    expect(byPrimaryPrefix.result.key).toBe('deps-3')
    const inOrder = await restore(MAIN, 'other', ['nothing-', 'deps-1', 'deps-'])
    expect(inOrder.result.key).toBe('deps-1')
    const miss = await restore(MAIN, 'other', ['nothing-'])
    expect([miss.result.key, miss.tree]).toEqual([null, null])
    expect(standIn.entries().map(e => [e.key, e.hits])).toEqual([
      ['deps-1', 1],
      ['deps-2', 1],
      ['deps-3', 2]
    ])
  })

  it('scopes entries by ref: a pull request reads its own, then its base branch, never another pull request; the default branch reads no pull request', async () => {
    await save(MAIN, 'k', {'who.txt': 'main'})
    const fromMain = await restore(pr(7), 'k')
    expect([fromMain.result.key, fromMain.tree]).toEqual(['k', {'who.txt': 'main'}])
    expect(standIn.requests.at(-2)).toMatchObject({op: 'GetCacheEntryDownloadURL', scope: 'refs/pull/7/merge', matched: {key: 'k', scope: 'refs/heads/main'}})

    // The same key in another scope is another entry, and a run finds its own scope's first.
    expect((await save(pr(7), 'k', {'who.txt': 'pr7'})).result.cacheId).toBe(2)
    expect((await restore(pr(7), 'k')).tree).toEqual({'who.txt': 'pr7'})
    await save(pr(7), 'pr7-only', {'who.txt': 'pr7'})
    expect(standIn.entries().map(e => [e.key, e.scope])).toEqual([
      ['k', 'refs/heads/main'],
      ['k', 'refs/pull/7/merge'],
      ['pr7-only', 'refs/pull/7/merge']
    ])

    const otherPr = await restore(pr(8), 'pr7-only', ['pr7'])
    expect(otherPr.result.key).toBeNull()
    expect((await restore(pr(8), 'k')).tree).toEqual({'who.txt': 'main'})
    expect((await restore(MAIN, 'pr7-only', ['pr7'])).result.key).toBeNull()
    expect((await restore(MAIN, 'k')).tree).toEqual({'who.txt': 'main'})
    // A branch push reads the default branch too, and its own entries stay its own.
    const branch = {ref: 'refs/heads/feature', readable: ['refs/heads/main']}
    expect((await restore(branch, 'k')).tree).toEqual({'who.txt': 'main'})
  })

  it('keeps keys immutable: a second save of the same key and paths in the same scope is refused with 409, changing nothing', async () => {
    expect((await save(MAIN, 'k', {'v.txt': 'first'})).result.cacheId).toBe(1)
    const again = await save(MAIN, 'k', {'v.txt': 'second'})
    expect(again.result.cacheId).toBe(-1)
    expect(again.stdout).toContain('Failed to save: Unable to reserve cache with key k, another job may be creating this cache.')
    expect(standIn.requests.filter(r => r.op === 'CreateCacheEntry').map(r => r.status)).toEqual([200, 409])
    expect(ops().filter(op => op === 'PutBlob')).toHaveLength(1)
    expect((await restore(MAIN, 'k')).tree).toEqual({'v.txt': 'first'})
  })

  it('versions entries by their paths: a restore naming another path misses the entry saved from this one', async () => {
    await save(MAIN, 'k', {'v.txt': 'x'})
    const elsewhere = path.join(workspace, 'elsewhere')
    const miss = await restore(MAIN, 'k', ['k'], elsewhere)
    expect([miss.result.key, miss.tree]).toEqual([null, null])
    const lookups = standIn.requests.filter(r => r.op === 'GetCacheEntryDownloadURL').map(r => (r.body as {version: string}).version)
    expect(lookups[0]).not.toBe(standIn.entries()[0]?.version)
    expect((await restore(MAIN, 'k')).result.key).toBe('k')
  })

  it('evicts the least recently used entries beyond the size limit, and on request', async () => {
    // Incompressible content of one size, so that the three archives are about as large.
    const random = () => ({'blob.bin': randomBytes(48 * 1024).toString('base64')})
    await save(MAIN, 'a', random())
    await save(MAIN, 'b', random())
    expect((await restore(MAIN, 'a')).result.key).toBe('a')
    const [a, b] = standIn.entries()
    standIn.setLimit((a?.size ?? 0) + (b?.size ?? 0) + 1024)
    expect(standIn.evicted).toEqual([])

    await save(MAIN, 'c', random())
    // b was used least recently (a was restored after b was saved), so b goes.
    expect(standIn.entries().map(e => e.key)).toEqual(['a', 'c'])
    expect(standIn.evicted).toEqual([expect.objectContaining({key: 'b', reason: 'limit'})])
    expect((await restore(MAIN, 'b')).result.key).toBeNull()

    expect(standIn.evict('a')).toBe(1)
    expect((await restore(MAIN, 'a')).result.key).toBeNull()
    expect(standIn.evict(e => e.lastAccessedAt < new Date(Date.now() + 1000).toISOString())).toBe(1)
    expect(standIn.entries()).toEqual([])
  })

  it('uploads an archive over 128 MiB in blocks (Put Block, Put Block List) and restores it byte for byte', async () => {
    // Random bytes, so that the compressed archive stays over the client's 128 MiB single-shot size.
    const file = path.join(data, 'big.bin')
    await mkdir(data, {recursive: true})
    const handle = await open(file, 'w')
    for (let i = 0; i < 130; i++) await handle.write(randomBytes(1024 * 1024))
    await handle.close()
    const digest = await sha256(file)
    const saved = await runCacheClient({op: 'save', paths: [data], key: 'big'}, job(MAIN))
    expect(saved.result.cacheId).toBe(1)
    const blocks = standIn.requests.filter(r => r.op === 'PutBlock')
    // saveCacheV2 asks for 64 MiB blocks.
    expect(blocks.map(r => r.bytes).sort((x, y) => (y ?? 0) - (x ?? 0)).slice(0, 2)).toEqual([64 * 1024 * 1024, 64 * 1024 * 1024])
    expect(blocks.length).toBe(3)
    expect(ops()).toEqual(['CreateCacheEntry', 'PutBlock', 'PutBlock', 'PutBlock', 'PutBlockList', 'FinalizeCacheEntryUpload'])
    expect(standIn.entries()[0]?.size).toBeGreaterThan(128 * 1024 * 1024)

    await rm(data, {recursive: true})
    const restored = await runCacheClient({op: 'restore', paths: [data], key: 'big'}, job(MAIN))
    expect(restored.result.key).toBe('big')
    expect(await sha256(file)).toBe(digest)
  })

  it('makes an entry visible only once finalized, serves ranges and properties to the Azure SDK, and refuses bad finalizes', async () => {
    const token = standIn.tokenFor(MAIN)
    const request = {key: 'manual', version: 'v1-digest'}
    const created = await twirp('CreateCacheEntry', request, token)
    expect(created).toMatchObject({status: 200, json: {ok: true}})
    const upload = new BlockBlobClient(created.json.signed_upload_url as string)
    await upload.upload('0123456789', 10)

    expect((await twirp('GetCacheEntryDownloadURL', request, token)).json).toMatchObject({ok: false})
    expect((await twirp('FinalizeCacheEntryUpload', {...request, size_bytes: '11'}, token)).json).toMatchObject({
      ok: false,
      message: "size_bytes 11 is not the uploaded blob's 10 bytes"
    })
    expect((await twirp('FinalizeCacheEntryUpload', {...request, size_bytes: '10'}, token)).json).toEqual({ok: true, entry_id: '1'})
    const found = await twirp('GetCacheEntryDownloadURL', {key: 'other', restore_keys: ['man'], version: 'v1-digest'}, token)
    expect(found.json).toMatchObject({ok: true, matched_key: 'manual'})

    const download = new BlockBlobClient(found.json.signed_download_url as string)
    expect((await download.getProperties()).contentLength).toBe(10)
    expect((await download.downloadToBuffer(3, 4)).toString()).toBe('3456')
    expect(standIn.requests.filter(r => r.op.startsWith('GetBlob')).map(r => [r.op, r.status])).toEqual([
      ['GetBlobProperties', 200],
      ['GetBlob', 206]
    ])
    // A finalized entry's blob is not rewritten, and finalizing twice finds nothing to finalize.
    await expect(upload.upload('changed!!!', 10)).rejects.toMatchObject({statusCode: 409})
    expect((await twirp('FinalizeCacheEntryUpload', {...request, size_bytes: '10'}, token)).status).toBe(404)
  })

  it('checks blob signatures: an upload URL writes only its own entry, a download URL only reads, and URLs expire', async () => {
    const token = standIn.tokenFor(MAIN)
    const a = await twirp('CreateCacheEntry', {key: 'a', version: 'v'}, token)
    const b = await twirp('CreateCacheEntry', {key: 'b', version: 'v'}, token)
    const urlA = new URL(a.json.signed_upload_url as string)
    const urlB = new URL(b.json.signed_upload_url as string)
    const forged = new URL(urlA)
    forged.pathname = urlB.pathname
    await expect(new BlockBlobClient(forged.href).upload('x', 1)).rejects.toMatchObject({statusCode: 403, code: 'AuthenticationFailed'})
    await new BlockBlobClient(urlA.href).upload('a', 1)
    await twirp('FinalizeCacheEntryUpload', {key: 'a', version: 'v', size_bytes: '1'}, token)
    const download = (await twirp('GetCacheEntryDownloadURL', {key: 'a', version: 'v'}, token)).json.signed_download_url as string
    await expect(new BlockBlobClient(download).upload('y', 1)).rejects.toMatchObject({statusCode: 403, code: 'AuthorizationPermissionMismatch'})

    standIn.setSignedUrlTtl(-60)
    const expired = await twirp('CreateCacheEntry', {key: 'c', version: 'v'}, token)
    await expect(new BlockBlobClient(expired.json.signed_upload_url as string).upload('z', 1)).rejects.toMatchObject({statusCode: 403, code: 'AuthenticationFailed'})
    // An expired reservation no longer blocks its key.
    standIn.setSignedUrlTtl(3600)
    expect((await twirp('CreateCacheEntry', {key: 'c', version: 'v'}, token)).json).toMatchObject({ok: true})

    expect((await twirp('GetCacheEntryDownloadURL', {key: 'a', version: 'v'}, 'not-a-jwt')).status).toBe(401)
    expect(await twirp('ListCacheEntries', {}, token)).toMatchObject({status: 404, json: {code: 'bad_route'}})
    expect((await twirp('GetCacheEntryDownloadURL', {key: 'a', version: 'v'}, standIn.tokenFor({...MAIN, expiresInSeconds: -1}))).json).toMatchObject({
      code: 'unauthenticated',
      msg: 'the token has expired'
    })
    const foreign = await startActionsCacheStandIn()
    try {
      expect((await twirp('GetCacheEntryDownloadURL', {key: 'a', version: 'v'}, foreign.tokenFor(MAIN))).status).toBe(401)
    } finally {
      await foreign.close()
    }
  })

  it('follows the cache mode and the token: read-only saves nothing, none restores nothing, and the service enforces both', async () => {
    await save(MAIN, 'k', {'v.txt': 'x'})
    const before = standIn.requests.length

    const readOnly = await save({...MAIN, mode: 'read'}, 'k2', {'v.txt': 'y'})
    expect(readOnly.result.cacheId).toBe(-1)
    expect(readOnly.stdout).toContain("Cache save skipped: the effective cache-mode 'read' does not permit writes.")
    expect(standIn.requests.length).toBe(before)
    expect((await restore({...MAIN, mode: 'read'}, 'k')).result.key).toBe('k')
    const none = await restore({...MAIN, mode: 'none'}, 'k')
    expect([none.result.key, none.stdout.includes("Cache restore skipped: the effective cache-mode 'none' does not permit reads.")]).toEqual([null, true])

    // Without the mode in the environment the client asks anyway, and the service refuses as GitHub does.
    const denied = await save({...MAIN, access: 'read'}, 'k3', {'v.txt': 'z'})
    expect(denied.result.cacheId).toBe(-1)
    expect(denied.stdout).toContain('::warning::Failed to save: Unable to reserve cache with key k3. More details: cache write denied: token has no writable scopes')
    const unreadable = await restore({...MAIN, access: 'write'}, 'k')
    expect(unreadable.result.key).toBeNull()
    expect(unreadable.stdout).toMatch(/::warning::Failed to restore: .*\(403\) Forbidden: cache read denied: token has no readable scopes/)
    expect(standIn.entries().map(e => e.key)).toEqual(['k'])
  })

  it('injects faults: a 5xx the client retries, a 429 it does not, a refused reservation, a failing and a slow blob', async () => {
    await save(MAIN, 'k', {'v.txt': randomBytes(32 * 1024).toString('base64')})

    standIn.setFault({op: 'GetCacheEntryDownloadURL', status: 503, times: 1})
    const retried = await restore(MAIN, 'k')
    expect(retried.result.key).toBe('k')
    expect(retried.stdout).toContain('Attempt 1 of 5 failed with error: Failed request: (503) Service Unavailable: injected 503. Retrying request in 3000 ms...')
    expect(standIn.requests.filter(r => r.op === 'GetCacheEntryDownloadURL').slice(-2).map(r => r.status)).toEqual([503, 200])

    standIn.setFault({op: 'CreateCacheEntry', status: 429, retryAfter: 60})
    const limited = await save(MAIN, 'k2', {'v.txt': 'y'})
    expect(limited.result.cacheId).toBe(-1)
    expect(limited.stdout).toContain("::warning::You've hit a rate limit, your rate limit will reset in 60 seconds")
    expect(standIn.requests.filter(r => r.op === 'CreateCacheEntry').map(r => r.status)).toEqual([200, 429])

    standIn.setFault({op: 'CreateCacheEntry', refuse: 'the cache is being rebuilt'})
    const refused = await save(MAIN, 'k2', {'v.txt': 'y'})
    expect(refused.result.cacheId).toBe(-1)
    expect(refused.stdout).toContain('::warning::Cache reservation failed: the cache is being rebuilt')

    standIn.setFault({op: 'GetBlob', status: 500, times: 1})
    const broken = await restore(MAIN, 'k')
    expect([broken.result.key, broken.tree]).toEqual([null, null])
    expect(broken.stdout).toContain('::warning::Failed to restore: downloadCache failed: Cache service responded with 500')

    // Throttled to a second for the whole archive, where unthrottled it takes milliseconds.
    const size = standIn.entries()[0]?.size ?? 0
    standIn.setFault({op: 'GetBlob', bytesPerSecond: size})
    const slow = await restore(MAIN, 'k')
    expect(slow.result.key).toBe('k')
    const blobReads = standIn.requests.filter(r => r.op === 'GetBlob' && r.status === 200).map(r => r.ms)
    expect(blobReads[0]).toBeLessThan(500)
    expect(blobReads.at(-1)).toBeGreaterThanOrEqual(900)

    standIn.setFault({op: 'PutBlob', bytesPerSecond: size})
    expect((await save(MAIN, 'k3', {'v.txt': randomBytes(32 * 1024).toString('base64')})).result.cacheId).toBe(2)
    const blobWrites = standIn.requests.filter(r => r.op === 'PutBlob').map(r => r.ms)
    expect(blobWrites[0]).toBeLessThan(500)
    expect(blobWrites.at(-1)).toBeGreaterThanOrEqual(900)
    expect(standIn.entries().map(e => e.key)).toEqual(['k', 'k3'])
  })

  it('runs as its own process, steered through /_stand-in/', async () => {
    const script = path.join(import.meta.dirname, '..', 'helpers', 'actions-cache-server.mjs')
    const child = spawn(process.execPath, [script, '--port', '0', '--limit-bytes', '1000'], {stdio: ['ignore', 'pipe', 'inherit']})
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim()))
        child.once('exit', code => reject(new Error(`stand-in exited with ${code}`)))
      })
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
      const grant = (await (await fetch(`${url}_stand-in/token`, {method: 'POST', body: JSON.stringify(pr(3))})).json()) as {
        token: string
        env: Record<string, string>
      }
      expect(grant.env).toMatchObject({ACTIONS_RESULTS_URL: url, ACTIONS_CACHE_SERVICE_V2: 'True', GITHUB_SERVER_URL: 'https://github.com'})
      const res = await fetch(`${url}${TWIRP.slice(1)}GetCacheEntryDownloadURL`, {
        method: 'POST',
        headers: {'content-type': 'application/json', authorization: `Bearer ${grant.token}`},
        body: JSON.stringify({key: 'k', version: 'v'})
      })
      expect(await res.json()).toEqual({ok: false, signed_download_url: '', matched_key: ''})
      const state = (await (await fetch(`${url}_stand-in/state`)).json()) as {requests: {op: string; scope: string}[]}
      expect(state.requests).toEqual([expect.objectContaining({op: 'GetCacheEntryDownloadURL', scope: 'refs/pull/3/merge', status: 200})])
    } finally {
      child.kill('SIGTERM')
    }
  })
})

describe('the Actions cache stand-in, v1 (GitHub Enterprise Server), through the unmodified @actions/cache', () => {
  const GHES = {...MAIN, protocol: 'v1' as const}

  it('is what the client speaks whenever GITHUB_SERVER_URL is not github.com, whatever ACTIONS_CACHE_SERVICE_V2 says; uploads in chunks and restores', async () => {
    const tree = {'a.bin': randomBytes(3 * 1024 * 1024).toString('latin1')}
    // 1 MiB chunks (CACHE_UPLOAD_CHUNK_SIZE), so that several go up at once, out of order.
    const v2Flags = {ACTIONS_CACHE_SERVICE_V2: 'True', ACTIONS_RESULTS_URL: standIn.resultsUrl, CACHE_UPLOAD_CHUNK_SIZE: '1'}
    const saved = await save(GHES, 'tools-1', tree, data, v2Flags)
    expect(saved.result.cacheId).toBe(1)
    const chunks = standIn.requests.filter(r => r.op === 'v1.UploadChunk')
    expect(chunks.length).toBeGreaterThanOrEqual(3)
    expect(chunks.every(c => /^bytes \d+-\d+\/\*$/.test(c.range ?? '') && c.status === 204)).toBe(true)
    expect(ops().filter(op => op !== 'v1.UploadChunk')).toEqual(['v1.ReserveCache', 'v1.CommitCache'])
    expect(standIn.requests[0]?.body).toMatchObject({key: 'tools-1', cacheSize: standIn.entries()[0]?.size})

    const restored = await restore(GHES, 'tools-2', ['tools-'], data, v2Flags)
    expect(restored.result.key).toBe('tools-1')
    expect(restored.tree).toEqual(tree)
    expect(ops().slice(-2)).toEqual(['v1.GetCacheEntry', 'GetBlob'])
    expect(standIn.entries()).toEqual([expect.objectContaining({key: 'tools-1', protocol: 'v1', scope: 'refs/heads/main', hits: 1})])
  })

  it('keeps keys immutable and scopes entries by ref, as v2 does', async () => {
    expect((await save(GHES, 'k', {'who.txt': 'main'})).result.cacheId).toBe(1)
    const again = await save(GHES, 'k', {'who.txt': 'again'})
    expect(again.result.cacheId).toBe(-1)
    expect(again.stdout).toContain(
      'Failed to save: Unable to reserve cache with key k, another job may be creating this cache. More details: Cache already exists. Scope: refs/heads/main, Key: k'
    )
    expect(standIn.requests.filter(r => r.op === 'v1.ReserveCache').map(r => r.status)).toEqual([201, 409])

    // On a miss with RUNNER_DEBUG the client lists the entries of the key, which tells why (another version).
    const debugMiss = await restore(GHES, 'k', [], path.join(workspace, 'elsewhere'), {RUNNER_DEBUG: '1'})
    expect(debugMiss.result.key).toBeNull()
    expect(debugMiss.stdout).toContain(`Cache Key: k, Cache Version: ${standIn.entries()[0]?.version}, Cache Scope: refs/heads/main`)
    expect(ops().slice(-2)).toEqual(['v1.GetCacheEntry', 'v1.ListCaches'])

    const pr7 = {...pr(7), protocol: 'v1' as const}
    expect((await restore(pr7, 'k')).tree).toEqual({'who.txt': 'main'})
    await save(pr7, 'pr7-only', {'who.txt': 'pr7'})
    expect((await restore({...pr(8), protocol: 'v1'}, 'pr7-only')).result.key).toBeNull()
    expect((await restore(GHES, 'pr7-only')).result.key).toBeNull()
    expect((await restore(pr7, 'pr7-only')).tree).toEqual({'who.txt': 'pr7'})
  })
})

describe('the Actions cache stand-in, v1, refusing', () => {
  it('refuses a reservation over the size cap (400) or by an injected fault (409), and answers injected statuses', async () => {
    const capped = await startActionsCacheStandIn({maxEntryBytes: 100})
    try {
      const env = capped.envFor({...MAIN, protocol: 'v1'})
      await writeTree(data, {'big.txt': randomBytes(4096).toString('base64')})
      const tooBig = await runCacheClient({op: 'save', paths: [data], key: 'k'}, {workspace, temp, env})
      expect(tooBig.result.cacheId).toBe(-1)
      expect(tooBig.stdout).toMatch(/::warning::Failed to save: Cache size of \d+ bytes is over the 100 bytes limit, not saving cache\./)

      capped.setFault({op: 'v1.ReserveCache', refuse: 'the cache is being rebuilt'})
      await writeTree(data, {'small.txt': 's'})
      const refused = await runCacheClient({op: 'save', paths: [data], key: 'k'}, {workspace, temp, env})
      expect(refused.result.cacheId).toBe(-1)
      expect(refused.stdout).toContain('More details: the cache is being rebuilt')
      expect(capped.requests.map(r => [r.op, r.status])).toEqual([
        ['v1.ReserveCache', 400],
        ['v1.ReserveCache', 409]
      ])

      capped.setFault({op: 'v1.GetCacheEntry', status: 500, delayMs: 200, message: 'injected outage'})
      const res = await fetch(`${capped.cacheUrl}_apis/artifactcache/cache?keys=k&version=v`, {headers: {authorization: `Bearer ${env.ACTIONS_RUNTIME_TOKEN}`}})
      expect([res.status, await res.json()]).toEqual([500, {message: 'injected outage'}])
      expect(capped.requests.at(-1)?.ms).toBeGreaterThanOrEqual(200)
      expect(capped.entries()).toEqual([])
    } finally {
      await capped.close()
    }
  })
})

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk)
  return hash.digest('hex')
}
