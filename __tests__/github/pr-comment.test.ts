import {afterAll, beforeAll, beforeEach, describe, expect, it} from '@jest/globals'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {decideComment, shouldComment} from '../../src/github/comment.js'
import {parseEvent, readGitHubContext, type GitHubContext} from '../../src/github/event.js'
import {commentOnPullRequest} from '../../src/github/pr-comment.js'
import type {Options} from '../../src/inputs/options.js'
import {startGitHubStandIn, type GitHubStandIn} from '../helpers/github-stand-in.js'
import {recordingLogger} from './recording-logger.js'

const events = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'events')
type CommentOptions = Pick<Options, 'comment' | 'mode' | 'commentKey' | 'githubToken'>
const options = (extra: Partial<CommentOptions> = {}): CommentOptions => ({comment: true, mode: 'run', commentKey: '', githubToken: 'ghs_prCommentToken', ...extra})
const prContext = (eventName: string, extra: Partial<GitHubContext> = {}): GitHubContext => ({
  ...parseEvent({GITHUB_EVENT_NAME: eventName, GITHUB_REPOSITORY: 'o/r'}, {pull_request: {number: 12}}),
  ...extra
})

describe('decideComment', () => {
  it.each<[string, GitHubContext, Partial<CommentOptions>, ReturnType<typeof decideComment>]>([
    ['pull_request', prContext('pull_request'), {}, {comment: true, issueNumber: 12}],
    ['pull_request_target', prContext('pull_request_target'), {}, {comment: true, issueNumber: 12}],
    ['comment: false', prContext('pull_request'), {comment: false}, {comment: false, reason: 'comment is false'}],
    ['mode collect', prContext('pull_request'), {mode: 'collect'}, {comment: false, reason: 'mode collect leaves the comment to the aggregate job'}],
    ['mode aggregate', prContext('pull_request'), {mode: 'aggregate'}, {comment: true, issueNumber: 12}],
    ['push', prContext('push'), {}, {comment: false, reason: 'the event is push, not a pull request'}],
    ['pull_request_review (has a pull request, but is not one of ours)', prContext('pull_request_review'), {}, {comment: false, reason: 'the event is pull_request_review, not a pull request'}],
    ['outside Actions', prContext(''), {}, {comment: false, reason: 'the run is not a GitHub Actions event, not a pull request'}],
    ['no pull request in the payload', prContext('pull_request', {pullRequest: null}), {}, {comment: false, reason: 'the pull_request event payload names no pull request'}],
    ['no repository', prContext('pull_request', {repo: null}), {}, {comment: false, reason: 'GITHUB_REPOSITORY is not set'}]
  ])('%s', (_name, ctx, extra, expected) => {
    expect(decideComment(ctx, options(extra))).toEqual(expected)
    expect(shouldComment(ctx, options(extra))).toBe(expected.comment)
  })
})

describe('commentOnPullRequest, as the action runs it', () => {
  const token = 'ghs_prCommentToken'
  let standIn: GitHubStandIn
  const contextFor = (eventName: string, file: string) =>
    readGitHubContext({
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: path.join(events, file),
      GITHUB_REPOSITORY: 'gomatrix-org/widgets',
      GITHUB_API_URL: standIn.apiUrl,
      GITHUB_RUN_ID: '42'
    })
  const fast = {sleep: async () => {}}

  beforeAll(async () => {
    standIn = await startGitHubStandIn({token})
  })
  afterAll(() => standIn.close())
  beforeEach(() => {
    standIn.setFault(undefined)
    standIn.requests.length = 0
  })

  it('creates the comment on the first run and updates it on the second', async () => {
    const ctx = await contextFor('pull_request', 'pull_request.json')
    const logger = recordingLogger()
    const first = await commentOnPullRequest({ctx, options: options(), body: `run 1: ${ctx.runUrl}`, logger, retry: fast})
    const second = await commentOnPullRequest({ctx, options: options(), body: 'run 2', logger, retry: fast})
    expect([first.action, second.action]).toEqual(['created', 'updated'])
    const onPr = standIn.comments.filter(c => c.issueNumber === 12)
    expect(onPr).toHaveLength(1)
    expect(onPr[0]?.body).toBe('<!-- go-matrix:comment key="" -->\nrun 2')
    expect(standIn.requests.map(r => r.method)).toEqual(['GET', 'POST', 'GET', 'PATCH'])
    expect(logger.warnings).toEqual([])
  })

  it('warns and goes on when a fork\'s token may not write', async () => {
    standIn.setFault({on: 'write', status: 403})
    const ctx = await contextFor('pull_request', 'pull_request-fork.json')
    const logger = recordingLogger()
    const result = await commentOnPullRequest({ctx, options: options(), body: 'x', logger, retry: fast})
    expect(result.action).toBe('skipped')
    expect(logger.warnings).toHaveLength(1)
    expect(logger.warnings[0]).toMatch(/^cannot comment on pull request #27: the token may not write to it \(a pull request from a fork\?/)
    expect(logger.all().join('\n')).not.toContain(token)
  })

  it('does nothing on a push, and says why only in the debug log', async () => {
    const ctx = await contextFor('push', 'push.json')
    const logger = recordingLogger()
    const result = await commentOnPullRequest({ctx, options: options(), body: 'x', logger})
    expect(result).toEqual({action: 'skipped', reason: 'the event is push, not a pull request'})
    expect(standIn.requests).toEqual([])
    expect(logger.warnings).toEqual([])
    expect(logger.debugs).toEqual(['go-matrix: no pull request comment: the event is push, not a pull request'])
  })

  it('warns when there is no token', async () => {
    const ctx = await contextFor('pull_request', 'pull_request.json')
    const logger = recordingLogger()
    const result = await commentOnPullRequest({ctx, options: options({githubToken: ''}), body: 'x', logger})
    expect(result.action).toBe('skipped')
    expect(logger.warnings).toEqual(['cannot comment on pull request #12: github-token is empty; the job summary has the report'])
    expect(standIn.requests).toEqual([])
  })
})
