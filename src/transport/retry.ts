/**
 * The one retry policy of go-matrix's network clients (the installer's downloads, the GitHub API):
 * one loop that repeats an attempt while the caller's decision says a failure is worth another
 * try, one exponential backoff with jitter, one reading of Retry-After, and waits that end as soon
 * as the caller's signal aborts. What is worth a retry is the caller's (an HTTP mirror and the
 * GitHub API fail differently); how retries are made is decided here, once.
 */
import {setTimeout as sleepFor} from 'node:timers/promises'

export interface BackoffOptions {
  /** Tries in all, the first included. */
  attempts?: number
  /** Delay before the first retry; doubles each time (with jitter). Default 1000 ms. */
  baseDelayMs?: number
  /** Ceiling of one delay. */
  maxDelayMs?: number
  /** Injectable for tests. */
  sleep?: (ms: number) => Promise<void>
  random?: () => number
}

/** What to do after a failed attempt: wait `delayMs` and try again, or stop (`why` says why, for the message). */
export type RetryDecision = {retry: true; delayMs: number; why: string} | {retry: false; why?: string}

export interface RetryPolicy extends Pick<BackoffOptions, 'sleep'> {
  /** Tries in all, the first included (at least 1). */
  attempts: number
  /** The most time spent waiting, all waits together; a retry that would wait longer is not made. */
  maxTotalDelayMs?: number
  /** Whether, and after how long, to try again after attempt number `attempt` failed with `err`. */
  decide(err: unknown, attempt: number): RetryDecision
  /** Told before each wait. */
  onRetry?(err: unknown, decision: {delayMs: number; why: string}, attempt: number): void
  /**
   * The error to throw when the attempts stop after `err` (default: `err` itself); `decision.retry`
   * is true when a retry was wanted but the attempts or the time were spent.
   */
  giveUp?(err: unknown, decision: RetryDecision, attempt: number): unknown
  /** Once it aborts no attempt starts, a wait ends at once and the abort's reason is thrown. */
  signal?: AbortSignal
}

/** Runs `attempt` until it succeeds or the policy stops it; then throws what `giveUp` makes of the last error. */
export async function retrying<T>(policy: RetryPolicy, attempt: (n: number) => Promise<T>): Promise<T> {
  const attempts = Math.max(1, policy.attempts)
  const maxTotal = policy.maxTotalDelayMs ?? Number.POSITIVE_INFINITY
  let waited = 0
  for (let n = 1; ; n++) {
    policy.signal?.throwIfAborted()
    try {
      return await attempt(n)
    } catch (err) {
      // Whatever the attempt threw on its way out, a cancelled run reports the cancellation.
      policy.signal?.throwIfAborted()
      const decision = policy.decide(err, n)
      if (decision.retry && n < attempts && waited + decision.delayMs <= maxTotal) {
        waited += decision.delayMs
        policy.onRetry?.(err, decision, n)
        await pause(decision.delayMs, policy.sleep, policy.signal)
        continue
      }
      throw policy.giveUp ? policy.giveUp(err, decision, n) : err
    }
  }
}

/**
 * The delay before retry number `retry` (1-based): base * 2^(retry-1), scaled by 0.5-1.0 jitter,
 * capped at maxDelayMs (default 30 s); a server's Retry-After, when given, instead (capped too).
 */
export function backoffDelay(retry: number, options: BackoffOptions, retryAfterMs?: number): number {
  const base = options.baseDelayMs ?? 1000
  const max = options.maxDelayMs ?? 30_000
  if (retryAfterMs !== undefined) return Math.min(max, retryAfterMs)
  const jitter = 0.5 + (options.random ?? Math.random)() / 2
  return Math.min(max, Math.round(base * 2 ** (retry - 1) * jitter))
}

/** Parses Retry-After: seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') return undefined
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

async function pause(ms: number, sleep: BackoffOptions['sleep'], signal: AbortSignal | undefined): Promise<void> {
  if (sleep) return abortable(sleep(ms), signal)
  try {
    await sleepFor(ms, undefined, signal ? {signal} : {})
  } catch (err) {
    signal?.throwIfAborted()
    throw err
  }
}

/**
 * Settles as `work` does, or rejects with the signal's reason as soon as it aborts. For work that
 * takes no signal (a service client): the caller stops waiting; the work's late result is dropped.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    if (signal.aborted) onAbort()
    else signal.addEventListener('abort', onAbort, {once: true})
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

/**
 * Runs `work` under a signal that aborts when `signal` does or when `ms` have passed, the latter with
 * the error `expired()` makes: a deadline over a whole download, its retries and backoffs included.
 */
export async function withDeadline<T>(ms: number, expired: () => Error, signal: AbortSignal | undefined, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(expired()), ms)
  try {
    return await work(signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal)
  } finally {
    clearTimeout(timer)
  }
}

/** `90 s`, `10 min`: a duration as a person would write it. */
export function formatDuration(ms: number): string {
  return ms < 120_000 ? `${Number((ms / 1000).toFixed(1))} s` : `${Number((ms / 60_000).toFixed(1))} min`
}
