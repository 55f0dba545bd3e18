import {describe, expect, it} from '@jest/globals'
import {mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {isDefaultBranchPush, parseEvent, parseRepo, readGitHubContext, type GitHubEnv} from '../../src/github/event.js'

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'events')
const fixture = (name: string): string => path.join(fixtures, name)

/** The variables a runner sets for a run of gomatrix-org/widgets, with the event's name and payload path. */
function runnerEnv(eventName: string, eventFile: string, extra: GitHubEnv = {}): GitHubEnv {
  return {
    GITHUB_EVENT_NAME: eventName,
    GITHUB_EVENT_PATH: fixture(eventFile),
    GITHUB_REPOSITORY: 'gomatrix-org/widgets',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_RUN_ID: '11873920145',
    GITHUB_SHA: 'c0ffee1e6b7a4d3c2b1a09f8e7d6c5b4a3928171',
    GITHUB_REF: 'refs/heads/main',
    ...extra
  }
}

describe('readGitHubContext with saved payloads', () => {
  it('reads a push to the default branch', async () => {
    const ctx = await readGitHubContext(runnerEnv('push', 'push.json'))
    expect(ctx).toEqual({
      eventName: 'push',
      repo: {owner: 'gomatrix-org', name: 'widgets'},
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runId: '11873920145',
      runUrl: 'https://github.com/gomatrix-org/widgets/actions/runs/11873920145',
      sha: 'c0ffee1e6b7a4d3c2b1a09f8e7d6c5b4a3928171',
      ref: 'refs/heads/main',
      defaultBranch: 'main',
      pullRequest: null,
      push: {before: '9fceb02d0ae598e95dc970b74767f19372d61af8', after: 'c0ffee1e6b7a4d3c2b1a09f8e7d6c5b4a3928171'}
    })
    expect(isDefaultBranchPush(ctx)).toBe(true)
  })

  it('reads a push that creates a branch: no before commit, not the default branch', async () => {
    const ctx = await readGitHubContext(runnerEnv('push', 'push-new-branch.json', {GITHUB_REF: 'refs/heads/feature/exact-size'}))
    expect(ctx.push).toEqual({before: null, after: 'c0ffee1e6b7a4d3c2b1a09f8e7d6c5b4a3928171'})
    expect(isDefaultBranchPush(ctx)).toBe(false)
  })

  it('reads a pull request from a branch of the same repository', async () => {
    const ctx = await readGitHubContext(runnerEnv('pull_request', 'pull_request.json', {GITHUB_REF: 'refs/pull/12/merge'}))
    expect(ctx.pullRequest).toEqual({
      number: 12,
      baseSha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
      headSha: '7d3e1f2a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e',
      baseRef: 'main',
      headRef: 'exact-size',
      headRepoFullName: 'gomatrix-org/widgets',
      isFork: false
    })
    expect(ctx.push).toBeNull()
    expect(ctx.defaultBranch).toBe('main')
    expect(isDefaultBranchPush(ctx)).toBe(false)
  })

  it.each(['pull_request', 'pull_request_target'])('reads a %s event from a fork', async eventName => {
    const ctx = await readGitHubContext(runnerEnv(eventName, 'pull_request-fork.json'))
    expect(ctx.eventName).toBe(eventName)
    expect(ctx.pullRequest).toMatchObject({number: 27, headRepoFullName: 'grace-h/widgets', headRef: 'main', baseRef: 'main', isFork: true})
  })

  it('takes a pull request whose head repository was deleted for a fork', async () => {
    const ctx = await readGitHubContext(runnerEnv('pull_request', 'pull_request-deleted-fork.json'))
    expect(ctx.pullRequest).toMatchObject({number: 31, headRepoFullName: '', isFork: true})
  })
})

describe('parseEvent', () => {
  it('falls back to defaults and the payload outside a runner', () => {
    const ctx = parseEvent({}, {repository: {full_name: 'a/b', default_branch: 'trunk'}})
    expect(ctx).toMatchObject({
      eventName: '',
      repo: {owner: 'a', name: 'b'},
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runUrl: null,
      defaultBranch: 'trunk',
      pullRequest: null,
      push: null
    })
  })

  it('builds the run URL on GitHub Enterprise Server, without doubled slashes', () => {
    const ctx = parseEvent(
      {GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_API_URL: 'https://ghe.example.com/api/v3/', GITHUB_REPOSITORY: 'team/svc', GITHUB_RUN_ID: '7'},
      {}
    )
    expect(ctx.runUrl).toBe('https://ghe.example.com/team/svc/actions/runs/7')
    expect(ctx.apiUrl).toBe('https://ghe.example.com/api/v3')
  })

  it.each([
    ['not an object', 'a string'],
    ['a pull request without a number', {pull_request: {head: {sha: 'x'}}}],
    ['a pull request with number 0', {pull_request: {number: 0}}]
  ])('ignores %s', (_what, payload) => {
    expect(parseEvent({GITHUB_EVENT_NAME: 'pull_request'}, payload).pullRequest).toBeNull()
  })

  it('tells a fork by repository name regardless of case', () => {
    const pr = (head: string, base: string): unknown => ({pull_request: {number: 1, head: {repo: {full_name: head}}, base: {repo: {full_name: base}}}})
    expect(parseEvent({}, pr('Org/Repo', 'org/repo')).pullRequest?.isFork).toBe(false)
    expect(parseEvent({}, pr('someone/repo', 'org/repo')).pullRequest?.isFork).toBe(true)
  })
})

describe('parseRepo', () => {
  it.each([
    ['octo/hello', {owner: 'octo', name: 'hello'}],
    [' octo/hello.go ', {owner: 'octo', name: 'hello.go'}],
    ['octo', null],
    ['octo/hello/extra', null],
    ['', null]
  ])('%j', (text, expected) => {
    expect(parseRepo(text)).toEqual(expected)
  })
})

describe('readGitHubContext errors', () => {
  it('names the payload file it cannot parse', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-event-'))
    const file = path.join(dir, 'event.json')
    await writeFile(file, '{"truncated": ')
    await expect(readGitHubContext({GITHUB_EVENT_PATH: file})).rejects.toThrow(`GITHUB_EVENT_PATH ${file}: the event payload is not JSON`)
  })

  it('names the payload file it cannot read', async () => {
    await expect(readGitHubContext({GITHUB_EVENT_PATH: '/nonexistent/event.json'})).rejects.toThrow(
      'GITHUB_EVENT_PATH /nonexistent/event.json: cannot read the event payload'
    )
  })

  it('needs no payload when GITHUB_EVENT_PATH is unset', async () => {
    await expect(readGitHubContext({GITHUB_REPOSITORY: 'o/r'})).resolves.toMatchObject({repo: {owner: 'o', name: 'r'}, pullRequest: null})
  })
})
