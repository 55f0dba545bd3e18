/** Types of github-stand-in-server.mjs (plain JavaScript so that it also runs as its own process). */
export interface StandInRequest {
  method: string
  /** The path without the query (`/repos/o/r/issues/12/comments`). */
  path: string
  query: Record<string, string>
  /** Every header but authorization, whose value is never recorded. */
  headers: Record<string, string | string[] | undefined>
  /** Whether an Authorization header was sent. */
  authorized: boolean
  /** The parsed JSON body, or null. */
  body: unknown
}

export interface StandInComment {
  id: number
  owner: string
  repo: string
  issueNumber: number
  body: string
  user: {login: string; type: 'Bot' | 'User'}
  created_at: string
  updated_at: string
  html_url: string
}

export interface StandInFault {
  /** Which requests: reads (GET), writes (anything else) or any (default). */
  on?: 'read' | 'write' | 'any'
  method?: string
  /** A regular expression source matched against the path. */
  path?: string
  /** Fire this many times, then answer normally; default: always. */
  times?: number
  /** Default 403 for rate limits, else 500. */
  status?: number
  message?: string
  /** Seconds, sent as the retry-after header. */
  retryAfter?: number
  /** GitHub's secondary rate limit message (403 unless status says otherwise). */
  secondaryRateLimit?: boolean
  /** x-ratelimit-remaining: 0 with a reset this many seconds ahead (default 3600). */
  primaryRateLimit?: {resetAfter?: number}
  /** Wait this long before answering; with nothing else set, then answer normally. */
  delayMs?: number
  headers?: Record<string, string>
  /** Answer an HTML page instead of JSON (status 200 unless given), as a captive portal or a misconfigured proxy does. */
  html?: boolean
}

export interface GitHubStandInOptions {
  token?: string
  comments?: {owner: string; repo: string; issueNumber: number; body: string; login?: string}[]
  perPage?: number
  login?: string
  serverUrl?: string
  faults?: StandInFault | StandInFault[]
  port?: number
  host?: string
}

export interface GitHubStandIn {
  /** `http://127.0.0.1:PORT`: give it as GITHUB_API_URL. */
  apiUrl: string
  /** Every request, in order (the /_stand-in/ control endpoints excluded). */
  requests: StandInRequest[]
  /** Every comment, in creation order, as stored now. */
  comments: StandInComment[]
  /** Replaces the faults (a fault, a list, or undefined to clear), resetting their counts. */
  setFault(fault: StandInFault | StandInFault[] | undefined): void
  close(): Promise<void>
}

export function startGitHubStandIn(options?: GitHubStandInOptions): Promise<GitHubStandIn>
