/**
 * A loopback stand-in for the GitHub REST endpoints go-matrix calls (issue comments: list with Link
 * pagination, create, update), recording every request, with faults injectable (403 on write, 5xx N
 * times, secondary rate limits with retry-after). The logic lives in github-stand-in-server.mjs, which
 * also runs as its own process (`node __tests__/helpers/github-stand-in-server.mjs --port 0`).
 */
export {startGitHubStandIn} from './github-stand-in-server.mjs'
export type {GitHubStandIn, GitHubStandInOptions, StandInComment, StandInFault, StandInRequest} from './github-stand-in-server.mjs'
