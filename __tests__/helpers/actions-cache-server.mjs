#!/usr/bin/env node
/**
 * A loopback stand-in for the GitHub Actions cache service, real enough that the unmodified
 * `@actions/cache` saves and restores through it. Plain JavaScript so that it runs both in-process
 * (imported by actions-cache.ts in Jest) and as its own process for end-to-end runs and benchmarks:
 *
 *   node __tests__/helpers/actions-cache-server.mjs --port 0 [--limit-bytes N]
 *
 * prints the results URL (`http://127.0.0.1:PORT/`) on stdout and serves until SIGINT/SIGTERM. A
 * separate process is steered through `/_stand-in/` (state, token, fault, evict, limit; see the end).
 *
 * What it speaks, on one loopback port:
 * - v2, as github.com does (ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL): Twirp JSON at
 *   `/twirp/github.actions.results.api.v1.CacheService/{CreateCacheEntry,FinalizeCacheEntryUpload,
 *   GetCacheEntryDownloadURL}` with a bearer runtime token; archives go up and down through signed
 *   URLs speaking the Azure Blob REST protocol (Put Blob, Put Block, Put Block List, Get Blob with
 *   a range, Get Blob Properties), as the Azure SDK's BlockBlobClient and a plain HTTP GET use it.
 * - v1, as GitHub Enterprise Server does (ACTIONS_CACHE_URL, GITHUB_SERVER_URL not github.com):
 *   REST under `{cacheUrl}_apis/artifactcache/`: look up, list, reserve, upload chunks with
 *   Content-Range, commit.
 *
 * Semantics, as the real service documents them: an entry is (key, version, scope). A run writes
 * into the scope its runtime token grants write on (its own ref) and reads the scopes the token
 * grants read on (its own ref first, then, for a pull request, its base branch and the default
 * branch): "Restrictions for accessing a cache". A restore looks in each readable scope in turn for
 * the primary key exactly, then the newest entry whose key starts with the primary key, then with
 * each restore key in order; the version (a digest of the paths and the compression) must always be
 * equal. Keys are immutable: a second reservation of the same key, version and scope is refused
 * (409 `already_exists` in v2, 409 "Cache already exists" in v1). An entry is visible only once
 * finalized. A restore that finds an entry counts as an access; when the total size passes the
 * limit (GitHub's default 10 GiB per repository), the least recently accessed entries are evicted.
 *
 * Where it is simpler than the real service (each also said where it happens):
 * - One stand-in is one repository; tokens carry no repository id. v1 and v2 share one store (on
 *   GitHub they are different services), and keys match case-sensitively.
 * - Tokens are HS256 JWTs signed with a per-process secret, carrying the real `ac` claim
 *   (`[{"Scope":"refs/heads/main","Permission":3}]`, 1 read, 2 write); the real ones are RS256.
 * - Blob SAS URLs are path-style (`/{account}/{container}/{blob}`, as Azurite serves them) and
 *   signed with an HMAC over permissions, expiry and path, not Azure's string-to-sign.
 * - Eviction is synchronous after each finalize; the real service evicts in the background, and
 *   also drops entries not accessed for 7 days (call evict() with a predicate for that).
 * - A reservation left unfinalized blocks its key until its upload URL expires; the real service's
 *   timeout is not documented.
 * - Finalizing without an uploaded blob, or with a size other than the blob's, answers ok:false
 *   with a message (the real answer is not documented); writing to the blob of a finalized entry
 *   is refused (Azure would accept it until the SAS expires).
 * - Put Block List takes `Latest` and `Uncommitted` block ids, not `Committed` ones.
 */
import {createHash, createHmac, randomBytes, timingSafeEqual} from 'node:crypto'
import {createReadStream, createWriteStream} from 'node:fs'
import {mkdir, mkdtemp, open, rename, rm, stat, writeFile} from 'node:fs/promises'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import {pipeline} from 'node:stream/promises'
import {URL, URLSearchParams} from 'node:url'
import {listenOnLoopback, serveWhenRun, throttle} from './loopback.mjs'

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.CacheService/'
const V1_PREFIX = '/artifactcache/'
const V1_API = `${V1_PREFIX}_apis/artifactcache/`
const ACCOUNT = 'standin'
const CONTAINER = 'actions-cache'
/** GitHub's default cache size limit per repository. */
const DEFAULT_LIMIT_BYTES = 10 * 1024 ** 3
/** The real service's messages, which @actions/cache matches on (cache.js, constants.js). */
const WRITE_DENIED = 'cache write denied: token has no writable scopes'
const READ_DENIED = 'cache read denied: token has no readable scopes'
const ALREADY_EXISTS = 'cache entry with the same key, version, and scope already exists'
const READ = 1
const WRITE = 2
const TWIRP_CODES = {400: 'invalid_argument', 401: 'unauthenticated', 403: 'permission_denied', 404: 'not_found', 409: 'already_exists', 412: 'failed_precondition', 429: 'resource_exhausted', 500: 'internal', 503: 'unavailable', 504: 'deadline_exceeded'}

