import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import http from 'node:http'
import type {AddressInfo} from 'node:net'
import {backoffDelay, getText, HttpError, openStream, parseRetryAfter, type RetryOptions} from '../../src/go/http.js'

/** A server answering each path with a script of responses, one per request, the last repeating. */
type Step = {status: number; body?: string; headers?: Record<string, string>} | 'truncate' | 'hang'
const scripts = new Map<string, Step[]>()
const hits = new Map<string, number>()
let server: http.Server
let base: string

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const n = hits.get(req.url ?? '') ?? 0
    hits.set(req.url ?? '', n + 1)
    const script = scripts.get(req.url ?? '') ?? [{status: 404}]
    const step = script[Math.min(n, script.length - 1)] as Step
    if (step === 'hang') return void res.writeHead(200, {'content-length': '100'}).write('x')
    if (step === 'truncate') {
      res.writeHead(200, {'content-length': '100'}).write('partial')
      return void setTimeout(() => res.socket?.destroy(), 10)
    }
    res.writeHead(step.status, step.headers).end(step.body ?? '')
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise(resolve => server.close(resolve))
})

function recorder(): RetryOptions & {delays: number[]; retries: string[]} {
  const delays: number[] = []
  const retries: string[] = []
  return {delays, retries, attempts: 4, baseDelayMs: 100, random: () => 1, sleep: async ms => void delays.push(ms), onRetry: m => void retries.push(m), idleTimeoutMs: 300}
}

describe('getText with retries', () => {
  it('retries 5xx with exponential backoff and succeeds', async () => {
    scripts.set('/flaky', [{status: 500}, {status: 503}, {status: 200, body: 'ok'}])
    const retry = recorder()
    await expect(getText(`${base}/flaky`, 'the index', retry)).resolves.toBe('ok')
    expect(retry.delays).toEqual([100, 200])
    expect(retry.retries[0]).toBe(`the index: ${base}/flaky answered 500 Internal Server Error; retrying in 0.1 s (attempt 2 of 4)`)
  })

  it('honours Retry-After on 429', async () => {
    scripts.set('/busy', [{status: 429, headers: {'retry-after': '2'}}, {status: 200, body: 'ok'}])
    const retry = recorder()
    await expect(getText(`${base}/busy`, 'the index', retry)).resolves.toBe('ok')
    expect(retry.delays).toEqual([2000])
  })

  it('gives up after the last attempt, saying so', async () => {
    scripts.set('/down', [{status: 502}])
    const retry = recorder()
    await expect(getText(`${base}/down`, 'the index', retry)).rejects.toThrow(`the index: ${base}/down answered 502 Bad Gateway (gave up after 4 attempts)`)
    expect(hits.get('/down')).toBe(4)
  })

  it('does not retry a 404 and says what is missing', async () => {
    scripts.set('/missing', [{status: 404}])
    const retry = recorder()
    await expect(getText(`${base}/missing`, 'go1.22.99.linux-amd64.tar.gz', retry)).rejects.toThrow(
      `go1.22.99.linux-amd64.tar.gz: not found at ${base}/missing (404)`
    )
    expect(hits.get('/missing')).toBe(1)
    expect(retry.delays).toEqual([])
  })

  it('retries a truncated body and a body that stalls', async () => {
    scripts.set('/cut', ['truncate', {status: 200, body: 'whole'}])
    scripts.set('/stall', ['hang', {status: 200, body: 'whole'}])
    const retry = recorder()
    await expect(getText(`${base}/cut`, 'cut', retry)).resolves.toBe('whole')
    await expect(getText(`${base}/stall`, 'stall', retry)).resolves.toBe('whole')
    expect(retry.retries).toHaveLength(2)
    expect(retry.retries[1]).toMatch(/^stall: .*sent nothing for 0.3 s; retrying/)
  })

  it('does not retry other 4xx', async () => {
    scripts.set('/forbidden', [{status: 403}])
    await expect(openStream(`${base}/forbidden`, {what: 'x'})).rejects.toEqual(new HttpError(`x: ${base}/forbidden answered 403 Forbidden`, false, 403))
  })

  it('retries a refused connection', async () => {
    const closed = http.createServer()
    await new Promise<void>(resolve => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise(resolve => closed.close(resolve))
    const retry = {...recorder(), attempts: 2}
    await expect(getText(`http://127.0.0.1:${port}/`, 'the index', retry)).rejects.toThrow(/^the index: cannot fetch .*ECONNREFUSED.* \(gave up after 2 attempts\)$/)
  })
})

describe('backoff', () => {
  it.each([
    [1, 1, 1000],
    [2, 1, 2000],
    [3, 0, 2000],
    [10, 1, 30_000]
  ])('retry %d with jitter %d waits %d ms', (retry, random, ms) => {
    expect(backoffDelay(retry, {random: () => random})).toBe(ms)
  })

  it('prefers Retry-After, capped', () => {
    expect(backoffDelay(1, {}, 5000)).toBe(5000)
    expect(backoffDelay(1, {maxDelayMs: 3000}, 5000)).toBe(3000)
  })

  it.each([
    ['3', 3000],
    [' 0 ', 0],
    ['Sat, 21 Nov 2026 10:00:05 GMT', 5000],
    ['soon', undefined],
    [undefined, undefined]
  ])('Retry-After %j is %j ms', (header, ms) => {
    expect(parseRetryAfter(header, Date.parse('Sat, 21 Nov 2026 10:00:00 GMT'))).toBe(ms)
  })
})
