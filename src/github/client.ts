/**
 * The GitHub API client: @actions/github's Octokit (REST methods and pagination, the runner's proxy
 * settings) plus what that version lacks. @actions/github 9 bundles neither @octokit/plugin-retry nor
 * @octokit/plugin-throttling, so a failed request fails at once; here one hook around every request
 * retries server errors and rate limits (a bounded number of times, honouring retry-after), gives up
 * with an error that says what was asked and what GitHub answered, and never lets the token into a
 * message. Loaded lazily so that importing the library does not load Octokit.
 */
import type {getOctokit} from '@actions/github'
import {backoffDelay, parseRetryAfter, retrying, type BackoffOptions, type RetryDecision} from '../transport/retry.js'
import type {Logger} from '../util/log.js'

export type GitHubClient = ReturnType<typeof getOctokit>

export interface GitHubRetryOptions extends BackoffOptions {
  /** Tries in all, the first included. Default 5. */
  attempts?: number
  /** The longest single wait accepted; a rate limit that asks for more is given up at once. Default 60 s. */
  maxDelayMs?: number
  /** The most time spent waiting for one request, all retries together. Default 120 s. */
  maxTotalDelayMs?: number
  /** One attempt fails (and may be retried) when GitHub has not answered after this long. Default 30 s. */
  timeoutMs?: number
  /** Injectable for tests. */
  now?: () => number
}

export interface GitHubClientOptions {
  token: string
  /** GITHUB_API_URL (https://api.github.com, or a GitHub Enterprise Server's /api/v3). */
  apiUrl: string
  logger: Logger
  retry?: GitHubRetryOptions
}

/** A request GitHub refused or could not answer, after the retries. `status` is 0 when no response came back. */
export class GitHubApiError extends Error {
  override name = 'GitHubApiError'
  constructor(
    message: string,
    readonly status: number,
    readonly request: string,
    readonly attempts: number,
    /** GitHub was rate limiting (a 403 or 429 that is not a refusal). */
    readonly rateLimited: boolean,
    options?: ErrorOptions
  ) {
    super(message, options)
  }
}

/** What one failed attempt looked like, as far as deciding on a retry goes. */
export interface AttemptFailure {
  /** HTTP status; 0 when no response came (connection refused or reset, timeout). */
  status: number
  headers: Readonly<Record<string, string | undefined>>
  message: string
}

export type {RetryDecision}

const SECONDARY_RATE_LIMIT = /secondary rate limit/i
/** GitHub asks for at least a minute when a secondary rate limit comes without retry-after. */
const SECONDARY_DEFAULT_WAIT_MS = 60_000

/**
 * Whether to try a failed request again and when: pure, so every case is a table row. Server errors
 * back off exponentially (or as retry-after says); rate limits (403/429 with retry-after, with
 * x-ratelimit-remaining 0, or with GitHub's "secondary rate limit" message) wait as GitHub asks, and
 * are given up when that is longer than maxDelayMs. Everything else (a 403 that is a refusal, 404,
 * 422, …) is final.
 */
export function decideRetry(failure: AttemptFailure, retry: number, options: GitHubRetryOptions = {}): RetryDecision {
  const now = options.now?.() ?? Date.now()
  const max = options.maxDelayMs ?? 60_000
  const retryAfter = parseRetryAfter(failure.headers['retry-after'], now)
  const remaining = failure.headers['x-ratelimit-remaining']
  const reset = Number(failure.headers['x-ratelimit-reset'])
  if (isRateLimited(failure)) {
    let wait: number
    let what: string
    if (retryAfter !== undefined) {
      wait = retryAfter
      what = `rate limited (retry-after ${Math.ceil(retryAfter / 1000)} s)`
    } else if (remaining === '0' && Number.isFinite(reset)) {
      wait = Math.max(0, reset * 1000 - now) + 1000
      what = `rate limit exhausted until ${new Date(reset * 1000).toISOString()}`
    } else {
      wait = SECONDARY_DEFAULT_WAIT_MS * 2 ** (retry - 1)
      what = 'secondary rate limit'
    }
    if (wait > max) return {retry: false, why: `${what}: waiting ${Math.ceil(wait / 1000)} s is longer than the ${Math.round(max / 1000)} s allowed`}
    return {retry: true, delayMs: wait, why: what}
  }
  if (failure.status >= 500 || failure.status === 0) {
    if (retryAfter !== undefined) {
      if (retryAfter > max) return {retry: false, why: `retry-after ${Math.ceil(retryAfter / 1000)} s is longer than the ${Math.round(max / 1000)} s allowed`}
      return {retry: true, delayMs: retryAfter, why: 'server error'}
    }
    return {retry: true, delayMs: backoffDelay(retry, {...options, maxDelayMs: max}), why: 'server error'}
  }
  return {retry: false}
}

/** A 429, or a 403 that is a rate limit rather than a refusal (retry-after, no requests left, or GitHub says so). */
export function isRateLimited(failure: AttemptFailure): boolean {
  if (failure.status === 429) return true
  if (failure.status !== 403) return false
  return (
    failure.headers['retry-after'] !== undefined ||
    failure.headers['x-ratelimit-remaining'] === '0' ||
    SECONDARY_RATE_LIMIT.test(failure.message)
  )
}

/** Replaces every occurrence of the secret in a text, so no message can print it. */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('***')
}

/**
 * An Octokit for `apiUrl` authenticated with `token`, whose every request goes through the retry
 * hook. The token must not be empty (the caller decides what to do without one).
 */
