/**
 * The action's one call for the pull request comment: decide whether this run comments, make the
 * client, upsert. Never throws, so a comment that cannot be posted never fails the job.
 */
import type {Options} from '../inputs/options.js'
import type {Logger} from '../util/log.js'
import {createGitHubClient, type GitHubRetryOptions} from './client.js'
import {decideComment, upsertComment, type UpsertCommentResult} from './comment.js'
import type {GitHubContext} from './event.js'

export interface CommentOnPullRequestArgs {
  ctx: GitHubContext
  options: Pick<Options, 'comment' | 'mode' | 'commentKey' | 'githubToken'>
  /** The comment's text (the marker is added here). */
  body: string
  logger: Logger
  retry?: GitHubRetryOptions
}

export async function commentOnPullRequest(args: CommentOnPullRequestArgs): Promise<UpsertCommentResult> {
  const {ctx, options, logger} = args
  const decision = decideComment(ctx, options)
  if (!decision.comment) {
    logger.debug(`go-matrix: no pull request comment: ${decision.reason}`)
    return {action: 'skipped', reason: decision.reason}
  }
  const pr = `pull request #${decision.issueNumber}`
  if (options.githubToken.trim() === '') {
    const reason = `cannot comment on ${pr}: github-token is empty; the job summary has the report`
    logger.warning(reason)
    return {action: 'skipped', reason}
  }
  // decideComment has checked that the repository is known.
  const repo = ctx.repo as NonNullable<GitHubContext['repo']>
  let client
  try {
    client = await createGitHubClient({token: options.githubToken, apiUrl: ctx.apiUrl, logger, retry: args.retry})
  } catch (err) {
    const reason = `cannot comment on ${pr}: ${(err as Error).message}; the job summary has the report`
    logger.warning(reason)
    return {action: 'skipped', reason}
  }
  return upsertComment({
    client,
    owner: repo.owner,
    repo: repo.name,
    issueNumber: decision.issueNumber,
    key: options.commentKey,
    body: args.body,
    logger
  })
}
