/**
 * The lines a pull request changes, from git: `git diff base...head` (the diff against the merge
 * base, as GitHub shows it). CI checkouts are often shallow (actions/checkout fetches one commit,
 * the PR's merge commit), so missing commits are fetched and a shallow history is deepened until
 * the merge base appears. When none of that is possible the result says why, so the caller can
 * skip the diff gate with that reason instead of failing.
 */
import {parseGitDiff, type ChangedFile} from '../compare/diff.js'
import type {Logger} from '../util/log.js'
import {gitFailure, gitRunner, type GitRunner} from './run-git.js'

export interface ChangedLinesRequest {
  /** Any directory inside the checkout (the module's working directory will do). */
  repoDir: string
  /** `pull_request.base.sha` and `pull_request.head.sha` of the event. */
  baseSha: string
  headSha: string
  logger: Logger
  run?: GitRunner
  /** The remote missing commits are fetched from; actions/checkout names it `origin`. */
  remote?: string
  /**
   * How far to deepen a shallow history, one fetch per step, looking for the merge base. Each
   * step adds that many commits below every shallow boundary; the default reaches about 1,000
   * commits behind the base and head commits before settling for a two-dot diff.
   */
  deepenSteps?: readonly number[]
  signal?: AbortSignal
}

export interface ChangedLines {
  /** Changed files with repository-relative paths, or null when git could not tell (see note). */
  changed: ChangedFile[] | null
  /** What was done, or why there are no changed lines; one sentence for the summary. */
  note: string
}

export const DEFAULT_DEEPEN_STEPS: readonly number[] = [16, 32, 64, 128, 256, 512]

const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/

/**
 * Which lines of the head commit differ from the merge base of base and head: the added and
 * changed lines per file, renames followed (-M). Paths are relative to the repository root.
 */
