#!/usr/bin/env node
/**
 * A loopback stand-in for the few GitHub REST endpoints go-matrix calls, recording every request, with
 * faults injectable. Plain JavaScript so that it runs both in-process (imported by github-stand-in.ts in
 * Jest) and as a separate process for end-to-end tests of dist/index.js:
 *
 *   node __tests__/helpers/github-stand-in-server.mjs --port 0 [--token T]
 *
 * prints the API URL (`http://127.0.0.1:PORT`) on stdout and serves until SIGINT/SIGTERM. A separate
 * process is inspected and steered through `GET /_stand-in/state` ({requests, comments}) and
 * `PUT /_stand-in/fault` (a fault, a list of faults, or null), which are not recorded.
 *
 * Endpoints, answered the way api.github.com answers them (status, JSON shape, Link pagination):
 *   GET   /repos/{owner}/{repo}/issues/{number}/comments?per_page&page
 *   POST  /repos/{owner}/{repo}/issues/{number}/comments        {body}
 *   GET   /repos/{owner}/{repo}/issues/comments/{id}
 *   PATCH /repos/{owner}/{repo}/issues/comments/{id}             {body}
 */
import http from 'node:http'
import {listenOnLoopback, serveWhenRun} from './loopback.mjs'

const DOCS = 'https://docs.github.com/rest'
const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.'
/** GitHub refuses comment bodies longer than this many characters. */
const MAX_BODY_CHARS = 65536

/**
 * Starts the stand-in. Options:
 * - token: when set, requests must carry `Authorization: token <token>` (or `Bearer`); others get 401;
 * - comments: comments present from the start, [{owner, repo, issueNumber, body, login?}];
 * - perPage: the default page size (GitHub's is 30; per_page asks for up to 100);
 * - login: the user the token belongs to (default `github-actions[bot]`);
 * - serverUrl: where html_url points (default https://github.com);
 * - faults: see setFault;
 * - port (default 0), host (default 127.0.0.1).
 * Returns {apiUrl, requests, comments, setFault, close}.
 */
