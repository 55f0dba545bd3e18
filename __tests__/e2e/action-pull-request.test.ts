/**
 * "What the user sees", end to end: dist/index.js run as a runner runs it, on a git repository
 * with a base and a head commit, against a loopback go.dev mirror (for the index), the toolchains
 * on the machine and a loopback stand-in for GitHub's REST API. On a pull request that lowers
 * coverage and adds an uncovered function, the job fails with a one-line verdict naming the
 * gate, after writing a summary and one upserted comment with every version's numbers, the
 * like-for-like deltas and the uncovered changed lines; a read-only token still ends with a summary.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFileSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {startGitHubStandIn, type GitHubStandIn} from '../helpers/github-stand-in.js'
import {runAction, type RunnerDirs} from './runner-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repoRoot, 'dist/index.js')
const TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted'

const UNCOVERED_FUNCTION = `
// Mean returns the average of values; nothing tests it yet.
func Mean(values ...int) int {
	if len(values) == 0 {
		return 0
	}
	return Sum(values...) / len(values)
}
`

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com'}
  })
    .toString()
    .trim()
}

describe('dist/index.js on a pull request', () => {
  let mirror: GoMirror
  let api: GitHubStandIn
  let root: string
  let workspace: string
  let base: string
  let head: string

  beforeAll(async () => {
    mirror = await startGoMirror({versions: ['1.21', '1.27']})
    api = await startGitHubStandIn({token: TOKEN})
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-pr-'))
    workspace = path.join(root, 'repo')
    await cp(path.join(repoRoot, 'examples/hello'), workspace, {recursive: true})
    git(workspace, 'init', '-q', '-b', 'main')
    git(workspace, 'add', '.')
    git(workspace, 'commit', '-qm', 'base')
    base = git(workspace, 'rev-parse', 'HEAD')
    git(workspace, 'checkout', '-qb', 'feature')
    const mathx = path.join(workspace, 'mathx/mathx.go')
    await writeFile(mathx, (await readFile(mathx, 'utf8')) + UNCOVERED_FUNCTION)
    git(workspace, 'commit', '-qam', 'add Mean, untested')
    head = git(workspace, 'rev-parse', 'HEAD')
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    await api?.close()
    if (root) await rm(root, {recursive: true, force: true})
  })

  const dirs = (): RunnerDirs => ({root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace})
  const inputs = (extra: Record<string, string> = {}) => ({
    // An old version (before Go 1.22 counted packages without tests) and stable.
    'go-versions': '1.21,1.27',
    'download-base-url': mirror.baseUrl,
    'local-toolchains': [gorootOf('1.21'), gorootOf('1.27')].join(','),
    'report-directory': path.join(root, 'report'),
    'github-token': TOKEN,
    'max-version-delta': '2',
    ...extra
  })

  async function eventFile(name: string, payload: unknown): Promise<string> {
    const file = path.join(root, `${name}.json`)
    await writeFile(file, JSON.stringify(payload))
    return file
  }

  async function pullRequestEnv(): Promise<Record<string, string>> {
    const payload = JSON.parse(await readFile(path.join(repoRoot, '__tests__/fixtures/events/pull_request.json'), 'utf8'))
    payload.number = 7
    payload.pull_request.number = 7
    payload.pull_request.base.sha = base
    payload.pull_request.base.ref = 'main'
    payload.pull_request.head.sha = head
    payload.pull_request.head.ref = 'feature'
    payload.pull_request.head.repo.full_name = payload.repository.full_name
    return {
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: await eventFile('pull_request', payload),
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_SHA: head,
      GITHUB_REPOSITORY: payload.repository.full_name,
      GITHUB_API_URL: api.apiUrl,
      GITHUB_SERVER_URL: 'https://github.example',
      GITHUB_RUN_ID: '4242'
    }
  }

  let baseline: string

  it('on a push to main writes the report that becomes the baseline', async () => {
    git(workspace, 'checkout', '-q', base)
    const payload = JSON.parse(await readFile(path.join(repoRoot, '__tests__/fixtures/events/push.json'), 'utf8'))
    const run = await runAction(bundle, dirs(), inputs(), {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: await eventFile('push', payload),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: base,
      GITHUB_REPOSITORY: payload.repository.full_name,
      GITHUB_API_URL: api.apiUrl
    })
    expect(run.code).toBe(0)
    // The cache service is not available outside GitHub: the report is not saved, and that is said.
    expect(run.stdout).toContain('The Actions cache service is not available here, so this report is not saved as a baseline.')
    baseline = path.join(root, 'baseline.json')
    await mkdir(path.dirname(baseline), {recursive: true})
    await cp(run.outputs.report as string, baseline)
    expect(api.requests).toEqual([])
  })

  it('fails a pull request that lowers coverage, naming the gate, after the summary and one comment', async () => {
    git(workspace, 'checkout', '-q', head)
    const env = await pullRequestEnv()
    const run = await runAction(bundle, dirs(), inputs({baseline, 'max-coverage-drop': '0.5', 'min-diff-coverage': '80'}), env)
    expect(run.code).toBe(1)
    const failure = run.stdout.split('\n').find(l => l.startsWith('::error::'))
    expect(failure).toMatch(/^::error::❌ Statement coverage dropped [\d.]+ points against the baseline .*[^.] \(and 1 more problem\)\.$/)
    expect(run.outputs.passed).toBe('false')
    expect(Object.keys(run.outputs).sort()).toEqual(['coverage', 'lcov', 'passed', 'report', 'results', 'versions'])
    expect(run.outputs.coverage).toBe('56.0')

    const summaryLines = run.summary.split('\n')
    expect(summaryLines[0]).toMatch(/^❌ Statement coverage dropped/)
    for (const version of ['1.21.13', '1.27.4']) expect(run.summary).toContain(version)
    expect(run.summary).toContain('mathx/mathx.go')
    expect(run.stdout).toMatch(/::warning title=go-matrix%3A uncovered change,file=mathx\/mathx\.go,line=\d+,endLine=\d+::These changed lines are not covered/)

    const report = JSON.parse(await readFile(run.outputs.report as string, 'utf8'))
    expect(report.comparisons.diff.lines.covered).toBe(0)
    expect(report.comparisons.diff.uncovered.map((u: {file: string}) => u.file)).toEqual(
      expect.arrayContaining(['mathx/mathx.go'])
    )
    const gates = Object.fromEntries(report.gates.map((g: {name: string; passed: boolean}) => [g.name, g.passed]))
    expect(gates).toMatchObject({'max-coverage-drop': false, 'min-diff-coverage': false, 'max-version-delta': true})
    expect(report.comparisons.versions[0]).toMatchObject({version: '1.21.13', reference: '1.27.4', likeForLikeDelta: 0})

    expect(api.comments).toHaveLength(1)
    const comment = api.comments[0]!
    expect(comment.issueNumber).toBe(7)
    expect(comment.body.startsWith('<!-- go-matrix:comment key="" -->')).toBe(true)
    for (const version of ['1.21.13', '1.27.4']) expect(comment.body).toContain(version)
    expect(comment.body).toContain('https://github.example/gomatrix-org/widgets/actions/runs/4242')
    expect(comment.body).toContain('mathx/mathx.go')
    expect(comment.body).toContain('like-for-like')
    // The token is only ever handed to the runner to mask (::add-mask::), never printed otherwise.
    const printed = (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toContain(TOKEN)
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
  })

  it('updates the same comment on the next run instead of adding one', async () => {
    const before = api.requests.length
    const run = await runAction(bundle, dirs(), inputs({baseline, 'max-coverage-drop': '0.5', 'min-diff-coverage': '80'}), await pullRequestEnv())
    expect(run.code).toBe(1)
    expect(api.comments).toHaveLength(1)
    const writes = api.requests.slice(before).filter(r => r.method !== 'GET')
    expect(writes.map(r => r.method)).toEqual([expect.stringMatching(/^PATCH$/)].slice(0, writes.length))
    expect(writes.length).toBeLessThanOrEqual(1)
  })

  it('ends green with a warning when the token may not write (a fork), the summary still written', async () => {
    api.setFault({on: 'write', status: 403, message: 'Resource not accessible by integration'})
    try {
      const run = await runAction(bundle, dirs(), inputs({'comment-key': 'fork'}), await pullRequestEnv())
      expect(run.code).toBe(0)
      expect(run.stdout).toMatch(/::warning::cannot comment on pull request #7: the token may not write to it/)
      expect(run.summary.split('\n')[0]).toMatch(/^✅ All 2 Go versions passed/)
      expect(run.outputs.passed).toBe('true')
    } finally {
      api.setFault(undefined)
    }
  })
})
