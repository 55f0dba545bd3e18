/**
 * One pull request comment per `comment-key`, found again by a hidden marker and updated in place.
 * Commenting is a courtesy: whatever goes wrong (a fork's read-only token, GitHub down after the
 * retries) becomes a warning and the job summary stays the report; it never fails the job.
 */
import type {Options} from '../inputs/options.js'
import {COMMENT_LIMIT_BYTES} from '../report/summary.js'
import type {Logger} from '../util/log.js'
import {GitHubApiError, type GitHubClient} from './client.js'
import {PULL_REQUEST_EVENTS, type GitHubContext} from './event.js'

export type CommentDecision = {comment: true; issueNumber: number} | {comment: false; reason: string}

/**
 * Whether this run comments, and on which pull request: only on pull_request and
 * pull_request_target events, with `comment: true`, outside `mode: collect` (one leg of a larger
 * matrix leaves the comment to the aggregate job).
 */
export function decideComment(ctx: GitHubContext, options: Pick<Options, 'comment' | 'mode'>): CommentDecision {
  if (!options.comment) return {comment: false, reason: 'comment is false'}
  if (options.mode === 'collect') return {comment: false, reason: 'mode collect leaves the comment to the aggregate job'}
  if (!PULL_REQUEST_EVENTS.includes(ctx.eventName)) {
    return {comment: false, reason: `the ${ctx.eventName === '' ? 'run is not a GitHub Actions event' : `event is ${ctx.eventName}`}, not a pull request`}
  }
  if (!ctx.pullRequest) return {comment: false, reason: `the ${ctx.eventName} event payload names no pull request`}
  if (!ctx.repo) return {comment: false, reason: 'GITHUB_REPOSITORY is not set'}
  return {comment: true, issueNumber: ctx.pullRequest.number}
}

/** decideComment as a yes or no. */
export function shouldComment(ctx: GitHubContext, options: Pick<Options, 'comment' | 'mode'>): boolean {
  return decideComment(ctx, options).comment
}

/**
 * `<!-- go-matrix:comment key="KEY" -->`. The key is percent-encoded (as encodeURIComponent does),
 * so no key can hold `"`, `<`, `>` or a line break and close the attribute or the HTML comment early.
 */
export function commentMarker(key: string): string {
  return `<!-- go-matrix:comment key="${encodeURIComponent(key)}" -->`
}

/**
 * Whether a comment is ours for this key: its body starts with the marker. Only the start counts,
 * so a reply that quotes or copies the marker further down is never taken for ours.
 */
export function isMarkedComment(body: string | null | undefined, key: string): boolean {
  return typeof body === 'string' && body.trimStart().startsWith(commentMarker(key))
}

/** The body as posted: the marker on the first line, then the text, cut to GitHub's limit when needed. */
export function markedBody(body: string, key: string): string {
  const marker = commentMarker(key)
  const full = `${marker}\n${body}`
  if (full.length <= COMMENT_LIMIT_BYTES) return full
  const note = `\n\n… cut to GitHub's ${COMMENT_LIMIT_BYTES.toLocaleString('en-US')}-character comment limit; the job summary has the whole report.`
  let cut = body.slice(0, COMMENT_LIMIT_BYTES - marker.length - 1 - note.length)
  // Cut at a line end, and not inside a surrogate pair.
  const lineEnd = cut.lastIndexOf('\n')
  if (lineEnd > cut.length / 2) cut = cut.slice(0, lineEnd)
  else if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1)
  return `${marker}\n${cut}${note}`
}

/** How many characters of body fit in one comment with this key's marker (for the renderer's limit). */
export function commentBodyLimit(key: string): number {
  return COMMENT_LIMIT_BYTES - commentMarker(key).length - 1
}

export interface UpsertCommentArgs {
  client: GitHubClient
  owner: string
  repo: string
  issueNumber: number
  key: string
  body: string
  logger: Logger
}

export interface UpsertCommentResult {
  action: 'created' | 'updated' | 'unchanged' | 'skipped'
  /** The comment's page, when there is one. */
  url?: string
  /** Why nothing was posted (action 'skipped'). */
  reason?: string
}

export interface FoundComment {
  id: number
  body: string
  url: string
}

/**
 * The first comment on the issue whose body starts with this key's marker, reading the comments a
 * page of 100 at a time (GitHub lists them oldest first) and stopping at the first match.
 */
export async function findMarkedComment(
  client: GitHubClient,
  where: {owner: string; repo: string; issueNumber: number; key: string}
): Promise<FoundComment | null> {
  const pages = client.paginate.iterator(client.rest.issues.listComments, {
    owner: where.owner,
    repo: where.repo,
    issue_number: where.issueNumber,
    per_page: 100
  })
  for await (const page of pages) {
    const found = page.data.find(c => isMarkedComment(c.body, where.key))
    if (found) return {id: found.id, body: found.body ?? '', url: found.html_url}
  }
  return null
}

/**
 * Creates this key's comment on the pull request, or updates it in place. Never throws: a refusal
 * or an API that stays down is a warning and action 'skipped' with the reason.
 */
export async function upsertComment(args: UpsertCommentArgs): Promise<UpsertCommentResult> {
  const {client, owner, repo, issueNumber, key, logger} = args
  const body = markedBody(args.body, key)
  const pr = `pull request #${issueNumber}`
  let existing: FoundComment | null
  try {
    existing = await findMarkedComment(client, {owner, repo, issueNumber, key})
  } catch (err) {
    return skip(logger, `cannot read the comments of ${pr}: ${explain(err, 'read')}`)
  }
  try {
    if (existing) {
      if (existing.body === body) {
        logger.info(`go-matrix: the comment on ${pr} is already up to date: ${existing.url}`)
        return {action: 'unchanged', url: existing.url}
      }
      const {data} = await client.rest.issues.updateComment({owner, repo, comment_id: existing.id, body})
      logger.info(`go-matrix: updated the comment on ${pr}: ${data.html_url}`)
      return {action: 'updated', url: data.html_url}
    }
    const {data} = await client.rest.issues.createComment({owner, repo, issue_number: issueNumber, body})
    logger.info(`go-matrix: commented on ${pr}: ${data.html_url}`)
    return {action: 'created', url: data.html_url}
  } catch (err) {
    return skip(logger, `cannot comment on ${pr}: ${explain(err, 'write')}`)
  }
}

function skip(logger: Logger, reason: string): UpsertCommentResult {
  const message = `${reason}; the job summary has the report`
  logger.warning(message)
  return {action: 'skipped', reason: message}
}

/** Why a request failed, in words a workflow author can act on; the API's own answer in brackets. */
function explain(err: unknown, access: 'read' | 'write'): string {
  const message = err instanceof Error ? err.message : String(err)
  if (!(err instanceof GitHubApiError) || err.rateLimited) return message
  if (err.status === 401) return `the token was refused (${message})`
  if (err.status === 403 || err.status === 404) {
    const why =
      access === 'write'
        ? 'the token may not write to it (a pull request from a fork? or a workflow without `permissions: pull-requests: write`)'
        : 'the token may not read it (a workflow without `permissions: pull-requests: read`?)'
    return `${why} (${message})`
  }
  return message
}
