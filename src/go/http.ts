/**
 * HTTP GET for the installer: one attempt opens a response stream (through @actions/http-client, which
 * honours the runner's proxy settings); withRetries repeats an attempt with exponential backoff and
 * jitter on what is worth repeating (5xx, 429 with its Retry-After, timeouts, reset connections,
 * truncated bodies) and not on what is not (404 and other 4xx, bad archives).
 */
import type {IncomingMessage} from 'node:http'
import {HttpClient} from '@actions/http-client'

export interface RetryOptions {
  /** Tries in all, the first included. Default 4. */
  attempts?: number
  /** Delay before the first retry; doubles each time (with jitter). Default 1000 ms. */
  baseDelayMs?: number
  /** Ceiling of one delay, Retry-After included. Default 30 s. */
  maxDelayMs?: number
  /** A request fails when no byte arrives for this long (connecting, headers or body). Default 60 s. */
  idleTimeoutMs?: number
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
  /** Told about each retry, e.g. to log a warning. */
  onRetry?: (message: string) => void
}

/** A failed request. `retryable` says whether trying again may help. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly status?: number,
    readonly retryAfterMs?: number,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE', 'UND_ERR_SOCKET'])

/** Whether an error from a request or its body is worth another attempt. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof HttpError) return err.retryable
  const e = err as NodeJS.ErrnoException | undefined
  if (e?.code && RETRYABLE_CODES.has(e.code)) return true
  return /socket hang up|aborted|Request timeout|premature close/i.test(e?.message ?? '')
}

/** The delay before retry number `retry` (1-based): base * 2^(retry-1), scaled by 0.5-1.0 jitter, capped. */
export function backoffDelay(retry: number, options: RetryOptions, retryAfterMs?: number): number {
  const base = options.baseDelayMs ?? 1000
  const max = options.maxDelayMs ?? 30_000
  if (retryAfterMs !== undefined) return Math.min(max, retryAfterMs)
  const jitter = 0.5 + (options.random ?? Math.random)() / 2
  return Math.min(max, Math.round(base * 2 ** (retry - 1) * jitter))
}

/** Parses Retry-After: seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') return undefined
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/**
 * Runs `attempt` until it succeeds, fails for good, or the attempts are spent; the last error is thrown.
 * The errors name what failed themselves, so they are passed on as they are.
 */
export async function withRetries<T>(options: RetryOptions, attempt: (n: number) => Promise<T>): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4)
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  for (let n = 1; ; n++) {
    try {
      return await attempt(n)
    } catch (err) {
      if (n >= attempts || !isRetryable(err)) {
        if (n > 1 && isRetryable(err)) {
          throw new Error(`${(err as Error).message} (gave up after ${n} attempts)`, {cause: err})
        }
        throw err
      }
      const delay = backoffDelay(n, options, err instanceof HttpError ? err.retryAfterMs : undefined)
      options.onRetry?.(`${(err as Error).message}; retrying in ${(delay / 1000).toFixed(1)} s (attempt ${n + 1} of ${attempts})`)
      await sleep(delay)
    }
  }
}

let client: HttpClient | undefined

function httpClient(): HttpClient {
  // Retries are ours (they also cover truncated bodies), so the client's own are off.
  client ??= new HttpClient('go-matrix', [], {allowRetries: false, allowRedirects: true, maxRedirects: 10, keepAlive: false})
  return client
}

export interface OpenResponse {
  body: IncomingMessage
  /** Content-Length, when the server sent one. */
  length: number | undefined
}

export interface OpenOptions {
  /** Names the thing fetched in errors (`go1.22.5.linux-amd64.tar.gz`, `the Go release index`). */
  what: string
  /** Appended to the 404 message, e.g. `is 1.22.99 a released version?` */
  notFoundHint?: string
  idleTimeoutMs?: number
}

/**
 * One GET. Resolves with the response stream on 200; rejects with an HttpError otherwise. The body is
 * destroyed with a retryable timeout error when no byte arrives for idleTimeoutMs.
 */
export async function openStream(url: string, options: OpenOptions): Promise<OpenResponse> {
  const idle = options.idleTimeoutMs ?? 60_000
  const request = httpClient().get(url)
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HttpError(`${options.what}: no response from ${url} within ${idle / 1000} s`, true)), idle)
  })
  let response
  try {
    response = await Promise.race([request, timedOut])
  } catch (err) {
    if (err instanceof HttpError) {
      // The request may still answer later: drop that answer's socket.
      void request.then(r => r.message.destroy(), () => undefined)
      throw err
    }
    throw new HttpError(`${options.what}: cannot fetch ${url}: ${(err as Error).message}`, isRetryable(err), undefined, undefined, {cause: err})
  } finally {
    clearTimeout(timer)
  }
  const message = response.message
  const status = message.statusCode ?? 0
  if (status !== 200) {
    message.resume()
    if (status === 404) {
      const hint = options.notFoundHint ? `: ${options.notFoundHint}` : ''
      throw new HttpError(`${options.what}: not found at ${url} (404)${hint}`, false, status)
    }
    const retryable = status >= 500 || status === 429 || status === 408
    const retryAfter = retryable ? parseRetryAfter(message.headers['retry-after']) : undefined
    throw new HttpError(`${options.what}: ${url} answered ${status} ${message.statusMessage ?? ''}`.trimEnd(), retryable, status, retryAfter)
  }
  watchIdle(message, idle, () => new HttpError(`${options.what}: ${url} sent nothing for ${idle / 1000} s`, true))
  const header = message.headers['content-length']
  const length = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined
  return {body: message, length}
}

/** Destroys the stream with makeError() when no data flows for `ms`. */
function watchIdle(stream: IncomingMessage, ms: number, makeError: () => Error): void {
  let timer = setTimeout(fire, ms)
  function fire(): void {
    stream.destroy(makeError())
  }
  stream.on('data', () => {
    clearTimeout(timer)
    timer = setTimeout(fire, ms)
  })
  stream.once('close', () => clearTimeout(timer))
  stream.once('end', () => clearTimeout(timer))
}

/** The error for a body that ended before its Content-Length: retryable. */
export function truncatedError(what: string, url: string, received: number, expected: number): HttpError {
  return new HttpError(`${what}: download from ${url} ended after ${received} of ${expected} bytes`, true)
}

/** GETs a whole text body with retries. */
export async function getText(url: string, what: string, retry: RetryOptions = {}): Promise<string> {
  return withRetries(retry, async () => {
    const {body, length} = await openStream(url, {what, idleTimeoutMs: retry.idleTimeoutMs})
    const chunks: Buffer[] = []
    let received = 0
    try {
      for await (const chunk of body) {
        chunks.push(chunk as Buffer)
        received += (chunk as Buffer).length
      }
    } catch (err) {
      // A body that breaks off is a network failure: worth another try.
      throw new HttpError(`${what}: reading ${url} failed: ${(err as Error).message}`, true, undefined, undefined, {cause: err})
    }
    if (length !== undefined && received < length) throw truncatedError(what, url, received, length)
    return Buffer.concat(chunks).toString('utf8')
  })
}
