/**
 * The commit and ref a command-line run is about, from the variables CI systems set. None is
 * required: without them report.json's `commit` and `ref` are empty. They matter when reports of
 * several legs are aggregated, since aggregation checks the legs ran on the same commit.
 */
const SYSTEMS: readonly {name: string; commit: string; ref: string}[] = [
  {name: 'GitHub Actions', commit: 'GITHUB_SHA', ref: 'GITHUB_REF'},
  {name: 'GitLab CI', commit: 'CI_COMMIT_SHA', ref: 'CI_COMMIT_REF_NAME'},
  {name: 'Jenkins (git plugin)', commit: 'GIT_COMMIT', ref: 'GIT_BRANCH'},
  {name: 'CircleCI', commit: 'CIRCLE_SHA1', ref: 'CIRCLE_BRANCH'},
  {name: 'Buildkite', commit: 'BUILDKITE_COMMIT', ref: 'BUILDKITE_BRANCH'}
]

/** The variables read, in order, for the README and --help. */
export const CI_VARIABLES = SYSTEMS.map(s => `${s.name}: ${s.commit}, ${s.ref}`)

/** The first CI system whose commit variable is set gives both values. */
export function ciRevision(env: NodeJS.ProcessEnv): {commit: string; ref: string} {
  for (const system of SYSTEMS) {
    const commit = env[system.commit]
    if (commit) return {commit, ref: env[system.ref] ?? ''}
  }
  return {commit: '', ref: ''}
}
