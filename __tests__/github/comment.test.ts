import {afterAll, beforeAll, beforeEach, describe, expect, it} from '@jest/globals'
import {createGitHubClient, type GitHubClient, type GitHubRetryOptions} from '../../src/github/client.js'
import {commentBodyLimit, commentMarker, isMarkedComment, markedBody, upsertComment} from '../../src/github/comment.js'
import {COMMENT_LIMIT_BYTES} from '../../src/report/summary.js'
import {startGitHubStandIn, type GitHubStandIn} from '../helpers/github-stand-in.js'
import {recordingLogger} from './recording-logger.js'

describe('commentMarker', () => {
  it.each([
    ['', '<!-- go-matrix:comment key="" -->'],
    ['unit', '<!-- go-matrix:comment key="unit" -->'],
    ['linux / go1.22', '<!-- go-matrix:comment key="linux%20%2F%20go1.22" -->'],
    ['a"b', '<!-- go-matrix:comment key="a%22b" -->'],
    ['--> <script>', '<!-- go-matrix:comment key="--%3E%20%3Cscript%3E" -->'],
    ['x\n--!>', '<!-- go-matrix:comment key="x%0A--!%3E" -->'],
    ['ünïcode', '<!-- go-matrix:comment key="%C3%BCn%C3%AFcode" -->']
  ])('%j', (key, marker) => {
    expect(commentMarker(key)).toBe(marker)
  })

  it.each(['-->', '--!>', '"-->', 'a\n-->\n<b>', '<!-- x -->', '"'])('no key can end the comment or the attribute early: %j', key => {
    const marker = commentMarker(key)
    expect(marker.indexOf('-->')).toBe(marker.length - 3)
    expect(marker).not.toContain('--!>')
    expect(marker.match(/"/g)).toHaveLength(2)
    expect(marker).not.toContain('\n')
  })
})

describe('isMarkedComment', () => {
  const body = `${commentMarker('unit')}\n✅ All 2 Go versions passed.`
  it.each<[string, string | null | undefined, string, boolean]>([
    ['our comment', body, 'unit', true],
    ['our comment after blank lines', `\n\n${body}`, 'unit', true],
    ['another key', body, 'integration', false],
    ['a key that the other extends', `${commentMarker('unit-linux')}\nx`, 'unit', false],
    ['the default key vs a named one', `${commentMarker('')}\nx`, 'unit', false],
    ['a reply quoting the marker', `> ${body}\n\nThanks!`, 'unit', false],
    ['a comment mentioning the marker later', `Look at this:\n${body}`, 'unit', false],
    ['a comment without a body', null, 'unit', false],
    ['an empty comment', '', '', false]
  ])('%s', (_name, text, key, expected) => {
    expect(isMarkedComment(text, key)).toBe(expected)
  })
})

describe('markedBody', () => {
  it('puts the marker on the first line', () => {
    expect(markedBody('hello', 'k')).toBe(`${commentMarker('k')}\nhello`)
  })

  it('keeps a body of exactly the limit whole', () => {
    const body = 'x'.repeat(commentBodyLimit('k'))
    expect(markedBody(body, 'k')).toHaveLength(COMMENT_LIMIT_BYTES)
    expect(markedBody(body, 'k').endsWith('x')).toBe(true)
  })

  it('cuts a longer body at a line end, with a note, within the limit', () => {
    const lines = Array.from({length: 3000}, (_, i) => `| row ${i} | ${'y'.repeat(20)} |`)
    const out = markedBody(lines.join('\n'), 'k')
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT_BYTES)
    expect(out).toMatch(/\| y{20} \|\n\n… cut to GitHub's 65,536-character comment limit; the job summary has the whole report\.$/)
  })

  // Keys of both lengths' parities, so that one of them puts the cut inside a pair.
  it.each(['k', 'kk'])('never splits a surrogate pair when there is no line end to cut at (key %j)', key => {
    const out = markedBody('😀'.repeat(40000), key)
    expect(out.length).toBeLessThanOrEqual(COMMENT_LIMIT_BYTES)
    expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })
})

describe('upsertComment against the stand-in', () => {
  const token = 'ghs_commentTestToken0987654321'
  let standIn: GitHubStandIn
  let client: GitHubClient
  let delays: number[]
  const retry: GitHubRetryOptions = {random: () => 1, sleep: async ms => void delays.push(ms)}
  let issue = 100
  const where = () => ({owner: 'gomatrix-org', repo: 'widgets', issueNumber: issue})
  const ours = (key = '') => standIn.comments.filter(c => c.issueNumber === issue && isMarkedComment(c.body, key))
  const calls = () => standIn.requests.map(r => `${r.method} ${r.path}${r.query.page ? `?page=${r.query.page}` : ''}`)

  beforeAll(async () => {
    standIn = await startGitHubStandIn({token})
    client = await createGitHubClient({token, apiUrl: standIn.apiUrl, logger: recordingLogger(), retry})
  })
  afterAll(() => standIn.close())
  beforeEach(() => {
    issue++
    delays = []
    standIn.setFault(undefined)
    standIn.requests.length = 0
  })

  it('creates the comment once, then updates it in place', async () => {
    const logger = recordingLogger()
    const first = await upsertComment({client, ...where(), key: '', body: 'run 1', logger})
    expect(first).toEqual({action: 'created', url: `https://github.com/gomatrix-org/widgets/pull/${issue}#issuecomment-${ours()[0]?.id}`})
    const second = await upsertComment({client, ...where(), key: '', body: 'run 2', logger})
    expect(second).toEqual({action: 'updated', url: first.url})
    expect(ours()).toHaveLength(1)
    expect(ours()[0]?.body).toBe(`${commentMarker('')}\nrun 2`)
    expect(calls()).toEqual([
      `GET /repos/gomatrix-org/widgets/issues/${issue}/comments`,
      `POST /repos/gomatrix-org/widgets/issues/${issue}/comments`,
      `GET /repos/gomatrix-org/widgets/issues/${issue}/comments`,
      `PATCH /repos/gomatrix-org/widgets/issues/comments/${ours()[0]?.id}`
    ])
    expect(standIn.requests.every(r => r.authorized)).toBe(true)
    expect(logger.warnings).toEqual([])
  })

  it('leaves an identical comment alone', async () => {
    const logger = recordingLogger()
    await upsertComment({client, ...where(), key: 'k', body: 'same', logger})
    const again = await upsertComment({client, ...where(), key: 'k', body: 'same', logger})
    expect(again.action).toBe('unchanged')
    expect(calls().filter(c => c.startsWith('PATCH'))).toEqual([])
  })

  it('keeps one comment per key', async () => {
    const logger = recordingLogger()
    await upsertComment({client, ...where(), key: 'unit', body: 'u1', logger})
    await upsertComment({client, ...where(), key: 'integration', body: 'i1', logger})
    await upsertComment({client, ...where(), key: 'unit', body: 'u2', logger})
    expect(standIn.comments.filter(c => c.issueNumber === issue).map(c => c.body)).toEqual([
      `${commentMarker('unit')}\nu2`,
      `${commentMarker('integration')}\ni1`
    ])
  })

  it('does not take a reply that quotes the marker for its comment', async () => {
    standIn.comments.push({...standIn.comments[0]!, id: 99_000 + issue, issueNumber: issue, body: `> ${commentMarker('')}\n> old\n\nwhy?`, user: {login: 'grace-h', type: 'User'}})
    const result = await upsertComment({client, ...where(), key: '', body: 'fresh', logger: recordingLogger()})
    expect(result.action).toBe('created')
    expect(standIn.comments.find(c => c.id === 99_000 + issue)?.body).toContain('why?')
  })

  it('finds its comment on a later page and stops reading there', async () => {
    for (let i = 0; i < 150; i++) standIn.comments.push({...standIn.comments[0]!, id: 200_000 + issue * 1000 + i, issueNumber: issue, body: `chatter ${i}`, user: {login: 'ada-l', type: 'User'}})
    await upsertComment({client, ...where(), key: 'deep', body: 'v1', logger: recordingLogger()})
    for (let i = 0; i < 150; i++) standIn.comments.push({...standIn.comments[0]!, id: 400_000 + issue * 1000 + i, issueNumber: issue, body: `more ${i}`, user: {login: 'ada-l', type: 'User'}})
    standIn.requests.length = 0
    const result = await upsertComment({client, ...where(), key: 'deep', body: 'v2', logger: recordingLogger()})
    expect(result.action).toBe('updated')
    // 301 comments, ours the 151st: pages 1 and 2 of 100 are read, page 3 and 4 are not.
    expect(calls()).toEqual([
      `GET /repos/gomatrix-org/widgets/issues/${issue}/comments`,
      `GET /repos/gomatrix-org/widgets/issues/${issue}/comments?page=2`,
      `PATCH /repos/gomatrix-org/widgets/issues/comments/${ours('deep')[0]?.id}`
    ])
    expect(standIn.requests[0]?.query.per_page).toBe('100')
  })

  it('ends with a warning, not an error, when the token may not write (a fork)', async () => {
    standIn.setFault({on: 'write', status: 403})
    const logger = recordingLogger()
    const result = await upsertComment({client, ...where(), key: '', body: 'x', logger})
    const message =
      `cannot comment on pull request #${issue}: the token may not write to it (a pull request from a fork? or a workflow without ` +
      '`permissions: pull-requests: write`) ' +
      `(POST /repos/gomatrix-org/widgets/issues/${issue}/comments answered 403: Resource not accessible by integration); the job summary has the report`
    expect(result).toEqual({action: 'skipped', reason: message})
    expect(logger.warnings).toEqual([message])
    expect(ours()).toEqual([])
    expect(delays).toEqual([])
  })

  it('ends with a warning when the comments cannot be read', async () => {
    standIn.setFault({on: 'read', status: 404})
    const logger = recordingLogger()
    const result = await upsertComment({client, ...where(), key: '', body: 'x', logger})
    expect(result.action).toBe('skipped')
    expect(logger.warnings[0]).toMatch(new RegExp(`^cannot read the comments of pull request #${issue}: the token may not read it`))
  })

  it('retries server errors, then comments', async () => {
    standIn.setFault({on: 'write', status: 502, times: 2})
    const result = await upsertComment({client, ...where(), key: '', body: 'x', logger: recordingLogger()})
    expect(result.action).toBe('created')
    expect(delays).toEqual([1000, 2000])
    expect(ours()).toHaveLength(1)
  })

  it('honours retry-after on a secondary rate limit, then comments', async () => {
    standIn.setFault({on: 'write', secondaryRateLimit: true, retryAfter: 5, times: 1})
    const result = await upsertComment({client, ...where(), key: '', body: 'x', logger: recordingLogger()})
    expect(result.action).toBe('created')
    expect(delays).toEqual([5000])
  })

  it('gives up on a rate limit with a warning that does not blame the token', async () => {
    standIn.setFault({on: 'write', primaryRateLimit: {resetAfter: 3600}})
    const logger = recordingLogger()
    const result = await upsertComment({client, ...where(), key: '', body: 'x', logger})
    expect(result.action).toBe('skipped')
    expect(logger.warnings[0]).toMatch(
      new RegExp(`^cannot comment on pull request #${issue}: POST \\S+ answered 403: API rate limit exceeded for installation ID 1\\. \\(rate limit exhausted until .*: waiting \\d+ s is longer than the 60 s allowed\\); the job summary has the report$`)
    )
  })

  it('gives up on a server that stays down with a warning', async () => {
    standIn.setFault({status: 503})
    const logger = recordingLogger()
    const result = await upsertComment({client, ...where(), key: '', body: 'x', logger})
    expect(result.action).toBe('skipped')
    expect(logger.warnings).toEqual([
      `cannot read the comments of pull request #${issue}: GET /repos/gomatrix-org/widgets/issues/${issue}/comments answered 503: Server Error (gave up after 5 attempts); the job summary has the report`
    ])
    expect(standIn.requests).toHaveLength(5)
  })

  it('posts a body longer than GitHub allows, cut to fit', async () => {
    const body = Array.from({length: 5000}, (_, i) => `- failing test ${i}: ${'z'.repeat(10)}`).join('\n')
    const result = await upsertComment({client, ...where(), key: '', body, logger: recordingLogger()})
    expect(result.action).toBe('created')
    expect(ours()[0]?.body.length).toBeLessThanOrEqual(COMMENT_LIMIT_BYTES)
  })

  it('ends with a warning when nothing answers', async () => {
    const gone = await startGitHubStandIn()
    await gone.close()
    const logger = recordingLogger()
    const deadClient = await createGitHubClient({token, apiUrl: gone.apiUrl, logger, retry: {...retry, attempts: 2}})
    const result = await upsertComment({client: deadClient, ...where(), key: '', body: 'x', logger})
    expect(result.action).toBe('skipped')
    expect(logger.warnings[0]).toMatch(/^cannot read the comments of pull request #\d+: GET \S+ got no answer \(.*ECONNREFUSED.*\) \(gave up after 2 attempts\); the job summary has the report$/)
    expect(logger.all().join('\n')).not.toContain(token)
  })
})