export async function createGitHubClient(options: GitHubClientOptions): Promise<GitHubClient> {
  const {token, logger} = options
  if (token.trim() === '') throw new Error('github-token is empty: the GitHub API cannot be called without a token')
  const {getOctokit} = await import('@actions/github')
  const octokit = getOctokit(token, {
    baseUrl: options.apiUrl.replace(/\/+$/, ''),
    log: {
      debug: (message: string) => logger.debug(redact(message, token)),
      info: (message: string) => logger.debug(redact(message, token)),
      warn: (message: string) => logger.warning(redact(message, token)),
      error: (message: string) => logger.error(redact(message, token))
    }
  })
  const retry = options.retry ?? {}
  const attempts = Math.max(1, retry.attempts ?? 5)

  octokit.hook.wrap('request', async (request, endpoint) => {
    const what = describeRequest(octokit, endpoint)
    const callerSignal = endpoint.request?.signal instanceof AbortSignal ? endpoint.request.signal : undefined
    const requestOptions = endpoint.request
    const answered = (failure: AttemptFailure): string =>
      failure.status === 0 ? `${what} got no answer (${failure.message})` : `${what} answered ${failure.status}${failure.message ? `: ${failure.message}` : ''}`
    return retrying(
      {
        attempts,
        maxTotalDelayMs: retry.maxTotalDelayMs ?? 120_000,
        sleep: retry.sleep,
        // A response that is not JSON is final; a cancelled caller is not retried.
        decide: (err, attempt) =>
          err instanceof GitHubApiError ? {retry: false} : callerSignal?.aborted === true ? {retry: false, why: 'cancelled'} : decideRetry(toFailure(err), attempt, retry),
        onRetry: (err, decision, attempt) =>
          logger.info(redact(`${answered(toFailure(err))} (${decision.why}); retrying in ${formatSeconds(decision.delayMs)} (attempt ${attempt + 1} of ${attempts})`, token)),
        giveUp: (err, decision, attempt) => {
          if (err instanceof GitHubApiError) return err
          const failure = toFailure(err)
          const givenUp = decision.retry ? ` (gave up after ${attempt} attempt${attempt === 1 ? '' : 's'})` : decision.why ? ` (${decision.why})` : ''
          // The cause travels with the error (and main prints causes): scrub it too.
          if (err instanceof Error) err.message = redact(err.message, token)
          return new GitHubApiError(redact(`${answered(failure)}${givenUp}`, token), failure.status, redact(what, token), attempt, isRateLimited(failure), {cause: err})
        }
      },
      async attempt => {
        // A fresh timeout per attempt, joined with the caller's signal when there is one. The hooks
        // inside this one were bound to this very options object (before-after-hook), so the
        // signal is set on it rather than passed along in a copy, which they would ignore.
        const timeout = AbortSignal.timeout(retry.timeoutMs ?? 30_000)
        endpoint.request = {...requestOptions, signal: callerSignal ? AbortSignal.any([timeout, callerSignal]) : timeout}
        const response = await request(endpoint)
        // A proxy or captive portal may answer 200 with a page of HTML: say so, rather than let
        // Octokit's pagination fail on it ("Cannot use 'in' operator to search for 'total_count'").
        const notJson = nonJsonResponse(response.status, response.headers, response.data, endpoint.headers)
        if (notJson !== null) throw new GitHubApiError(redact(`${what}: ${notJson}`, token), response.status, redact(what, token), attempt, false)
        return response
      }
    )
  })
  return octokit
}

/** `POST /repos/o/r/issues/12/comments`: the method and path, without the host or the query. */
function describeRequest(octokit: GitHubClient, endpoint: {method: string; url: string}): string {
  try {
    const parsed = octokit.request.endpoint.parse(endpoint as Parameters<typeof octokit.request.endpoint.parse>[0])
    return `${parsed.method} ${new URL(parsed.url).pathname}`
  } catch {
    return `${endpoint.method} ${endpoint.url}`
  }
}

/**
 * Why a response is not the JSON the REST API answers with, or null when it is (or when the
 * request asked for something else, such as a raw diff, or the answer has no body).
 */
export function nonJsonResponse(
  status: number,
  headers: Readonly<Record<string, unknown>>,
  data: unknown,
  requestHeaders: Readonly<Record<string, unknown>> = {}
): string | null {
  const accept = String(requestHeaders.accept ?? 'application/json')
  if (!/json/i.test(accept) || status === 204 || status === 304 || data === undefined || data === null || data === '') return null
  const type = String(headers['content-type'] ?? '')
  if (/json/i.test(type) && typeof data === 'object' && !(data instanceof ArrayBuffer)) return null
  return `the API returned a non-JSON response (status ${status}, content type ${type === '' ? 'none' : type.split(';')[0]})`
}

function toFailure(err: unknown): AttemptFailure {
  const e = err as {status?: unknown; response?: {headers?: Record<string, unknown>; data?: unknown}; message?: unknown}
  const headers: Record<string, string | undefined> = {}
  for (const [name, value] of Object.entries(e?.response?.headers ?? {})) {
    headers[name.toLowerCase()] = value === undefined ? undefined : String(value)
  }
  // Octokit reports a request that got no response (refused, reset, timed out) as a 500 without one.
  const status = typeof e?.status === 'number' && e.response !== undefined ? e.status : 0
  let message = typeof e?.message === 'string' ? e.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '') : String(err)
  // An error answered with a page of HTML (a proxy's 502) would otherwise put the whole page in the message.
  if (status !== 0) message = nonJsonResponse(status, headers, e.response?.data) ?? message
  // Without a response Octokit may say only "Unknown Error"; the fetch error it wraps says more.
  const cause = (err as {cause?: {message?: unknown; cause?: {message?: unknown}}} | undefined)?.cause
  if (status === 0 && typeof cause?.message === 'string' && cause.message !== '') {
    message = typeof cause.cause?.message === 'string' && cause.message === 'fetch failed' ? cause.cause.message : cause.message
  }
  return {status, headers, message}
}

function formatSeconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`
}