export async function startGitHubStandIn(options = {}) {
  const login = options.login ?? 'github-actions[bot]'
  const serverUrl = (options.serverUrl ?? 'https://github.com').replace(/\/+$/, '')
  const defaultPerPage = options.perPage ?? 30
  const requests = []
  const comments = []
  let nextId = 1001
  let faults = []

  const addComment = ({owner, repo, issueNumber, body, login: author = login}) => {
    const now = new Date().toISOString()
    const id = nextId++
    const comment = {
      id,
      owner,
      repo,
      issueNumber,
      body,
      user: {login: author, type: author.endsWith('[bot]') ? 'Bot' : 'User'},
      created_at: now,
      updated_at: now,
      html_url: `${serverUrl}/${owner}/${repo}/pull/${issueNumber}#issuecomment-${id}`
    }
    comments.push(comment)
    return comment
  }
  for (const seed of options.comments ?? []) addComment(seed)

  /**
   * Replaces the faults (a fault, a list, or undefined to clear). A fault is
   *   {on?: 'read'|'write'|'any', method?, path? (a regular expression source), times?,
   *    status?, message?, retryAfter?, secondaryRateLimit?, primaryRateLimit?, delayMs?, headers?, html?}
   * and answers the matching requests (`times` of them, else all) with `status` (403 for rate limits,
   * else 500 unless given), GitHub's message for it, and a retry-after header when given; delayMs
   * waits that long first (with no status: then answers normally); html answers an HTML page (status 200
   * unless given) instead of JSON, as a captive portal or a misconfigured proxy does.
   */
  const setFault = fault => {
    faults = (fault === undefined || fault === null ? [] : Array.isArray(fault) ? fault : [fault]).map(f => ({...f, fired: 0}))
  }
  setFault(options.faults)

  const json = (res, status, body, headers = {}) => {
    const text = JSON.stringify(body)
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
      'x-github-request-id': `STAND-IN:${requests.length}`,
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      ...headers
    })
    res.end(text)
  }

  const commentJson = c => {
    const {owner, repo, issueNumber, ...rest} = c
    return {
      ...rest,
      url: `${apiUrl}/repos/${owner}/${repo}/issues/comments/${c.id}`,
      issue_url: `${apiUrl}/repos/${owner}/${repo}/issues/${issueNumber}`,
      author_association: 'NONE'
    }
  }

  const answerFault = async (fault, res) => {
    if (fault.delayMs) await new Promise(resolve => setTimeout(resolve, fault.delayMs))
    if (fault.html) {
      // What a captive portal or a misconfigured proxy answers: an HTML page, not the API's JSON.
      const page = '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Sign in to continue</body></html>'
      res.writeHead(fault.status ?? 200, {'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(page)})
      res.end(page)
      return true
    }
    if (fault.status === undefined && !fault.secondaryRateLimit && !fault.primaryRateLimit) return false
    const status = fault.status ?? (fault.secondaryRateLimit || fault.primaryRateLimit ? 403 : 500)
    const headers = {...(fault.headers ?? {})}
    if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter)
    let message = fault.message
    if (fault.secondaryRateLimit) message ??= SECONDARY_RATE_LIMIT_MESSAGE
    if (fault.primaryRateLimit) {
      const resetAfter = fault.primaryRateLimit.resetAfter ?? 3600
      headers['x-ratelimit-remaining'] = '0'
      headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + resetAfter)
      message ??= 'API rate limit exceeded for installation ID 1.'
    }
    message ??= status === 403 ? 'Resource not accessible by integration' : status === 404 ? 'Not Found' : status >= 500 ? 'Server Error' : `injected ${status}`
    json(res, status, {message, documentation_url: DOCS, status: String(status)}, headers)
    return true
  }

  const matches = (fault, method, pathname) => {
    if (fault.times !== undefined && fault.fired >= fault.times) return false
    const on = fault.on ?? 'any'
    if (on === 'read' && method !== 'GET') return false
    if (on === 'write' && method === 'GET') return false
    if (fault.method && fault.method.toUpperCase() !== method) return false
    if (fault.path && !new RegExp(fault.path).test(pathname)) return false
    return true
  }

  const route = (req, res, url, body) => {
    const method = req.method ?? 'GET'
    let m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/(\d+)\/comments$/.exec(url.pathname)
    if (m) {
      const [, owner, repo, number] = m
      const issueNumber = Number(number)
      if (method === 'GET') {
        const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? defaultPerPage) || defaultPerPage))
        const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1)
        const all = comments.filter(c => c.owner === owner && c.repo === repo && c.issueNumber === issueNumber)
        const last = Math.max(1, Math.ceil(all.length / perPage))
        const link = paginationLink(`${apiUrl}${url.pathname}`, perPage, page, last)
        return json(res, 200, all.slice((page - 1) * perPage, page * perPage).map(commentJson), link ? {link} : {})
      }
      if (method === 'POST') {
        const problem = invalidBody(body)
        if (problem) return json(res, 422, problem)
        return json(res, 201, commentJson(addComment({owner, repo, issueNumber, body: body.body})), {
          location: `${apiUrl}/repos/${owner}/${repo}/issues/comments/${nextId - 1}`
        })
      }
      return json(res, 404, {message: 'Not Found', documentation_url: DOCS, status: '404'})
    }
    m = /^\/repos\/([^/]+)\/([^/]+)\/issues\/comments\/(\d+)$/.exec(url.pathname)
    if (m) {
      const [, owner, repo, id] = m
      const comment = comments.find(c => c.owner === owner && c.repo === repo && c.id === Number(id))
      if (!comment) return json(res, 404, {message: 'Not Found', documentation_url: DOCS, status: '404'})
      if (method === 'GET') return json(res, 200, commentJson(comment))
      if (method === 'PATCH') {
        const problem = invalidBody(body)
        if (problem) return json(res, 422, problem)
        comment.body = body.body
        comment.updated_at = new Date().toISOString()
        return json(res, 200, commentJson(comment))
      }
    }
    return json(res, 404, {message: 'Not Found', documentation_url: DOCS, status: '404'})
  }

  const server = http.createServer((req, res) => {
    const chunks = []
    req.on('data', chunk => chunks.push(chunk))
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://stand-in')
        const method = req.method ?? 'GET'
        const raw = Buffer.concat(chunks).toString('utf8')
        let body = null
        if (raw !== '') {
          try {
            body = JSON.parse(raw)
          } catch {
            return json(res, 400, {message: 'Problems parsing JSON', documentation_url: DOCS, status: '400'})
          }
        }
        if (url.pathname === '/_stand-in/state') return json(res, 200, {requests, comments})
        if (url.pathname === '/_stand-in/fault' && method === 'PUT') {
          setFault(body ?? undefined)
          return json(res, 200, {faults: faults.length})
        }
        const {authorization, ...headers} = req.headers
        requests.push({method, path: url.pathname, query: Object.fromEntries(url.searchParams), headers, authorized: authorization !== undefined, body})
        if (options.token !== undefined) {
          const given = /^(?:token|bearer)\s+(.+)$/i.exec(authorization ?? '')?.[1]
          if (authorization === undefined) return json(res, 401, {message: 'Requires authentication', documentation_url: DOCS, status: '401'})
          if (given !== options.token) return json(res, 401, {message: 'Bad credentials', documentation_url: DOCS, status: '401'})
        }
        const fault = faults.find(f => matches(f, method, url.pathname))
        if (fault) {
          fault.fired++
          if (await answerFault(fault, res)) return
        }
        route(req, res, url, body)
      })().catch(err => {
        if (!res.headersSent) json(res, 500, {message: `stand-in failure: ${err.message}`})
      })
    })
  })
  const listening = await listenOnLoopback(server, options)
  const apiUrl = listening.origin
  return {apiUrl, requests, comments, setFault, close: listening.close}
}

/** GitHub's Link header: next and last when there is a next page, first and prev when there is a previous one. */
function paginationLink(base, perPage, page, last) {
  const at = n => `<${base}?per_page=${perPage}&page=${n}>`
  const parts = []
  if (page < last) parts.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`)
  if (page > 1) parts.push(`${at(1)}; rel="first"`, `${at(page - 1)}; rel="prev"`)
  return parts.join(', ')
}

/** GitHub's 422 for a missing or too long body; null when the body is fine. */
function invalidBody(body) {
  if (body === null || typeof body !== 'object' || typeof body.body !== 'string') {
    return {message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS, status: '422'}
  }
  if ([...body.body].length > MAX_BODY_CHARS) {
    return {
      message: 'Validation Failed',
      errors: [{resource: 'IssueComment', code: 'custom', field: 'body', message: `body is too long (maximum is ${MAX_BODY_CHARS} characters)`}],
      documentation_url: DOCS,
      status: '422'
    }
  }
  return null
}

const FLAGS = {'--port': ['port', Number, 'N'], '--host': ['host', String, 'ADDR'], '--token': ['token', String, 'T'], '--per-page': ['perPage', Number, 'N']}
await serveWhenRun(import.meta.url, 'github-stand-in', FLAGS, async options => {
  const standIn = await startGitHubStandIn(options)
  return {url: standIn.apiUrl, close: standIn.close}
})