/**
 * Starts the stand-in. Options:
 * - limitBytes: total size of finalized entries above which the least recently used are evicted
 *   (default 10 GiB, GitHub's per-repository limit);
 * - signedUrlTtlSeconds: lifetime of upload and download URLs (default 3600);
 * - maxEntryBytes: v1 reservations larger than this are refused with 400 (default 10 GiB);
 * - faults: see setFault;
 * - storageDir: where blobs live (default a fresh folder under os.tmpdir(), removed on close);
 * - port (default 0), host (default 127.0.0.1).
 */
export async function startActionsCacheStandIn(options = {}) {
  const secret = randomBytes(32)
  const ownStorage = options.storageDir === undefined
  const storageDir = options.storageDir ?? (await mkdtemp(path.join(os.tmpdir(), 'go-matrix-actions-cache-')))
  await mkdir(storageDir, {recursive: true})
  let limitBytes = options.limitBytes ?? DEFAULT_LIMIT_BYTES
  let signedUrlTtlSeconds = options.signedUrlTtlSeconds ?? 3600
  const maxEntryBytes = options.maxEntryBytes ?? DEFAULT_LIMIT_BYTES
  /** Every entry not evicted, pending or finalized. */
  const entries = []
  const evicted = []
  const requests = []
  let faults = []
  let nextId = 1
  let lastStamp = 0
  /** Strictly increasing milliseconds, so that "newest" and "least recently used" never tie. */
  const stamp = () => (lastStamp = Math.max(Date.now(), lastStamp + 1))

  const setFault = fault => {
    faults = (fault === undefined || fault === null ? [] : Array.isArray(fault) ? fault : [fault]).map(f => ({...f, fired: 0}))
  }
  setFault(options.faults)
  const takeFault = op => {
    const fault = faults.find(f => (Array.isArray(f.op) ? f.op.includes(op) : f.op === op) && (f.times === undefined || f.fired < f.times))
    if (fault) fault.fired++
    return fault
  }

  // ---- tokens -------------------------------------------------------------------------------

  /**
   * A runtime token as the runner hands a job: its `ac` claim grants `ref` the access `access`
   * ('read-write' by default, 'read', 'write' or 'none') and every ref in `readable` read access.
   */
  const tokenFor = grant => {
    const access = grant.access ?? 'read-write'
    const own = (access.includes('read') ? READ : 0) | (access.includes('write') ? WRITE : 0)
    const scopes = []
    if (own !== 0) scopes.push({Scope: grant.ref, Permission: own})
    for (const ref of grant.readable ?? []) if (ref !== grant.ref) scopes.push({Scope: ref, Permission: READ})
    const now = Math.floor(Date.now() / 1000)
    return signJwt(
      {
        iss: 'vstoken.actions.githubusercontent.com',
        aud: 'vstoken.actions.githubusercontent.com|stand-in',
        nbf: now - 60,
        iat: now,
        exp: now + (grant.expiresInSeconds ?? 6 * 3600),
        scp: 'Actions.Results:stand-in:job Actions.Runner:stand-in:job',
        ac: JSON.stringify(scopes)
      },
      secret
    )
  }

  /** The scopes a request's bearer token grants, or an error message. */
  const grantOf = req => {
    const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')
    if (!match) return {error: 'missing bearer token'}
    const payload = verifyJwt(match[1], secret)
    if (typeof payload === 'string') return {error: payload}
    let scopes
    try {
      scopes = JSON.parse(payload.ac ?? '[]')
    } catch {
      return {error: 'the token\'s "ac" claim is not JSON'}
    }
    return {
      readable: scopes.filter(s => s.Permission & READ).map(s => s.Scope),
      writable: scopes.find(s => s.Permission & WRITE)?.Scope
    }
  }

  // ---- the store ----------------------------------------------------------------------------

  const snapshot = e => ({
    id: e.id,
    key: e.key,
    version: e.version,
    scope: e.scope,
    size: e.size,
    finalized: e.finalized,
    protocol: e.protocol,
    createdAt: new Date(e.createdAt).toISOString(),
    lastAccessedAt: new Date(e.lastAccessedAt).toISOString(),
    hits: e.hits
  })

  /**
   * The real matching order: scope by scope (own first), the primary key exactly, then the newest
   * entry whose key starts with the primary key, then with each restore key in order.
   */
  const lookup = (keys, version, scopes) => {
    for (const scope of scopes) {
      const candidates = entries.filter(e => e.finalized && e.scope === scope && e.version === version)
      const exact = candidates.find(e => e.key === keys[0])
      if (exact) return exact
      for (const prefix of keys) {
        const newest = candidates.filter(e => e.key.startsWith(prefix)).sort((a, b) => b.createdAt - a.createdAt)[0]
        if (newest) return newest
      }
    }
    return undefined
  }

  const touch = entry => {
    entry.lastAccessedAt = stamp()
    entry.hits++
  }

  const removeEntry = (entry, reason) => {
    const index = entries.indexOf(entry)
    if (index < 0) return
    entries.splice(index, 1)
    if (entry.finalized) evicted.push({...snapshot(entry), reason})
    void rm(blobFile(entry), {force: true})
    void rm(`${blobFile(entry)}.v1`, {force: true})
    for (const block of entry.blocks.values()) void rm(block.file, {force: true})
  }

  /** Evicts the least recently used finalized entries until the total fits the limit. */
  const enforceLimit = () => {
    const finalized = () => entries.filter(e => e.finalized)
    let total = finalized().reduce((sum, e) => sum + e.size, 0)
    while (total > limitBytes) {
      const lru = finalized().sort((a, b) => a.lastAccessedAt - b.lastAccessedAt || a.createdAt - b.createdAt)[0]
      if (!lru) break
      total -= lru.size
      removeEntry(lru, 'limit')
    }
  }

  const evict = which => {
    const matches = typeof which === 'function' ? which : e => e.key === which
    const chosen = entries.filter(e => e.finalized && matches(snapshot(e)))
    for (const e of chosen) removeEntry(e, 'evict')
    return chosen.length
  }

  /** A pending reservation stops blocking its key once its upload URL has expired. */
  const blocking = e => e.finalized || Date.now() < e.uploadExpiresAt

  const reserve = (key, version, scope, protocol) => {
    const existing = entries.find(e => e.key === key && e.version === version && e.scope === scope)
    if (existing && blocking(existing)) return undefined
    if (existing) removeEntry(existing)
    const now = stamp()
    const entry = {
      id: nextId++,
      key,
      version,
      scope,
      protocol,
      blob: randomBytes(16).toString('hex'),
      createdAt: now,
      lastAccessedAt: now,
      uploadExpiresAt: Date.now() + signedUrlTtlSeconds * 1000,
      hits: 0,
      size: 0,
      committed: false,
      finalized: false,
      blocks: new Map(),
      chunks: []
    }
    entries.push(entry)
    return entry
  }

  const finalize = entry => {
    entry.finalized = true
    enforceLimit()
  }

  const blobFile = entry => path.join(storageDir, entry.blob)

  // ---- signed blob URLs ---------------------------------------------------------------------

  const blobPath = entry => `/${ACCOUNT}/${CONTAINER}/${entry.blob}`
  const sasSignature = (permissions, expiry, resourcePath) =>
    createHmac('sha256', secret).update(`${permissions}\n${expiry}\nb\n${resourcePath}`).digest('base64')

  /** `permissions`: 'r' to download, 'cw' to upload. */
  const signedUrl = (entry, permissions) => {
    const expiry = new Date(Date.now() + signedUrlTtlSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const query = new URLSearchParams({sv: '2025-01-05', sr: 'b', sp: permissions, se: expiry, sig: sasSignature(permissions, expiry, blobPath(entry))})
    return `${origin}${blobPath(entry)}?${query}`
  }

  /** An Azure error code when the URL's signature does not allow `permission` on its path now, else null. */
  const sasProblem = (url, permission) => {
    const q = url.searchParams
    const [sp, se, sig] = [q.get('sp'), q.get('se'), q.get('sig')]
    if (!sp || !se || !sig) return ['AuthenticationFailed', 'Server failed to authenticate the request: the URL carries no shared access signature.']
    const expected = Buffer.from(sasSignature(sp, se, url.pathname))
    const given = Buffer.from(sig)
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return ['AuthenticationFailed', 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.']
    }
    if (!(Date.parse(se) > Date.now())) return ['AuthenticationFailed', `Signed expiry time [${se}] has to be after the current time.`]
    if (!sp.includes(permission)) return ['AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation using this permission.']
    return null
  }

  // ---- HTTP plumbing ------------------------------------------------------------------------

  /** Records a request; its status and duration are filled in when the answer has been sent. */
  const record = (req, res, url, op, extra = {}) => {
    const entry = {method: req.method ?? 'GET', op, path: url.pathname, status: 0, ms: 0, ...extra}
    const started = Date.now()
    res.on('finish', () => {
      entry.status = res.statusCode
      entry.ms = Date.now() - started
    })
    requests.push(entry)
    return entry
  }

  const sendJson = (res, status, body, headers = {}) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers})
    res.end(text)
  }

  const twirpError = (res, status, msg, headers = {}, code = TWIRP_CODES[status] ?? 'unknown') => sendJson(res, status, {code, msg}, headers)

  const azureHeaders = req => ({
    'x-ms-request-id': randomBytes(16).toString('hex'),
    'x-ms-version': req.headers['x-ms-version'] ?? '2025-01-05',
    ...(req.headers['x-ms-client-request-id'] ? {'x-ms-client-request-id': req.headers['x-ms-client-request-id']} : {}),
    date: new Date().toUTCString()
  })

  const azureError = (req, res, status, code, message) => {
    const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}\nTime:${new Date().toISOString()}</Message></Error>`
    res.writeHead(status, {...azureHeaders(req), 'x-ms-error-code': code, 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body)})
    res.end(req.method === 'HEAD' ? undefined : body)
  }

  const readBody = async req => {
    const chunks = []
    for await (const chunk of req) chunks.push(chunk)
    return Buffer.concat(chunks)
  }

  const readJson = async req => {
    const raw = (await readBody(req)).toString('utf8')
    if (raw === '') return {}
    try {
      return JSON.parse(raw)
    } catch {
      return undefined
    }
  }

  /** Answers an injected fault's status, after its delay; true when the request is answered. */
  const answerFault = async (fault, res, kind, req) => {
    if (!fault) return false
    if (fault.delayMs) await sleep(fault.delayMs)
    if (fault.status === undefined) return false
    const headers = fault.retryAfter !== undefined ? {'retry-after': String(fault.retryAfter)} : {}
    const message = fault.message ?? `injected ${fault.status}`
    if (kind === 'twirp') twirpError(res, fault.status, message, headers)
    else if (kind === 'blob') azureError(req, res, fault.status, fault.status >= 500 ? 'InternalError' : 'InjectedFault', message)
    else sendJson(res, fault.status, {message}, headers)
    return true
  }

  // ---- v2: Twirp ----------------------------------------------------------------------------

  const twirp = async (req, res, url) => {
    const method = url.pathname.slice(TWIRP_PREFIX.length)
    const json = req.method === 'POST' && /^application\/json/i.test(req.headers['content-type'] ?? '')
    const body = json ? await readJson(req) : void req.resume()
    const log = record(req, res, url, method, {body: body ?? null})
    if (!['CreateCacheEntry', 'FinalizeCacheEntryUpload', 'GetCacheEntryDownloadURL'].includes(method)) {
      return twirpError(res, 404, `no handler for path "${url.pathname}"`, {}, 'bad_route')
    }
    if (req.method !== 'POST') return twirpError(res, 404, `unsupported method ${req.method} (only POST is allowed)`, {}, 'bad_route')
    if (body === undefined) return twirpError(res, 404, 'unexpected Content-Type: the stand-in speaks Twirp JSON (application/json)', {}, 'bad_route')
    const grant = grantOf(req)
    if (grant.error) return twirpError(res, 401, grant.error)
    log.scope = grant.writable ?? grant.readable[0] ?? null
    const fault = takeFault(method)
    if (await answerFault(fault, res, 'twirp', req)) return
    const {key, version} = body
    if (typeof key !== 'string' || key === '' || typeof version !== 'string' || version === '') {
      return twirpError(res, 400, 'key and version are required')
    }
    if (method === 'CreateCacheEntry') {
      if (fault?.refuse) return sendJson(res, 200, {ok: false, signed_upload_url: '', message: fault.refuse})
      if (!grant.writable) return sendJson(res, 200, {ok: false, signed_upload_url: '', message: WRITE_DENIED})
      const entry = reserve(key, version, grant.writable, 'v2')
      if (!entry) return twirpError(res, 409, ALREADY_EXISTS)
      return sendJson(res, 200, {ok: true, signed_upload_url: signedUrl(entry, 'cw')})
    }
    if (method === 'FinalizeCacheEntryUpload') {
      const entry = entries.find(e => !e.finalized && e.key === key && e.version === version && e.scope === grant.writable)
      if (!grant.writable || !entry) return twirpError(res, 404, 'cache entry not found')
      if (!entry.committed) return sendJson(res, 200, {ok: false, entry_id: '0', message: `no blob was uploaded for cache entry ${key}`})
      if (String(body.size_bytes) !== String(entry.size)) {
        return sendJson(res, 200, {ok: false, entry_id: '0', message: `size_bytes ${body.size_bytes} is not the uploaded blob's ${entry.size} bytes`})
      }
      finalize(entry)
      return sendJson(res, 200, {ok: true, entry_id: String(entry.id)})
    }
    // GetCacheEntryDownloadURL
    if (grant.readable.length === 0) return twirpError(res, 403, READ_DENIED)
    const restoreKeys = Array.isArray(body.restore_keys) ? body.restore_keys : []
    const entry = lookup([key, ...restoreKeys], version, grant.readable)
    if (!entry) return sendJson(res, 200, {ok: false, signed_download_url: '', matched_key: ''})
    touch(entry)
    log.matched = {key: entry.key, scope: entry.scope}
    return sendJson(res, 200, {ok: true, signed_download_url: signedUrl(entry, 'r'), matched_key: entry.key})
  }

  // ---- v2: Azure Blob ------------------------------------------------------------------------

  const blobOp = (req, url) => {
    const comp = url.searchParams.get('comp')
    if (req.method === 'PUT') return comp === 'block' ? 'PutBlock' : comp === 'blocklist' ? 'PutBlockList' : comp === null ? 'PutBlob' : undefined
    if (req.method === 'GET' && comp === null) return 'GetBlob'
    if (req.method === 'HEAD' && comp === null) return 'GetBlobProperties'
    return undefined
  }

  const blob = async (req, res, url) => {
    const op = blobOp(req, url)
    record(req, res, url, op ?? `${req.method} ${url.searchParams.get('comp') ?? ''}`.trim(), {
      bytes: Number(req.headers['content-length'] ?? 0),
      range: req.headers['x-ms-range'] ?? req.headers.range ?? null
    })
    if (!op) {
      req.resume()
      return azureError(req, res, 400, 'UnsupportedHttpVerb', `The stand-in does not serve ${req.method} ?comp=${url.searchParams.get('comp')}.`)
    }
    const writing = op.startsWith('Put')
    const problem = sasProblem(url, writing ? 'w' : 'r')
    if (problem) {
      req.resume()
      return azureError(req, res, 403, ...problem)
    }
    const entry = entries.find(e => blobPath(e) === url.pathname)
    const fault = takeFault(op)
    if (await answerFault(fault, res, 'blob', req)) return void req.resume()
    if (!writing) {
      if (!entry || !entry.committed) return azureError(req, res, 404, 'BlobNotFound', 'The specified blob does not exist.')
      return sendBlob(req, res, entry, fault)
    }
    if (!entry) {
      req.resume()
      return azureError(req, res, 404, 'BlobNotFound', 'The specified blob does not exist (its cache entry is gone).')
    }
    if (entry.finalized) {
      req.resume()
      return azureError(req, res, 409, 'OperationNotAllowedInCurrentState', 'The stand-in refuses writes to the blob of a finalized cache entry.')
    }
    if (op === 'PutBlob') {
      if (req.headers['x-ms-blob-type'] !== 'BlockBlob') {
        req.resume()
        return azureError(req, res, 400, 'MissingRequiredHeader', 'An HTTP header that is mandatory for this request is not specified: x-ms-blob-type (BlockBlob).')
      }
      const received = await receive(req, blobFile(entry), fault)
      if (received.error) return azureError(req, res, 400, 'InvalidHeaderValue', received.error)
      entry.size = received.size
      entry.committed = true
      await dropBlocks(entry)
      return committedResponse(req, res, received.md5)
    }
    if (op === 'PutBlock') {
      const id = url.searchParams.get('blockid') ?? ''
      const decoded = Buffer.from(id, 'base64')
      if (id === '' || decoded.length > 64 || decoded.toString('base64') !== id) {
        req.resume()
        return azureError(req, res, 400, 'InvalidQueryParameterValue', `blockid ${JSON.stringify(id)} is not base64 of at most 64 bytes.`)
      }
      const other = entry.blocks.keys().next().value
      if (other !== undefined && Buffer.from(other, 'base64').length !== decoded.length) {
        req.resume()
        return azureError(req, res, 400, 'InvalidBlobOrBlock', 'The specified blob or block content is invalid: every block id of a blob must have the same length.')
      }
      const file = path.join(storageDir, `${entry.blob}.block-${createHash('sha1').update(id).digest('hex')}`)
      const received = await receive(req, file, fault)
      if (received.error) return azureError(req, res, 400, 'InvalidHeaderValue', received.error)
      entry.blocks.set(id, {file, size: received.size})
      res.writeHead(201, {...azureHeaders(req), 'content-md5': received.md5, 'x-ms-request-server-encrypted': 'true', 'content-length': 0})
      return res.end()
    }
    // PutBlockList
    const xml = (await readBody(req)).toString('utf8')
    const listed = [...xml.matchAll(/<(Latest|Uncommitted|Committed)>([^<]*)<\/\1>/g)].map(m => ({kind: m[1], id: m[2].trim()}))
    const missing = listed.find(b => b.kind === 'Committed' || !entry.blocks.has(b.id))
    if (!/<BlockList>/.test(xml) || listed.length === 0 || missing) {
      return azureError(req, res, 400, 'InvalidBlockList', `The specified block list is invalid${missing ? `: block ${missing.id} is not staged` : ''}.`)
    }
    const out = createWriteStream(`${blobFile(entry)}.assembling`)
    for (const {id} of listed) await pipeline(createReadStream(entry.blocks.get(id).file), out, {end: false})
    await new Promise((resolve, reject) => out.end(err => (err ? reject(err) : resolve())))
    await rename(`${blobFile(entry)}.assembling`, blobFile(entry))
    entry.size = listed.reduce((sum, b) => sum + entry.blocks.get(b.id).size, 0)
    entry.committed = true
    await dropBlocks(entry)
    return committedResponse(req, res)
  }

  const dropBlocks = async entry => {
    await Promise.all([...entry.blocks.values()].map(b => rm(b.file, {force: true})))
    entry.blocks.clear()
  }

  const committedResponse = (req, res, md5) => {
    res.writeHead(201, {
      ...azureHeaders(req),
      etag: `"0x${Date.now().toString(16).toUpperCase()}"`,
      'last-modified': new Date().toUTCString(),
      ...(md5 ? {'content-md5': md5} : {}),
      'x-ms-request-server-encrypted': 'true',
      'content-length': 0
    })
    res.end()
  }

  /** Streams a request body into `file` (atomically), checking Content-Length; a fault may throttle it. */
  const receive = async (req, file, fault) => {
    const temp = `${file}.part-${randomBytes(4).toString('hex')}`
    const md5 = createHash('md5')
    let size = 0
    const counted = async function* (source) {
      for await (const chunk of source) {
        md5.update(chunk)
        size += chunk.length
        if (fault?.bytesPerSecond) await sleep((chunk.length / fault.bytesPerSecond) * 1000)
        yield chunk
      }
    }
    try {
      await pipeline(req, counted, createWriteStream(temp))
    } catch (err) {
      await rm(temp, {force: true})
      return {error: `the upload broke off: ${err.message}`}
    }
    const expected = req.headers['content-length']
    if (expected !== undefined && Number(expected) !== size) {
      await rm(temp, {force: true})
      return {error: `Content-Length ${expected} but ${size} bytes arrived`}
    }
    await rename(temp, file)
    return {size, md5: md5.digest('base64')}
  }

  const sendBlob = (req, res, entry, fault) => {
    const headers = {
      ...azureHeaders(req),
      'content-type': 'application/octet-stream',
      etag: `"0x${entry.createdAt.toString(16).toUpperCase()}"`,
      'last-modified': new Date(entry.createdAt).toUTCString(),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-creation-time': new Date(entry.createdAt).toUTCString(),
      'x-ms-lease-state': 'available',
      'x-ms-lease-status': 'unlocked',
      'x-ms-server-encrypted': 'true'
    }
    const rangeHeader = req.headers['x-ms-range'] ?? req.headers.range
    let start = 0
    let end = entry.size - 1
    let status = 200
    if (rangeHeader !== undefined) {
      const m = /^bytes=(\d+)-(\d*)$/.exec(String(rangeHeader))
      if (!m || Number(m[1]) >= entry.size || (m[2] !== '' && Number(m[2]) < Number(m[1]))) {
        return azureError(req, res, 416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.')
      }
      start = Number(m[1])
      end = m[2] === '' ? entry.size - 1 : Math.min(Number(m[2]), entry.size - 1)
      status = 206
      headers['content-range'] = `bytes ${start}-${end}/${entry.size}`
    }
    headers['content-length'] = entry.size === 0 ? 0 : end - start + 1
    res.writeHead(status, headers)
    if (req.method === 'HEAD' || entry.size === 0) return void res.end()
    const source = createReadStream(blobFile(entry), {start, end})
    if (fault?.bytesPerSecond) return void throttle(source, res, fault.bytesPerSecond)
    source.pipe(res)
  }

  // ---- v1: REST (GitHub Enterprise Server) -------------------------------------------------

  const v1 = async (req, res, url) => {
    const resource = url.pathname.slice(V1_API.length)
    const method = req.method ?? 'GET'
    const op =
      method === 'GET' && resource === 'cache' ? 'v1.GetCacheEntry'
      : method === 'GET' && resource === 'caches' ? 'v1.ListCaches'
      : method === 'POST' && resource === 'caches' ? 'v1.ReserveCache'
      : method === 'PATCH' && /^caches\/\d+$/.test(resource) ? 'v1.UploadChunk'
      : method === 'POST' && /^caches\/\d+$/.test(resource) ? 'v1.CommitCache'
      : undefined
    const body = op === 'v1.ReserveCache' || op === 'v1.CommitCache' ? await readJson(req) : undefined
    const log = record(req, res, url, op ?? `v1 ${method} ${resource}`, {
      body: body ?? null,
      ...(op === 'v1.UploadChunk' ? {range: req.headers['content-range'] ?? null, bytes: Number(req.headers['content-length'] ?? 0)} : {})
    })
    if (!op) {
      req.resume()
      return sendJson(res, 404, {message: `The stand-in serves no ${method} ${url.pathname}.`})
    }
    const grant = grantOf(req)
    if (grant.error) {
      req.resume()
      return sendJson(res, 401, {message: grant.error})
    }
    log.scope = grant.writable ?? grant.readable[0] ?? null
    const fault = takeFault(op)
    if (await answerFault(fault, res, 'v1', req)) return void req.resume()
    if (body === undefined && (op === 'v1.ReserveCache' || op === 'v1.CommitCache')) return sendJson(res, 400, {message: 'The request body is not JSON.'})

    if (op === 'v1.GetCacheEntry' || op === 'v1.ListCaches') {
      if (grant.readable.length === 0) return sendJson(res, 403, {message: READ_DENIED})
      if (op === 'v1.ListCaches') {
        const key = url.searchParams.get('key') ?? ''
        const found = entries.filter(e => e.finalized && e.key === key && grant.readable.includes(e.scope))
        return sendJson(res, 200, {
          totalCount: found.length,
          artifactCaches: found.map(e => ({cacheKey: e.key, cacheVersion: e.version, scope: e.scope, creationTime: new Date(e.createdAt).toISOString()}))
        })
      }
      const keys = (url.searchParams.get('keys') ?? '').split(',').filter(k => k !== '')
      const version = url.searchParams.get('version') ?? ''
      if (keys.length === 0 || version === '') return sendJson(res, 400, {message: 'keys and version are required.'})
      const entry = lookup(keys, version, grant.readable)
      if (!entry) {
        res.writeHead(204)
        return void res.end()
      }
      touch(entry)
      log.matched = {key: entry.key, scope: entry.scope}
      return sendJson(res, 200, {
        scope: entry.scope,
        cacheKey: entry.key,
        cacheVersion: entry.version,
        creationTime: new Date(entry.createdAt).toISOString(),
        archiveLocation: signedUrl(entry, 'r')
      })
    }
    if (!grant.writable) {
      req.resume()
      return sendJson(res, 403, {message: WRITE_DENIED})
    }
    if (op === 'v1.ReserveCache') {
      if (fault?.refuse) return sendJson(res, 409, {message: fault.refuse})
      const {key, version, cacheSize} = body
      if (typeof key !== 'string' || key === '' || typeof version !== 'string' || version === '') {
        return sendJson(res, 400, {message: 'key and version are required.'})
      }
      if (typeof cacheSize === 'number' && cacheSize > maxEntryBytes) {
        return sendJson(res, 400, {message: `Cache size of ${cacheSize} bytes is over the ${maxEntryBytes} bytes limit, not saving cache.`})
      }
      const entry = reserve(key, version, grant.writable, 'v1')
      if (!entry) {
        return sendJson(res, 409, {
          message: `Cache already exists. Scope: ${grant.writable}, Key: ${key}, Version: ${version}`,
          typeKey: 'ArtifactCacheExistsException'
        })
      }
      // Chunks arrive in parallel and out of order, each written at its offset.
      await writeFile(`${blobFile(entry)}.v1`, '')
      return sendJson(res, 201, {cacheId: entry.id})
    }
    const id = Number(resource.slice('caches/'.length))
    const entry = entries.find(e => e.id === id && e.protocol === 'v1' && e.scope === grant.writable)
    if (!entry || entry.finalized) {
      req.resume()
      return sendJson(res, 404, {message: `No reserved cache ${id} in scope ${grant.writable}.`})
    }
    if (op === 'v1.UploadChunk') {
      const m = /^bytes (\d+)-(\d+)\/\*$/.exec(String(req.headers['content-range'] ?? ''))
      if (!m || Number(m[2]) < Number(m[1])) {
        req.resume()
        return sendJson(res, 400, {message: 'Content-Range must be "bytes start-end/*".'})
      }
      const [start, end] = [Number(m[1]), Number(m[2])]
      const data = await readBody(req)
      if (data.length !== end - start + 1) return sendJson(res, 400, {message: `Content-Range ${start}-${end} but ${data.length} bytes arrived.`})
      const handle = await open(`${blobFile(entry)}.v1`, 'r+')
      try {
        await handle.write(data, 0, data.length, start)
      } finally {
        await handle.close()
      }
      entry.chunks.push([start, end])
      res.writeHead(204)
      return void res.end()
    }
    // v1.CommitCache
    const size = body.size
    const file = `${blobFile(entry)}.v1`
    const onDisk = await stat(file).then(s => s.size, () => 0)
    if (typeof size !== 'number' || size !== onDisk || !coversWhole(entry.chunks, size)) {
      return sendJson(res, 400, {message: `Cache ${id}: committed size ${size} does not match the ${onDisk} bytes uploaded in ${entry.chunks.length} chunks.`})
    }
    await rename(file, blobFile(entry))
    entry.size = size
    entry.committed = true
    finalize(entry)
    res.writeHead(204)
    res.end()
  }

  // ---- control, for a stand-in in its own process --------------------------------------------

  const control = async (req, res, url) => {
    const body = await readJson(req)
    if (url.pathname === '/_stand-in/state') return sendJson(res, 200, {entries: entries.map(snapshot), evicted, requests})
    if (url.pathname === '/_stand-in/token' && req.method === 'POST') return sendJson(res, 200, {token: tokenFor(body ?? {}), env: envFor(body ?? {})})
    if (url.pathname === '/_stand-in/fault' && req.method === 'PUT') {
      setFault(body ?? undefined)
      return sendJson(res, 200, {faults: faults.length})
    }
    if (url.pathname === '/_stand-in/evict' && req.method === 'POST') return sendJson(res, 200, {evicted: evict(body?.key)})
    if (url.pathname === '/_stand-in/limit' && req.method === 'PUT') {
      limitBytes = Number(body?.bytes)
      enforceLimit()
      return sendJson(res, 200, {limitBytes})
    }
    return sendJson(res, 404, {message: 'unknown control endpoint'})
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in')
    const handler = url.pathname.startsWith(TWIRP_PREFIX)
      ? twirp
      : url.pathname.startsWith(`/${ACCOUNT}/${CONTAINER}/`)
        ? blob
        : url.pathname.startsWith(V1_API)
          ? v1
          : url.pathname.startsWith('/_stand-in/')
            ? control
            : null
    if (!handler) {
      req.resume()
      return void sendJson(res, 404, {message: `The stand-in serves nothing at ${url.pathname}.`})
    }
    handler(req, res, url).catch(err => {
      if (!res.headersSent) sendJson(res, 500, {code: 'internal', msg: `stand-in failure: ${err.message}`})
      else res.destroy(err)
    })
  })
  const listening = await listenOnLoopback(server, options)
  const origin = listening.origin
  const resultsUrl = `${origin}/`
  const cacheUrl = `${origin}${V1_PREFIX}`

  /**
   * The environment a runner gives a job step for this grant: the runtime token, and for v2
   * (default) ACTIONS_CACHE_SERVICE_V2, ACTIONS_RESULTS_URL and GITHUB_SERVER_URL=https://github.com;
   * for v1 ACTIONS_CACHE_URL and a GitHub Enterprise Server URL (any host but github.com, *.ghe.com
   * and *.localhost makes @actions/cache speak v1). `mode` sets ACTIONS_CACHE_MODE and the token's
   * access to match: write (read-write), read, write-only (write) or none.
   */
  function envFor(grant) {
    const access = {write: 'read-write', read: 'read', 'write-only': 'write', none: 'none'}[grant.mode] ?? grant.access
    const readable = grant.mode === 'write-only' || grant.mode === 'none' ? [] : grant.readable
    const env = {ACTIONS_RUNTIME_TOKEN: tokenFor({...grant, access, readable})}
    if (grant.mode) env.ACTIONS_CACHE_MODE = grant.mode
    if (grant.protocol === 'v1') {
      env.ACTIONS_CACHE_URL = cacheUrl
      env.GITHUB_SERVER_URL = grant.serverUrl ?? 'https://ghes.example'
    } else {
      env.ACTIONS_CACHE_SERVICE_V2 = 'True'
      env.ACTIONS_RESULTS_URL = resultsUrl
      env.GITHUB_SERVER_URL = grant.serverUrl ?? 'https://github.com'
    }
    return env
  }

  return {
    resultsUrl,
    cacheUrl,
    requests,
    evicted,
    tokenFor,
    envFor,
    entries: () => entries.map(snapshot),
    evict,
    setLimit(bytes) {
      limitBytes = bytes
      enforceLimit()
    },
    setSignedUrlTtl(seconds) {
      signedUrlTtlSeconds = seconds
    },
    setFault,
    async close() {
      await listening.close()
      if (ownStorage) await rm(storageDir, {recursive: true, force: true})
    }
  }
}

