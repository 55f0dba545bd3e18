import {afterAll, beforeAll, beforeEach, describe, expect, it} from '@jest/globals'
import {createGitHubClient, decideRetry, GitHubApiError, redact, type AttemptFailure, type GitHubRetryOptions} from '../../src/github/client.js'
import {startGitHubStandIn, type GitHubStandIn} from '../helpers/github-stand-in.js'
import {recordingLogger} from './recording-logger.js'

const NOW = Date.parse('2026-11-21T12:00:00Z')
const failure = (status: number, headers: Record<string, string> = {}, message = ''): AttemptFailure => ({status, headers, message})
const options: GitHubRetryOptions = {now: () => NOW, random: () => 1, baseDelayMs: 1000, maxDelayMs: 60_000}

describe('decideRetry', () => {
  it.each<[string, AttemptFailure, number, ReturnType<typeof decideRetry>]>([
    ['500, first retry', failure(500), 1, {retry: true, delayMs: 1000, why: 'server error'}],
    ['502, third retry doubles twice', failure(502), 3, {retry: true, delayMs: 4000, why: 'server error'}],
    ['503 with retry-after', failure(503, {'retry-after': '7'}), 1, {retry: true, delayMs: 7000, why: 'server error'}],
    ['no response (reset, refused, timed out)', failure(0, {}, 'other side closed'), 1, {retry: true, delayMs: 1000, why: 'server error'}],
    ['429 with retry-after', failure(429, {'retry-after': '3'}), 1, {retry: true, delayMs: 3000, why: 'rate limited (retry-after 3 s)'}],
    [
      '403 secondary rate limit with retry-after',
      failure(403, {'retry-after': '2'}, 'You have exceeded a secondary rate limit.'),
      1,
      {retry: true, delayMs: 2000, why: 'rate limited (retry-after 2 s)'}
    ],
    ['403 secondary rate limit without headers waits a minute', failure(403, {}, 'You have exceeded a secondary rate limit'), 1, {retry: true, delayMs: 60_000, why: 'secondary rate limit'}],
    [
      '403 with no requests left until 30 s from now',
      failure(403, {'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 30)}, 'API rate limit exceeded'),
      1,
      {retry: true, delayMs: 31_000, why: 'rate limit exhausted until 2026-11-21T12:00:30.000Z'}
    ],
    [
      '403 with no requests left for an hour: given up',
      failure(403, {'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 3600)}, 'API rate limit exceeded'),
      1,
      {retry: false, why: 'rate limit exhausted until 2026-11-21T13:00:00.000Z: waiting 3601 s is longer than the 60 s allowed'}
    ],
    ['429 asking for ten minutes: given up', failure(429, {'retry-after': '600'}), 1, {retry: false, why: 'rate limited (retry-after 600 s): waiting 600 s is longer than the 60 s allowed'}],
    ['403 refusal', failure(403, {}, 'Resource not accessible by integration'), 1, {retry: false}],
    ['404', failure(404, {}, 'Not Found'), 1, {retry: false}],
    ['422', failure(422, {}, 'Validation Failed'), 1, {retry: false}],
    ['401', failure(401, {}, 'Bad credentials'), 1, {retry: false}]
  ])('%s', (_name, f, retry, expected) => {
    expect(decideRetry(f, retry, options)).toEqual(expected)
  })

  it('honours retry-after given as an HTTP date', () => {
    const at = new Date(NOW + 5000).toUTCString()
    expect(decideRetry(failure(429, {'retry-after': at}), 1, options)).toMatchObject({retry: true, delayMs: 5000})
  })

  it('caps server error backoff at maxDelayMs', () => {
    expect(decideRetry(failure(500), 10, {...options, maxDelayMs: 8000})).toMatchObject({retry: true, delayMs: 8000})
  })
})

describe('redact', () => {
  it('replaces every occurrence of the secret', () => {
    expect(redact('a ghs_x b ghs_x', 'ghs_x')).toBe('a *** b ***')
    expect(redact('nothing to hide', '')).toBe('nothing to hide')
  })
})

describe('the client against the stand-in', () => {
  const token = 'ghs_standInSecretToken1234567890'
  let standIn: GitHubStandIn
  let delays: number[]
  const retry = (extra: GitHubRetryOptions = {}): GitHubRetryOptions => ({random: () => 1, sleep: async ms => void delays.push(ms), ...extra})
  // Issue 1 is only read; comments are written to issue 2.
  const list = async (client: Awaited<ReturnType<typeof createGitHubClient>>) =>
    (await client.rest.issues.listComments({owner: 'o', repo: 'r', issue_number: 1})).data

  beforeAll(async () => {
    standIn = await startGitHubStandIn({token})
  })
  afterAll(() => standIn.close())
  beforeEach(() => {
    delays = []
    standIn.setFault(undefined)
    standIn.requests.length = 0
  })

  it('sends the token but the stand-in never records it', async () => {
    const logger = recordingLogger()
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger})
    await expect(list(client)).resolves.toEqual([])
    expect(standIn.requests).toHaveLength(1)
    expect(standIn.requests[0]).toMatchObject({method: 'GET', path: '/repos/o/r/issues/1/comments', authorized: true})
    expect(JSON.stringify(standIn.requests)).not.toContain(token)
  })

  it('retries server errors with backoff, then succeeds', async () => {
    standIn.setFault({status: 500, times: 2})
    const logger = recordingLogger()
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger, retry: retry()})
    await expect(list(client)).resolves.toEqual([])
    expect(standIn.requests).toHaveLength(3)
    expect(delays).toEqual([1000, 2000])
    expect(logger.infos[0]).toBe('GET /repos/o/r/issues/1/comments answered 500: Server Error (server error); retrying in 1.0 s (attempt 2 of 5)')
  })

  it('honours retry-after on a secondary rate limit', async () => {
    standIn.setFault({on: 'write', secondaryRateLimit: true, retryAfter: 3, times: 1})
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger: recordingLogger(), retry: retry()})
    const {data} = await client.rest.issues.createComment({owner: 'o', repo: 'r', issue_number: 2, body: 'hi'})
    expect(data.body).toBe('hi')
    expect(delays).toEqual([3000])
    expect(standIn.requests.map(r => `${r.method} ${r.path}`)).toEqual(['POST /repos/o/r/issues/2/comments', 'POST /repos/o/r/issues/2/comments'])
  })

  it('gives up after the last attempt with an error naming the request and the answer', async () => {
    standIn.setFault({status: 502})
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger: recordingLogger(), retry: retry({attempts: 3})})
    const err = await list(client).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(GitHubApiError)
    expect((err as GitHubApiError).message).toBe('GET /repos/o/r/issues/1/comments answered 502: Server Error (gave up after 3 attempts)')
    expect((err as GitHubApiError).status).toBe(502)
    expect(standIn.requests).toHaveLength(3)
  })

  it('stops retrying when the waits would exceed the total allowed', async () => {
    standIn.setFault({status: 429, retryAfter: 40})
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger: recordingLogger(), retry: retry({maxTotalDelayMs: 100_000})})
    const err = (await list(client).catch((e: unknown) => e)) as GitHubApiError
    expect(delays).toEqual([40_000, 40_000])
    expect(err.message).toContain('(gave up after 3 attempts)')
    expect(err.rateLimited).toBe(true)
  })

  it('does not retry a refusal', async () => {
    standIn.setFault({on: 'write', status: 403})
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger: recordingLogger(), retry: retry()})
    const err = (await client.rest.issues.createComment({owner: 'o', repo: 'r', issue_number: 2, body: 'x'}).catch((e: unknown) => e)) as GitHubApiError
    expect(err.message).toBe('POST /repos/o/r/issues/2/comments answered 403: Resource not accessible by integration')
    expect(err.rateLimited).toBe(false)
    expect(standIn.requests).toHaveLength(1)
    expect(delays).toEqual([])
  })

  it('times out an attempt that gets no answer and retries it', async () => {
    standIn.setFault({delayMs: 1500, times: 1})
    const logger = recordingLogger()
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger, retry: retry({timeoutMs: 300})})
    await expect(list(client)).resolves.toEqual([])
    expect(standIn.requests).toHaveLength(2)
    expect(delays).toHaveLength(1)
    expect(logger.infos[0]).toMatch(/^GET \/repos\/o\/r\/issues\/1\/comments got no answer \(.*timeout.*\) \(server error\); retrying in 1\.0 s \(attempt 2 of 5\)$/)
  })

  it('keeps the token out of every message, even when the API echoes it', async () => {
    standIn.setFault({status: 500, message: `bad token ${token}`})
    const logger = recordingLogger()
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger, retry: retry({attempts: 2})})
    const err = (await list(client).catch((e: unknown) => e)) as GitHubApiError
    expect(err.message).toContain('bad token ***')
    expect(err.message).not.toContain(token)
    expect((err.cause as Error).message).not.toContain(token)
    expect(logger.all().join('\n')).not.toContain(token)
    expect(logger.infos).toHaveLength(1)
  })

  it('says the API returned a non-JSON response when a proxy answers with a page of HTML', async () => {
    standIn.setFault({html: true})
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger: recordingLogger(), retry: retry()})
    const expected = 'GET /repos/o/r/issues/1/comments: the API returned a non-JSON response (status 200, content type text/html)'
    // Through pagination, as the comment flow lists comments: Octokit alone fails with "Cannot use 'in' operator to search for 'total_count'".
    const paged = await client.paginate(client.rest.issues.listComments, {owner: 'o', repo: 'r', issue_number: 1}).catch((e: unknown) => e)
    expect(paged).toBeInstanceOf(GitHubApiError)
    expect((paged as GitHubApiError).message).toBe(expected)
    expect(((await list(client).catch((e: unknown) => e)) as Error).message).toBe(expected)
    expect(delays).toEqual([])
  })

  it('names a non-JSON error page by its status and content type, not its HTML', async () => {
    standIn.setFault({html: true, status: 502})
    const client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger: recordingLogger(), retry: retry({attempts: 2})})
    const err = (await list(client).catch((e: unknown) => e)) as GitHubApiError
    expect(err.message).toBe('GET /repos/o/r/issues/1/comments answered 502: the API returned a non-JSON response (status 502, content type text/html) (gave up after 2 attempts)')
  })

  it('refuses an empty token', async () => {
    await expect(createGitHubClient({token: ' ', apiUrl: standIn.apiUrl, logger: recordingLogger()})).rejects.toThrow('github-token is empty')
  })
})
