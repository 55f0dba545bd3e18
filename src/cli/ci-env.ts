/**
 * What the command line takes from where it runs. The commit and ref a run is about come from the
 * variables CI systems set, else from the git checkout the module is in: they matter when reports
 * of several legs are aggregated, since aggregation checks the legs ran on the same commit;
 * outside any checkout both are empty.
 */
import os from 'node:os'
import {gitRunner, type GitRunner} from '../git/run-git.js'

/**
 * The command line's RUNNER_TEMP: the runner's when set, else the system's temporary folder, so
 * that without --report-directory the report goes to `<tmp>/go-matrix`, as the action's goes to
 * `$RUNNER_TEMP/go-matrix`.
 */
export function commandLineTempDir(env: NodeJS.ProcessEnv): string {
  return env.RUNNER_TEMP || os.tmpdir()
}

const SYSTEMS: readonly {name: string; commit: string; ref: string}[] = [
  {name: 'GitHub Actions', commit: 'GITHUB_SHA', ref: 'GITHUB_REF'},
  {name: 'GitLab CI', commit: 'CI_COMMIT_SHA', ref: 'CI_COMMIT_REF_NAME'},
  {name: 'Jenkins (git plugin)', commit: 'GIT_COMMIT', ref: 'GIT_BRANCH'},
  {name: 'CircleCI', commit: 'CIRCLE_SHA1', ref: 'CIRCLE_BRANCH'},
  {name: 'Buildkite', commit: 'BUILDKITE_COMMIT', ref: 'BUILDKITE_BRANCH'}
]

/** The variables read, in order, for the README and --help. */
export const CI_VARIABLES = SYSTEMS.map(s => `${s.name}: ${s.commit}, ${s.ref}`)

export interface Revision {
  commit: string
  ref: string
}

/** The first CI system whose commit variable is set gives both values; null when none is set. */
export function ciRevision(env: NodeJS.ProcessEnv): Revision | null {
  for (const system of SYSTEMS) {
    const commit = env[system.commit]
    if (commit) return {commit, ref: env[system.ref] ?? ''}
  }
  return null
}

/**
 * The checked-out commit of the repository holding `dir` (`git rev-parse HEAD`) and its branch
 * as a full ref (`refs/heads/main`, as GITHUB_REF names it; '' on a detached HEAD). Both are
 * empty when `dir` is in no repository or git cannot run: the report then names no commit.
 */
export async function gitRevision(dir: string, git: GitRunner = gitRunner()): Promise<Revision> {
  const [head, branch] = await Promise.all([git(['rev-parse', '--verify', '-q', 'HEAD'], dir), git(['symbolic-ref', '-q', 'HEAD'], dir)])
  if (head.exitCode !== 0) return {commit: '', ref: ''}
  return {commit: head.stdout.trim(), ref: branch.exitCode === 0 ? branch.stdout.trim() : ''}
}

/** What report.json records for a command-line run: the CI system's variables, else git's view of `dir`. */
export async function commandLineRevision(env: NodeJS.ProcessEnv, dir: string, git: GitRunner = gitRunner({env})): Promise<Revision> {
  return ciRevision(env) ?? gitRevision(dir, git)
}
