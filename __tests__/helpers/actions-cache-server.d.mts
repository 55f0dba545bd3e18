/** Types of actions-cache-server.mjs (plain JavaScript so that it also runs as its own process). */

/** What a job's runtime token grants (its `ac` claim). */
export interface CacheGrant {
  /** The run's own ref, the scope it writes into and reads first: `refs/heads/main`, `refs/pull/7/merge`. */
  ref: string
  /** Further refs it may read, in search order: for a pull request its base branch, then the default branch. */
  readable?: string[]
  /** Access to `ref`; default 'read-write'. */
  access?: 'read-write' | 'read' | 'write' | 'none'
  /** Default 6 hours; negative for an expired token. */
  expiresInSeconds?: number
}

export interface CacheEnvRequest extends CacheGrant {
  /** v2 (github.com, default) or v1 (GitHub Enterprise Server). */
  protocol?: 'v2' | 'v1'
  /** ACTIONS_CACHE_MODE, the runner's effective cache mode; the token's access follows it. */
  mode?: 'write' | 'read' | 'write-only' | 'none'
  /** GITHUB_SERVER_URL; default https://github.com for v2, https://ghes.example for v1. */
  serverUrl?: string
}

export type CacheOperation =
  | 'CreateCacheEntry'
  | 'FinalizeCacheEntryUpload'
  | 'GetCacheEntryDownloadURL'
  | 'PutBlob'
  | 'PutBlock'
  | 'PutBlockList'
  | 'GetBlob'
  | 'GetBlobProperties'
  | 'v1.GetCacheEntry'
  | 'v1.ListCaches'
  | 'v1.ReserveCache'
  | 'v1.UploadChunk'
  | 'v1.CommitCache'

export interface CacheFault {
  /** The operation(s) it applies to. */
  op: CacheOperation | CacheOperation[]
  /** Fire this many times, then answer normally; default: always. */
  times?: number
  /** Answer with this status: a Twirp error for Twirp calls, Azure's error XML for blob calls, JSON {message} for v1. */
  status?: number
  message?: string
  /** Seconds, sent as retry-after with `status`. */
  retryAfter?: number
  /** Wait this long first; with nothing else set, then answer normally. */
  delayMs?: number
  /** CreateCacheEntry: answer ok:false with this message; v1.ReserveCache: 409 with it. */
  refuse?: string
  /** Blob reads and writes: move the body at this many bytes per second. */
  bytesPerSecond?: number
}

export interface CacheEntry {
  id: number
  key: string
  version: string
  /** The ref it was saved from. */
  scope: string
  /** Archive bytes. */
  size: number
  /** Only finalized entries are found by restores. */
  finalized: boolean
  protocol: 'v2' | 'v1'
  createdAt: string
  lastAccessedAt: string
  /** Restores that matched it. */
  hits: number
}

export interface EvictedEntry extends CacheEntry {
  /** Over the size limit, or evict(). */
  reason: 'limit' | 'evict'
}

export interface CacheRequest {
  method: string
  op: CacheOperation | string
  /** Path without the query (blob URLs carry their signature there). */
  path: string
  /** Filled in when the answer is sent; 0 until then. */
  status: number
  /** Milliseconds from the request's arrival to the end of the answer; 0 until then. */
  ms: number
  /** Twirp and v1 JSON bodies. */
  body?: unknown
  /** The token's write scope, else its first readable one (Twirp and v1). */
  scope?: string | null
  /** The entry a lookup matched. */
  matched?: {key: string; scope: string}
  /** Declared request body bytes (uploads). */
  bytes?: number
  /** Range or x-ms-range of a blob read; Content-Range of a v1 chunk. */
  range?: string | null
}

export interface ActionsCacheStandInOptions {
  /** Total finalized bytes above which least recently used entries are evicted; default 10 GiB. */
  limitBytes?: number
  /** Lifetime of signed upload and download URLs; default 3600. */
  signedUrlTtlSeconds?: number
  /** v1 reservations above this are refused with 400; default 10 GiB. */
  maxEntryBytes?: number
  faults?: CacheFault | CacheFault[]
  storageDir?: string
  port?: number
  host?: string
}

export interface ActionsCacheStandIn {
  /** ACTIONS_RESULTS_URL (v2), `http://127.0.0.1:PORT/`. */
  resultsUrl: string
  /** ACTIONS_CACHE_URL (v1), `http://127.0.0.1:PORT/artifactcache/`. */
  cacheUrl: string
  /** Every request, in order (control endpoints excluded). */
  requests: CacheRequest[]
  /** Entries evicted so far, oldest first. */
  evicted: EvictedEntry[]
  /** A runtime token (JWT) for the grant. */
  tokenFor(grant: CacheGrant): string
  /** The environment a runner gives a step for the grant (token, service URLs, server URL, cache mode). */
  envFor(request: CacheEnvRequest): Record<string, string>
  /** Every entry not evicted, pending ones included, in creation order. */
  entries(): CacheEntry[]
  /** Evicts the finalized entries with this key (or matching the predicate); returns how many. */
  evict(which: string | ((entry: CacheEntry) => boolean)): number
  /** Sets the size limit and evicts least recently used entries until the total fits. */
  setLimit(bytes: number): void
  /** Lifetime of URLs signed from now on (negative: already expired). */
  setSignedUrlTtl(seconds: number): void
  /** Replaces the faults (a fault, a list, or undefined to clear), resetting their counts. */
  setFault(fault: CacheFault | CacheFault[] | undefined): void
  close(): Promise<void>
}

export function startActionsCacheStandIn(options?: ActionsCacheStandInOptions): Promise<ActionsCacheStandIn>