/** Whether the uploaded ranges [start, end] cover 0..size-1 without a gap. */
function coversWhole(chunks, size) {
  let next = 0
  for (const [start, end] of [...chunks].sort((a, b) => a[0] - b[0])) {
    if (start > next) return false
    next = Math.max(next, end + 1)
  }
  return next === size
}

const base64url = data => Buffer.from(data).toString('base64url')

function signJwt(payload, secret) {
  const unsigned = `${base64url(JSON.stringify({alg: 'HS256', typ: 'JWT'}))}.${base64url(JSON.stringify(payload))}`
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`
}

/** The payload of a token this stand-in signed and that is valid now, else why not. */
function verifyJwt(token, secret) {
  const parts = token.split('.')
  if (parts.length !== 3) return 'the token is not a JWT'
  const expected = Buffer.from(createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest('base64url'))
  const given = Buffer.from(parts[2])
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'the token\'s signature is not valid'
  let payload
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'))
  } catch {
    return 'the token\'s payload is not JSON'
  }
  const now = Date.now() / 1000
  if (typeof payload.exp !== 'number' || payload.exp <= now) return 'the token has expired'
  if (typeof payload.nbf === 'number' && payload.nbf > now) return 'the token is not valid yet'
  return payload
}

function escapeXml(text) {
  return text.replace(/[<>&]/g, c => ({'<': '&lt;', '>': '&gt;', '&': '&amp;'})[c])
}

function sleep(ms) {
  return new Promise(resolve => setTimeout(resolve, ms))
}

const FLAGS = {
  '--port': ['port', Number, 'N'],
  '--host': ['host', String, 'ADDR'],
  '--limit-bytes': ['limitBytes', Number, 'N'],
  '--storage-dir': ['storageDir', String, 'DIR']
}
await serveWhenRun(import.meta.url, 'actions-cache-server', FLAGS, async options => {
  const standIn = await startActionsCacheStandIn(options)
  return {url: standIn.resultsUrl, close: standIn.close}
})
