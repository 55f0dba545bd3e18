/**
 * HTTP GET for the installer: one attempt opens a response stream (the agent comes from
 * @actions/http-client, which honours the runner's proxy settings; the request is ours, so that it can
 * be aborted and its redirects resolved as browsers do); withRetries repeats an attempt under the one
 * retry policy (retry.ts) on what is worth repeating (5xx, 429 with its Retry-After, timeouts, reset
 * connections, truncated bodies) and not on what is not (404 and other 4xx, bad archives). Every wait
 * (connecting, headers, body, backoff) ends as soon as the caller's signal aborts.
 */
import http, {type IncomingMessage} from 'node:http'
import https from 'node:https'
import {addAbortSignal} from 'node:stream'
import type {HttpClient} from '@actions/http-client'
import {getProxyUrl} from '@actions/http-client/lib/proxy'
import {backoffDelay, formatDuration, parseRetryAfter, retrying, type BackoffOptions} from './retry.js'

export interface RetryOptions extends BackoffOptions {
  /** Tries in all, the first included. Default 4. */
  attempts?: number
  /** Ceiling of one delay, Retry-After included. Default 30 s. */
  maxDelayMs?: number
  /** A request fails when no byte arrives for this long (connecting, headers or body). Default 60 s. */
  idleTimeoutMs?: number
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

/**
 * Runs `attempt` until it succeeds, fails for good, or the attempts are spent; the last error is thrown.
 * The errors name what failed themselves, so they are passed on as they are. Once `signal` aborts, no
 * attempt starts, a backoff ends at once and the abort's reason is thrown, whatever the attempt threw
 * on its way out.
 */
export async function withRetries<T>(options: RetryOptions, attempt: (n: number) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4)
  return retrying(
    {
      attempts,
      sleep: options.sleep,
      signal,
      decide: (err, n) =>
        isRetryable(err) ? {retry: true, delayMs: backoffDelay(n, options, err instanceof HttpError ? err.retryAfterMs : undefined), why: ''} : {retry: false},
      onRetry: (err, {delayMs}, n) =>
        options.onRetry?.(`${(err as Error).message}; retrying in ${(delayMs / 1000).toFixed(1)} s (attempt ${n + 1} of ${attempts})`),
      giveUp: (err, _decision, n) => (n > 1 && isRetryable(err) ? new Error(`${(err as Error).message} (gave up after ${n} attempts)`, {cause: err}) : err)
    },
    attempt
  )
}

let proxyClient: Promise<HttpClient> | undefined
const directAgents = {'http:': new http.Agent({keepAlive: false}), 'https:': new https.Agent({keepAlive: false})}

/**
 * The agent for `url`: through the proxy the runner's settings name (https_proxy, no_proxy…), with
 * @actions/http-client's tunnelling agents, or a plain one when none applies. The client is loaded
 * only when a proxy applies: it brings undici, whose loading costs a tool-cache reuse 40-60 ms.
 */
async function agentFor(url: URL): Promise<http.Agent> {
  if (!getProxyUrl(url)?.hostname) return url.protocol === 'https:' ? directAgents['https:'] : directAgents['http:']
  proxyClient ??= import('@actions/http-client').then(({HttpClient}) => new HttpClient('go-matrix', [], {keepAlive: false}))
  return (await proxyClient).getAgent(url.href)
}

export interface OpenResponse {
  body: IncomingMessage
  /** Content-Length, when the server sent one. */
  length: number | undefined
  /** Where the body came from: the URL asked for, or where its redirects led. */
  url: string
}

export interface OpenOptions {
  /** Names the thing fetched in errors (`go1.22.5.linux-amd64.tar.gz`, `the Go release index`). */
  what: string
  /** Appended to the 404 message, e.g. `is 1.22.99 a released version?` */
  notFoundHint?: string
  idleTimeoutMs?: number
  /** Aborts the request, or the body once it flows, with the signal's reason. */
  signal?: AbortSignal
}

const REDIRECTS = new Set([301, 302, 303, 307, 308])
/** As browsers and curl do: enough for any mirror's chain, few enough to end a loop quickly. */
export const MAX_REDIRECTS = 10