export async function changedLines(request: ChangedLinesRequest): Promise<ChangedLines> {
  const {baseSha, headSha, logger, signal} = request
  const run = request.run ?? gitRunner()
  const remote = request.remote ?? 'origin'
  const range = `${short(baseSha)}...${short(headSha)}`
  const fail = (why: string): ChangedLines => {
    logger.info(`Changed lines: ${why}`)
    return {changed: null, note: `The pull request's changed lines are unknown: ${why}.`}
  }

  for (const [which, sha] of [['base', baseSha], ['head', headSha]] as const) {
    if (!COMMIT_ID.test(sha)) return fail(`the event's ${which} commit ${JSON.stringify(sha)} is not a full commit id`)
  }

  const top = await run(['rev-parse', '--show-toplevel'], request.repoDir, signal)
  if (top.aborted) return fail('the run was cancelled')
  if (top.spawnError) return fail(`git cannot be run (${gitFailure(top)})`)
  if (top.exitCode !== 0) return fail(`${request.repoDir} is not inside a git repository: ${gitFailure(top)}`)
  const root = top.stdout.trim()
  const git = (...args: string[]): ReturnType<GitRunner> => run(args, root, signal)

  const steps: string[] = []
  let shallow = (await git('rev-parse', '--is-shallow-repository')).stdout.trim() === 'true'
  const missing = await missingCommits(git, [baseSha, headSha])
  if (missing.length > 0) {
    // In a shallow checkout, take just these commits: the merge-base search below deepens as needed.
    // In a full clone, a depth would make the repository shallow, so fetch their whole history.
    const fetched = await git('fetch', '--no-tags', '--no-recurse-submodules', ...(shallow ? ['--depth=1'] : []), remote, ...missing)
    const still = fetched.exitCode === 0 ? await missingCommits(git, missing) : missing
    if (still.length > 0) {
      const what = still.map(sha => `${sha === baseSha ? 'base' : 'head'} commit ${short(sha)}`).join(' and ')
      const why = fetched.exitCode === 0 ? `the fetch did not bring ${what}` : gitFailure(fetched)
      return fail(`the checkout does not have the ${what}, and fetching from ${remote} failed: ${why}`)
    }
    steps.push(`fetched ${missing.map(short).join(' and ')} from ${remote}`)
  }

  let mergeBase = await findMergeBase(git, baseSha, headSha)
  if (mergeBase.error !== undefined) return fail(`git merge-base ${range} failed: ${mergeBase.error}`)
  let deepened = 0
  for (const step of request.deepenSteps ?? DEFAULT_DEEPEN_STEPS) {
    if (mergeBase.sha !== null || !shallow) break
    const fetched = await git('fetch', '--no-tags', '--no-recurse-submodules', `--deepen=${step}`, remote, baseSha, headSha)
    if (fetched.exitCode !== 0) {
      logger.info(`Changed lines: deepening the shallow history failed: ${gitFailure(fetched)}`)
      break
    }
    deepened += step
    shallow = (await git('rev-parse', '--is-shallow-repository')).stdout.trim() === 'true'
    mergeBase = await findMergeBase(git, baseSha, headSha)
    if (mergeBase.error !== undefined) return fail(`git merge-base ${range} failed: ${mergeBase.error}`)
  }
  if (deepened > 0) steps.push(`deepened the shallow history by ${deepened} commits`)

  const diffArgs = [
    'diff',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
    // Against a user's diff.relative / diff.noprefix / diff.mnemonicPrefix: paths from the root, a/ and b/.
    '--no-relative',
    '--src-prefix=a/',
    '--dst-prefix=b/',
    '--unified=0',
    '-M'
  ]
  let twoDot = ''
  if (mergeBase.sha === null) {
    // Without the merge base, base..head is the closest answer: it also counts, as changed,
    // lines the base branch changed after the pull request branched off.
    twoDot = shallow
      ? ` The shallow history has no merge base of ${range}${deepened > 0 ? ` within ${deepened} more commits` : ''}, so these are the lines of the two-dot diff ${short(baseSha)}..${short(headSha)}, which also include changes made on the base branch since the pull request branched off.`
      : ` ${short(baseSha)} and ${short(headSha)} share no history, so these are the lines of the two-dot diff ${short(baseSha)}..${short(headSha)}.`
    diffArgs.push(baseSha, headSha, '--')
  } else {
    diffArgs.push(`${baseSha}...${headSha}`, '--')
  }
  const diff = await git(...diffArgs)
  if (diff.exitCode !== 0) return fail(`git diff ${range} failed: ${gitFailure(diff)}`)
  let changed: ChangedFile[]
  try {
    changed = parseGitDiff(diff.stdout, `git diff ${range}`)
  } catch (err) {
    return fail(`git's diff output cannot be read: ${(err as Error).message}`)
  }
  const lines = changed.reduce((n, file) => n + file.lines.length, 0)
  const how = steps.length > 0 ? ` (${steps.join(', then ')})` : ''
  const note = `Changed lines of ${mergeBase.sha === null ? `${short(baseSha)}..${short(headSha)}` : range}: ${lines} in ${changed.length} files${how}.${twoDot}`
  logger.info(note)
  return {changed, note}
}

type Git = (...args: string[]) => ReturnType<GitRunner>

async function missingCommits(git: Git, shas: readonly string[]): Promise<string[]> {
  const missing: string[] = []
  for (const sha of shas) {
    if ((await git('cat-file', '-e', `${sha}^{commit}`)).exitCode !== 0) missing.push(sha)
  }
  return missing
}

/** The merge base, null when the history known here has none (exit status 1), or the error. */
async function findMergeBase(git: Git, base: string, head: string): Promise<{sha: string | null; error?: string}> {
  const result = await git('merge-base', base, head)
  if (result.exitCode === 0) return {sha: result.stdout.trim()}
  if (result.exitCode === 1 && result.stderr.trim() === '') return {sha: null}
  return {sha: null, error: gitFailure(result)}
}

function short(sha: string): string {
  return sha.slice(0, 7)
}
