import {describe, expect, it} from '@jest/globals'
import {retrying, type RetryDecision, type RetryPolicy} from '../../src/transport/retry.js'

/** A policy that records its waits and retries every failure after `delayMs`, for `attempts` tries. */
function policy(attempts: number, extra: Partial<RetryPolicy> = {}): RetryPolicy & {waits: number[]} {
  const waits: number[] = []
  return {
    waits,
    attempts,
    sleep: async ms => {
      waits.push(ms)
    },
    decide: (_err, n): RetryDecision => ({retry: true, delayMs: 100 * n, why: 'flaky'}),
    ...extra
  }
}

/** An attempt that fails `failures` times, then answers `ok`. */
function flaky(failures: number): (n: number) => Promise<string> {
  return async n => {
    if (n <= failures) throw new Error(`failure ${n}`)
    return 'ok'
  }
}

describe('retrying', () => {
  it('repeats after the delay the decision names, and answers with the first success', async () => {
    const p = policy(4)
    await expect(retrying(p, flaky(2))).resolves.toBe('ok')
    expect(p.waits).toEqual([100, 200])
  })

  it('gives up when the attempts are spent, telling giveUp a retry was still wanted', async () => {
    const seen: [string, boolean, number][] = []
    const p = policy(3, {giveUp: (err, decision, n) => (seen.push([(err as Error).message, decision.retry, n]), new Error('gave up'))})
    await expect(retrying(p, flaky(5))).rejects.toThrow('gave up')
    expect(seen).toEqual([['failure 3', true, 3]])
    expect(p.waits).toEqual([100, 200])
  })

  it('makes no retry that would wait longer than the total allowed', async () => {
    // Waits 100, 200, then 300 would exceed 350 in all.
    const p = policy(10, {maxTotalDelayMs: 350})
    await expect(retrying(p, flaky(9))).rejects.toThrow('failure 3')
    expect(p.waits).toEqual([100, 200])
  })

  it('stops at once on a final failure, passing it on as it is', async () => {
    const p = policy(5, {decide: () => ({retry: false})})
    await expect(retrying(p, flaky(1))).rejects.toThrow('failure 1')
    expect(p.waits).toEqual([])
  })

  it('throws the abort reason, not the attempt error, once the signal aborts', async () => {
    const controller = new AbortController()
    const p = policy(5, {signal: controller.signal})
    const attempt = async (): Promise<string> => {
      controller.abort(new Error('cancelled by SIGTERM'))
      throw new Error('socket hang up')
    }
    await expect(retrying(p, attempt)).rejects.toThrow('cancelled by SIGTERM')
    expect(p.waits).toEqual([])
  })
})