/**
 * One GET, following redirects (a relative Location resolves against the URL that sent it). Resolves
 * with the response stream on 200; rejects with an HttpError otherwise. The body is destroyed with a
 * retryable timeout error when no byte arrives for idleTimeoutMs.
 */
export async function openStream(url: string, options: OpenOptions): Promise<OpenResponse> {
  const idle = options.idleTimeoutMs ?? 60_000
  const visited = [url]
  let current = new URL(url)
  let message: IncomingMessage
  for (;;) {
    message = await requestOnce(current, options.what, idle, options.signal)
    const status = message.statusCode ?? 0
    const location = message.headers.location
    if (!REDIRECTS.has(status) || location === undefined) break
    message.resume()
    current = redirectTarget(current, location, options.what)
    if (visited.includes(current.href)) {
      throw new HttpError(`${options.what}: too many redirects: ${visited.at(-1)} redirects back to ${current.href}, a loop`, false, status)
    }
    visited.push(current.href)
    if (visited.length > MAX_REDIRECTS + 1) {
      throw new HttpError(`${options.what}: too many redirects: more than ${MAX_REDIRECTS} from ${url} (the last to ${current.href})`, false, status)
    }
  }
  const where = current.href
  const status = message.statusCode ?? 0
  if (status !== 200) {
    message.resume()
    if (status === 404) {
      const hint = options.notFoundHint ? `: ${options.notFoundHint}` : ''
      throw new HttpError(`${options.what}: not found at ${where} (404)${hint}`, false, status)
    }
    const retryable = status >= 500 || status === 429 || status === 408
    const retryAfter = retryable ? parseRetryAfter(message.headers['retry-after']) : undefined
    throw new HttpError(`${options.what}: ${where} answered ${status} ${message.statusMessage ?? ''}`.trimEnd(), retryable, status, retryAfter)
  }
  watchIdle(message, idle, () => new HttpError(`${options.what}: ${where} sent nothing for ${formatDuration(idle)}`, true))
  if (options.signal) addAbortSignal(options.signal, message)
  const header = message.headers['content-length']
  const length = header !== undefined && /^\d+$/.test(header) ? Number(header) : undefined
  return {body: message, length, url: where}
}

/** The URL a redirect's Location names, relative to the one that sent it; only http(s), never https to http. */
function redirectTarget(from: URL, location: string, what: string): URL {
  let to: URL
  try {
    to = new URL(location, from)
  } catch (err) {
    throw new HttpError(`${what}: ${from.href} redirects to ${JSON.stringify(location)}, which is not a URL`, false, undefined, undefined, {cause: err})
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') {
    throw new HttpError(`${what}: ${from.href} redirects to ${to.href}: only http and https are followed`, false)
  }
  if (from.protocol === 'https:' && to.protocol === 'http:') {
    throw new HttpError(`${what}: ${from.href} redirects to ${to.href}: a redirect from https to plain http is not followed`, false)
  }
  return to
}

/** Sends one GET and resolves with its response, whatever the status. */
async function requestOnce(url: URL, what: string, idle: number, signal: AbortSignal | undefined): Promise<IncomingMessage> {
  const agent = await agentFor(url)
  return new Promise((resolve, reject) => {
    const request = (url.protocol === 'https:' ? https : http).get(url, {agent, headers: {'user-agent': 'go-matrix'}, ...(signal ? {signal} : {})})
    const timer = setTimeout(() => request.destroy(new HttpError(`${what}: no response from ${url.href} within ${formatDuration(idle)}`, true)), idle)
    request.once('response', response => {
      clearTimeout(timer)
      resolve(response)
    })
    request.once('error', err => {
      clearTimeout(timer)
      if (signal?.aborted) reject(signal.reason)
      else if (err instanceof HttpError) reject(err)
      else reject(new HttpError(`${what}: cannot fetch ${url.href}: ${err.message}`, isRetryable(err), undefined, undefined, {cause: err}))
    })
  })
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

/** GETs a whole text body with retries; `signal` aborts it at any point. */
export async function getText(url: string, what: string, retry: RetryOptions = {}, signal?: AbortSignal): Promise<string> {
  return withRetries(
    retry,
    async () => {
      const {body, length} = await openStream(url, {what, idleTimeoutMs: retry.idleTimeoutMs, signal})
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
    },
    signal
  )
}
