import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import http from 'node:http'
import {connect, type AddressInfo} from 'node:net'
import type {Duplex} from 'node:stream'
import {getText, HttpError, MAX_REDIRECTS, openStream, withRetries, type RetryOptions} from '../../src/transport/http.js'
import {backoffDelay, parseRetryAfter, withDeadline} from '../../src/transport/retry.js'

/**
 * A server answering each path with a script of responses, one per request, the last repeating.
 * 'hang': headers and one byte of a 100-byte body, then nothing; 'silent': not even headers;
 * 'drip': a byte every 50 ms, forever.
 */
type Step = {status: number; body?: string; headers?: Record<string, string>} | 'truncate' | 'hang' | 'silent' | 'drip'
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
    if (step === 'silent') return
    if (step === 'drip') {
      res.writeHead(200, {'content-length': '1000000'})
      const timer = setInterval(() => res.write('x'), 50)
      return void res.on('close', () => clearInterval(timer))
    }
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

describe('redirects', () => {
  it('follows a relative Location against the URL that sent it', async () => {
    scripts.set('/dl/', [{status: 302, headers: {location: '/mirror/dl/index.json'}}])
    scripts.set('/mirror/dl/index.json', [{status: 301, headers: {location: 'real.json'}}])
    scripts.set('/mirror/dl/real.json', [{status: 200, body: '[]'}])
    await expect(getText(`${base}/dl/`, 'the index', recorder())).resolves.toBe('[]')
    const {url} = await openStream(`${base}/dl/`, {what: 'x'})
    expect(url).toBe(`${base}/mirror/dl/real.json`)
  })

  it('says "too many redirects" for a loop, without retrying it', async () => {
    scripts.set('/loop-a', [{status: 302, headers: {location: '/loop-b'}}])
    scripts.set('/loop-b', [{status: 307, headers: {location: `${base}/loop-a`}}])
    const retry = recorder()
    await expect(getText(`${base}/loop-a`, 'the index', retry)).rejects.toThrow(`the index: too many redirects: ${base}/loop-b redirects back to ${base}/loop-a, a loop`)
    expect(retry.retries).toEqual([])
  })

  it(`says "too many redirects" after ${MAX_REDIRECTS} of them`, async () => {
    for (let i = 0; i <= MAX_REDIRECTS + 1; i++) scripts.set(`/hop-${i}`, [{status: 302, headers: {location: `/hop-${i + 1}`}}])
    await expect(openStream(`${base}/hop-0`, {what: 'x'})).rejects.toThrow(`x: too many redirects: more than ${MAX_REDIRECTS} from ${base}/hop-0 (the last to ${base}/hop-${MAX_REDIRECTS + 1})`)
    scripts.set(`/hop-${MAX_REDIRECTS}`, [{status: 200, body: 'arrived'}])
    await expect(getText(`${base}/hop-0`, 'x', recorder())).resolves.toBe('arrived')
  })

  it('names a Location that is not a URL and one that is not http', async () => {
    scripts.set('/bad-location', [{status: 302, headers: {location: 'http://['}}])
    scripts.set('/ftp', [{status: 302, headers: {location: 'ftp://example.com/x'}}])
    await expect(openStream(`${base}/bad-location`, {what: 'x'})).rejects.toThrow(`x: ${base}/bad-location redirects to "http://[", which is not a URL`)
    await expect(openStream(`${base}/ftp`, {what: 'x'})).rejects.toThrow(`x: ${base}/ftp redirects to ftp://example.com/x: only http and https are followed`)
  })
})

describe('cancellation and deadlines', () => {
  const cancelled = (): AbortController => {
    const controller = new AbortController()
    setTimeout(() => controller.abort(new Error('cancelled by SIGTERM')), 200)
    return controller
  }

  it.each(['silent', 'hang', 'drip'] as const)('a %s server: the request ends at once with the reason', async step => {
    scripts.set(`/cancel-${step}`, [step])
    const controller = cancelled()
    const started = performance.now()
    // Idle timeout and backoff far longer than the test: only the signal can end it this soon.
    const retry = {...recorder(), idleTimeoutMs: 60_000, sleep: undefined}
    await expect(getText(`${base}/cancel-${step}`, 'x', retry, controller.signal)).rejects.toThrow('cancelled by SIGTERM')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('a backoff ends at once with the reason', async () => {
    scripts.set('/cancel-backoff', [{status: 503}])
    const controller = cancelled()
    const started = performance.now()
    const retry = {attempts: 4, baseDelayMs: 60_000}
    await expect(getText(`${base}/cancel-backoff`, 'x', retry, controller.signal)).rejects.toThrow('cancelled by SIGTERM')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('an injected sleep is abandoned too, and no attempt starts after the abort', async () => {
    const controller = new AbortController()
    let attempts = 0
    const work = withRetries(
      {attempts: 5, sleep: () => new Promise(() => undefined)},
      async () => {
        attempts++
        setTimeout(() => controller.abort(new Error('stop')), 10)
        throw new HttpError('flaky', true)
      },
      controller.signal
    )
    await expect(work).rejects.toThrow('stop')
    expect(attempts).toBe(1)
  })

  it('a deadline ends a download that drips, whatever its retries, with the error it names', async () => {
    scripts.set('/deadline', ['drip'])
    const started = performance.now()
    const retry = {...recorder(), idleTimeoutMs: 60_000}
    const expired = (): Error => new HttpError('x: past the deadline', false)
    await expect(withDeadline(400, expired, undefined, signal => getText(`${base}/deadline`, 'x', retry, signal))).rejects.toThrow('x: past the deadline')
    expect(performance.now() - started).toBeLessThan(1400)
    expect(retry.retries).toEqual([])
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

describe('the runner proxy settings', () => {
  const fast: RetryOptions = {attempts: 2, baseDelayMs: 1, idleTimeoutMs: 5000}
  let proxy: http.Server
  const connects: string[] = []
  const saved = {http_proxy: process.env.http_proxy, no_proxy: process.env.no_proxy}

  beforeAll(async () => {
    // A forward proxy as runners have them: CONNECT host:port, tunnelled here to the test server
    // whatever the host (the name below resolves nowhere; only the proxy knows where it goes).
    proxy = http.createServer((_, res) => res.writeHead(405).end())
    proxy.on('connect', (req: http.IncomingMessage, client: Duplex) => {
      connects.push(req.url ?? '')
      const upstream = connect((server.address() as AddressInfo).port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
        upstream.pipe(client)
        client.pipe(upstream)
      })
      upstream.on('error', () => client.destroy())
    })
    await new Promise<void>(resolve => proxy.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    await new Promise(resolve => proxy.close(resolve))
  })

  it('route a download through http_proxy, and not a host no_proxy names', async () => {
    scripts.set('/through-proxy', [{status: 200, body: 'via the proxy'}])
    process.env.http_proxy = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`
    delete process.env.no_proxy
    expect(await getText('http://go-mirror.invalid/through-proxy', 'the index', fast)).toBe('via the proxy')
    expect(connects).toEqual(['go-mirror.invalid:80'])
    // The loopback mirror itself is never proxied, as @actions/http-client decides.
    scripts.set('/direct', [{status: 200, body: 'direct'}])
    expect(await getText(`${base}/direct`, 'the index', fast)).toBe('direct')
    process.env.no_proxy = 'go-mirror.invalid'
    await expect(getText('http://go-mirror.invalid/through-proxy', 'the index', {...fast, attempts: 1})).rejects.toThrow(/go-mirror\.invalid/)
    expect(connects).toEqual(['go-mirror.invalid:80'])
  })
})
