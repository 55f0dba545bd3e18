/**
 * Where the action runs, as GitHub describes it: the GITHUB_* variables and the event payload
 * (GITHUB_EVENT_PATH). `parseEvent` is pure, so every event shape is tested from saved payloads;
 * `readGitHubContext` only reads the file.
 */
import {readFile} from 'node:fs/promises'

export interface Repo {
  owner: string
  name: string
}

export interface PullRequestContext {
  number: number
  baseSha: string
  headSha: string
  baseRef: string
  headRef: string
  /** `owner/name` of the repository the changes come from; '' when that repository was deleted. */
  headRepoFullName: string
  /**
   * The head is in another repository (or in one since deleted). Its workflow runs get a token that
   * may not write to the base repository on `pull_request`, so commenting may be refused.
   */
  isFork: boolean
}

export interface PushContext {
  /** The commit the branch pointed at before the push; null when the push created the branch. */
  before: string | null
  after: string
}

export interface GitHubContext {
  /** GITHUB_EVENT_NAME: `push`, `pull_request`, `pull_request_target`, … ('' outside Actions). */
  eventName: string
  /** From GITHUB_REPOSITORY, else the payload's repository; null when neither names one. */
  repo: Repo | null
  serverUrl: string
  apiUrl: string
  runId: string
  /** The run's page, `${serverUrl}/${owner}/${name}/actions/runs/${runId}`; null without a repository or run id. */
  runUrl: string | null
  sha: string
  ref: string
  /** The repository's default branch (`event.repository.default_branch`); null when the payload does not say. */
  defaultBranch: string | null
  pullRequest: PullRequestContext | null
  push: PushContext | null
}

/** The variables parseEvent reads (a subset of process.env). */
export type GitHubEnv = Readonly<Record<string, string | undefined>>

const DEFAULT_SERVER_URL = 'https://github.com'
const DEFAULT_API_URL = 'https://api.github.com'
/** A push that creates a branch has no `before` commit: GitHub sends forty zeros. */
const NO_COMMIT = /^0{40}$|^0{64}$/

export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target']

/** Builds the context from GITHUB_* variables and the event payload (already parsed JSON). */
export function parseEvent(env: GitHubEnv, eventJson: unknown): GitHubContext {
  const event = asObject(eventJson)
  const eventName = text(env.GITHUB_EVENT_NAME)
  const serverUrl = trimSlash(text(env.GITHUB_SERVER_URL) || DEFAULT_SERVER_URL)
  const apiUrl = trimSlash(text(env.GITHUB_API_URL) || DEFAULT_API_URL)
  const repository = asObject(event.repository)
  const repo = parseRepo(text(env.GITHUB_REPOSITORY)) ?? parseRepo(text(repository.full_name))
  const runId = text(env.GITHUB_RUN_ID)
  const pullRequest = parsePullRequest(event)
  return {
    eventName,
    repo,
    serverUrl,
    apiUrl,
    runId,
    runUrl: repo && runId ? `${serverUrl}/${repo.owner}/${repo.name}/actions/runs/${runId}` : null,
    sha: text(env.GITHUB_SHA),
    ref: text(env.GITHUB_REF),
    defaultBranch: text(repository.default_branch) || null,
    pullRequest,
    push: eventName === 'push' ? parsePush(event, text(env.GITHUB_SHA)) : null
  }
}

/**
 * Reads GITHUB_EVENT_PATH (when set) and parses the context. Outside Actions there is no payload,
 * which is not an error: the context then says only what the variables say.
 */
export async function readGitHubContext(env: GitHubEnv = process.env): Promise<GitHubContext> {
  const file = text(env.GITHUB_EVENT_PATH)
  if (file === '') return parseEvent(env, {})
  let raw: string
  try {
    raw = await readFile(file, 'utf8')
  } catch (err) {
    throw new Error(`GITHUB_EVENT_PATH ${file}: cannot read the event payload: ${(err as Error).message}`, {cause: err})
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (err) {
    throw new Error(`GITHUB_EVENT_PATH ${file}: the event payload is not JSON: ${(err as Error).message}`, {cause: err})
  }
  return parseEvent(env, json)
}

/** `owner/name` → {owner, name}; null for anything else. */
export function parseRepo(fullName: string): Repo | null {
  const match = /^([^/\s]+)\/([^/\s]+)$/.exec(fullName.trim())
  return match ? {owner: match[1] as string, name: match[2] as string} : null
}

/** A push to the repository's default branch (where a baseline is saved). */
export function isDefaultBranchPush(ctx: GitHubContext): boolean {
  return ctx.eventName === 'push' && ctx.defaultBranch !== null && ctx.ref === `refs/heads/${ctx.defaultBranch}`
}

function parsePullRequest(event: Record<string, unknown>): PullRequestContext | null {
  if (!isObject(event.pull_request)) return null
  const pr = event.pull_request
  const number = typeof pr.number === 'number' ? pr.number : typeof event.number === 'number' ? event.number : NaN
  if (!Number.isInteger(number) || number <= 0) return null
  const base = asObject(pr.base)
  const head = asObject(pr.head)
  const baseRepo = text(asObject(base.repo).full_name)
  const headRepo = text(asObject(head.repo).full_name)
  return {
    number,
    baseSha: text(base.sha),
    headSha: text(head.sha),
    baseRef: text(base.ref),
    headRef: text(head.ref),
    headRepoFullName: headRepo,
    // A deleted head repository (head.repo null) can only have been a fork: a branch of the base
    // repository cannot outlive it.
    isFork: headRepo === '' || (baseRepo !== '' && headRepo.toLowerCase() !== baseRepo.toLowerCase())
  }
}

function parsePush(event: Record<string, unknown>, sha: string): PushContext {
  const before = text(event.before)
  return {before: before === '' || NO_COMMIT.test(before) ? null : before, after: text(event.after) || sha}
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {}
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : ''
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
