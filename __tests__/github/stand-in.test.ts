import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {spawn, type ChildProcess} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {startGitHubStandIn, type GitHubStandIn} from '../helpers/github-stand-in.js'

/** The stand-in itself: it must answer as GitHub does, or tests against it prove nothing. */
describe('the GitHub stand-in', () => {
  let standIn: GitHubStandIn
  const seed = Array.from({length: 5}, (_, i) => ({owner: 'o', repo: 'r', issueNumber: 7, body: `c${i}`}))
  beforeAll(async () => {
    standIn = await startGitHubStandIn({token: 't0k', comments: seed, perPage: 2})
  })
  afterAll(() => standIn.close())
  const get = (p: string, auth = 'token t0k') => fetch(`${standIn.apiUrl}${p}`, {headers: {authorization: auth}})

  it('pages with a Link header as GitHub does', async () => {
    const first = await get('/repos/o/r/issues/7/comments')
    const base = `${standIn.apiUrl}/repos/o/r/issues/7/comments`
    expect(first.headers.get('link')).toBe(`<${base}?per_page=2&page=2>; rel="next", <${base}?per_page=2&page=3>; rel="last"`)
    expect(((await first.json()) as {body: string}[]).map(c => c.body)).toEqual(['c0', 'c1'])
    const middle = await get('/repos/o/r/issues/7/comments?per_page=2&page=2')
    expect(middle.headers.get('link')).toBe(
      `<${base}?per_page=2&page=3>; rel="next", <${base}?per_page=2&page=3>; rel="last", <${base}?per_page=2&page=1>; rel="first", <${base}?per_page=2&page=1>; rel="prev"`
    )
    const last = await get('/repos/o/r/issues/7/comments?per_page=2&page=3')
    expect(last.headers.get('link')).toBe(`<${base}?per_page=2&page=1>; rel="first", <${base}?per_page=2&page=2>; rel="prev"`)
    expect(((await last.json()) as {body: string}[]).map(c => c.body)).toEqual(['c4'])
  })

  it('refuses a missing or wrong token, recording only that one was sent', async () => {
    expect((await fetch(`${standIn.apiUrl}/repos/o/r/issues/7/comments`)).status).toBe(401)
    const wrong = await get('/repos/o/r/issues/7/comments', 'token nope')
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({message: 'Bad credentials'})
    expect(standIn.requests.at(-1)).toMatchObject({authorized: true})
    expect(JSON.stringify(standIn.requests)).not.toContain('nope')
  })

  it('answers 422 for a body longer than 65,536 characters, as GitHub does', async () => {
    const res = await fetch(`${standIn.apiUrl}/repos/o/r/issues/7/comments`, {
      method: 'POST',
      headers: {authorization: 'token t0k', 'content-type': 'application/json'},
      body: JSON.stringify({body: 'x'.repeat(65537)})
    })
    expect(res.status).toBe(422)
  })

  it('runs as its own process, steered through /_stand-in/', async () => {
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'helpers', 'github-stand-in-server.mjs')
    const child: ChildProcess = spawn(process.execPath, [script, '--port', '0'], {stdio: ['ignore', 'pipe', 'inherit']})
    try {
      const apiUrl = await new Promise<string>((resolve, reject) => {
        child.stdout?.once('data', (d: Buffer) => resolve(d.toString().trim()))
        child.once('exit', code => reject(new Error(`stand-in exited with ${code}`)))
      })
      expect(apiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      await fetch(`${apiUrl}/_stand-in/fault`, {method: 'PUT', body: JSON.stringify({on: 'write', status: 403})})
      const post = await fetch(`${apiUrl}/repos/o/r/issues/1/comments`, {method: 'POST', body: JSON.stringify({body: 'x'})})
      expect(post.status).toBe(403)
      await fetch(`${apiUrl}/_stand-in/fault`, {method: 'PUT', body: 'null'})
      expect((await fetch(`${apiUrl}/repos/o/r/issues/1/comments`, {method: 'POST', body: JSON.stringify({body: 'y'})})).status).toBe(201)
      const state = (await (await fetch(`${apiUrl}/_stand-in/state`)).json()) as {requests: {method: string}[]; comments: {body: string}[]}
      expect(state.requests.map(r => r.method)).toEqual(['POST', 'POST'])
      expect(state.comments.map(c => c.body)).toEqual(['y'])
    } finally {
      child.kill('SIGTERM')
    }
  })
})
