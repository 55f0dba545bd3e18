/**
 * "What the user sees", end to end: dist/index.js run as a runner runs it, on a git repository
 * with a base and a head commit, against a loopback go.dev mirror (for the index), the toolchains
 * on the machine, a loopback stand-in for GitHub's REST API and one for the Actions cache service
 * (v2, as on github.com). A push to main saves its report as the baseline through the real
 * @actions/cache; on a pull request that lowers coverage and adds an uncovered function, the
 * baseline is restored from main's scope, and the job fails with a one-line verdict naming the
 * gate, after writing a summary and one upserted comment with every version's numbers, the
 * like-for-like deltas and the uncovered changed lines; a read-only token still ends with a summary.
 *
 * Every run uses the same RUNNER_TEMP and workspace paths, as a runner does: a cache entry's
 * version is a digest of the absolute paths it was saved from.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {startGitHubStandIn, type GitHubStandIn} from '../helpers/github-stand-in.js'
import {startActionsCacheStandIn, type ActionsCacheStandIn} from '../helpers/actions-cache.js'
import {git} from '../helpers/git.js'
import {pullRequestEnv as pullRequestEvent, repositoryWithChange} from '../helpers/pull-request.js'
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

describe('dist/index.js on a pull request', () => {
  let mirror: GoMirror
  let api: GitHubStandIn
  let cache: ActionsCacheStandIn
  let root: string
  let workspace: string
  let base: string
  let head: string

  beforeAll(async () => {
    mirror = await startGoMirror({versions: ['1.21', '1.27']})
    api = await startGitHubStandIn({token: TOKEN})
    cache = await startActionsCacheStandIn()
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-pr-'))
    workspace = path.join(root, 'repo')
    ;({base, head} = await repositoryWithChange(path.join(repoRoot, 'examples/hello'), workspace, {file: 'mathx/mathx.go', appended: UNCOVERED_FUNCTION, message: 'add Mean, untested'}))
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    await api?.close()
    await cache?.close()
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
    baseline: 'auto',
    ...extra
  })

  async function eventFile(name: string, payload: unknown): Promise<string> {
    const file = path.join(root, `${name}.json`)
    await writeFile(file, JSON.stringify(payload))
    return file
  }

  async function pullRequestEnv(): Promise<Record<string, string>> {
    return {
      ...(await pullRequestEvent({number: 7, base, head, apiUrl: api.apiUrl, runId: '4242', eventFile: path.join(root, 'pull_request.json')})),
      // The pull request's runtime token: its merge ref read-write, its base branch (main) read.
      ...cache.envFor({ref: 'refs/pull/7/merge', readable: ['refs/heads/main']})
    }
  }

  const baselineKey = () => `go-matrix-baseline-gomatrix-org-widgets-main-${base}`

  it('on a push to main saves the report as the baseline, through the Actions cache', async () => {
    git(workspace, 'checkout', '-q', base)
    const payload = JSON.parse(await readFile(path.join(repoRoot, '__tests__/fixtures/events/push.json'), 'utf8'))
    const run = await runAction(bundle, dirs(), inputs(), {
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: await eventFile('push', payload),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: base,
      GITHUB_REPOSITORY: payload.repository.full_name,
      GITHUB_API_URL: api.apiUrl,
      ...cache.envFor({ref: 'refs/heads/main'})
    })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`This report is saved as the baseline for main at ${base.slice(0, 7)}.`)
    expect(cache.requests.map(r => [r.op, r.status])).toEqual([
      ['CreateCacheEntry', 200],
      ['PutBlob', 201],
      ['FinalizeCacheEntryUpload', 200]
    ])
    expect(cache.entries()).toEqual([expect.objectContaining({key: baselineKey(), scope: 'refs/heads/main', finalized: true, hits: 0})])
    expect(api.requests).toEqual([])
  })

  it('fails a pull request that lowers coverage, naming the gate, after the summary and one comment', async () => {
    git(workspace, 'checkout', '-q', head)
    const env = await pullRequestEnv()
    const run = await runAction(bundle, dirs(), inputs({'max-coverage-drop': '0.5', 'min-diff-coverage': '80'}), env)
    expect(run.code).toBe(1)
    // The baseline came from main's scope, and a pull request saves none of its own.
    expect(run.stdout).toContain(`Restored the baseline for main from cache key ${baselineKey()}`)
    expect(cache.entries()).toEqual([expect.objectContaining({key: baselineKey(), scope: 'refs/heads/main', hits: 1})])
    expect(cache.requests.filter(r => r.op === 'GetCacheEntryDownloadURL').at(-1)).toMatchObject({
      scope: 'refs/pull/7/merge',
      matched: {key: baselineKey(), scope: 'refs/heads/main'}
    })
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
    expect(report.notes).toContain(`Baseline: the report of main at ${base.slice(0, 7)}.`)
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
    expect(comment.body).toContain('https://github.com/gomatrix-org/widgets/actions/runs/4242')
    expect(comment.body).toContain('mathx/mathx.go')
    expect(comment.body).toContain('like-for-like')
    // The gate that failed first is the coverage drop: the comment says against what.
    expect(comment.body).toContain('### Against the baseline')
    expect(comment.body).toMatch(/Go 1\.27\.4: statement coverage [\d.]+% → 56\.0% \(\*\*−[\d.]+\*\* points\) against the baseline/)
    // One line in the log for the comment, and a verdict without markdown escapes.
    expect(run.stdout.split('\n').filter(l => /comment/i.test(l))).toEqual([`go-matrix: commented on pull request #7: ${comment.html_url}`])
    expect(failure).not.toContain('\\(')
    expect(run.summary.split('\n')[0]).not.toContain('\\(')
    // The token is only ever handed to the runner to mask (::add-mask::), never printed otherwise.
    const printed = (run.stdout + run.stderr).split('\n').filter(l => !l.startsWith('::add-mask::'))
    expect(printed.join('\n')).not.toContain(TOKEN)
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`)
  })

  it('updates the same comment on the next run instead of adding one', async () => {
    const before = api.requests.length
    const run = await runAction(bundle, dirs(), inputs({'max-coverage-drop': '0.5', 'min-diff-coverage': '80'}), await pullRequestEnv())
    expect(run.code).toBe(1)
    expect(cache.entries()).toEqual([expect.objectContaining({key: baselineKey(), hits: 2})])
    expect(api.comments).toHaveLength(1)
    const writes = api.requests.slice(before).filter(r => r.method !== 'GET')
    expect(writes.map(r => r.method)).toEqual([expect.stringMatching(/^PATCH$/)].slice(0, writes.length))
    expect(writes.length).toBeLessThanOrEqual(1)
    expect(run.stdout.split('\n').filter(l => /comment/i.test(l))).toHaveLength(1)
  })

  describe('fanned out: collect legs, then an aggregate', () => {
    const fan = (extra: Record<string, string>) => inputs({baseline: 'auto', 'max-coverage-drop': '0.5', 'min-diff-coverage': '80', 'comment-key': 'fan', ...extra})
    const legDir = (name: string) => path.join(root, 'fan', name)

    it('collect legs leave the baseline, the diff and its annotations to the job that concludes', async () => {
      const env = await pullRequestEnv()
      for (const [name, versions] of [['a', '1.21'], ['b', '1.27']] as const) {
        const leg = await runAction(bundle, dirs(), fan({mode: 'collect', 'go-versions': versions, 'report-directory': legDir(name), baseline: 'auto'}), env)
        expect(leg.code).toBe(0)
        expect(leg.stdout).not.toContain('uncovered change')
        expect(leg.stdout).not.toContain('Changed lines of')
        expect(leg.summary).not.toMatch(/no baseline|Against the baseline|Changed lines/i)
        const report = JSON.parse(await readFile(path.join(legDir(name), 'report.json'), 'utf8'))
        expect(report.comparisons).toMatchObject({baseline: null, diff: null})
        expect(report.notes).toEqual([])
      }
      expect(api.comments.filter(c => c.body.includes('key="fan"'))).toEqual([])

      const aggregate = await runAction(bundle, dirs(), fan({mode: 'aggregate', reports: `${path.join(root, 'fan')}/*/report.json`, 'report-directory': legDir('all')}), env)
      expect(aggregate.code).toBe(1)
      // One set of annotations, from the job that saw every version.
      expect(aggregate.stdout.match(/::warning title=go-matrix%3A uncovered change,file=mathx\/mathx\.go/g)).toHaveLength(1)
      expect(aggregate.summary).toContain('### Against the baseline')
      expect(api.comments.filter(c => c.body.includes('key="fan"'))).toHaveLength(1)
    })

    it('an aggregate that refuses its legs says why in the summary and the comment, and fails', async () => {
      const file = path.join(legDir('b'), 'report.json')
      await writeFile(file, JSON.stringify({...JSON.parse(await readFile(file, 'utf8')), commit: ''}))
      const run = await runAction(bundle, dirs(), fan({mode: 'aggregate', reports: `${path.join(root, 'fan')}/[ab]/report.json`, 'report-directory': legDir('refused')}), await pullRequestEnv())
      expect(run.code).toBe(1)
      const why = `the reports are of different commits: "${head}" (${legDir('a')}/report.json) and "" (${legDir('b')}/report.json); every leg must test the same commit`
      expect(run.stdout).toContain(`::error::${why}`)
      expect(run.summary.split('\n')[0]).toBe(`❌ The reports were not combined: ${why}.`)
      expect((await readFile(path.join(legDir('refused'), 'summary.md'), 'utf8')).trimEnd()).toBe(run.summary.trimEnd())
      // The comment of the previous aggregate is replaced: it no longer shows numbers that are not current.
      const comments = api.comments.filter(c => c.body.includes('key="fan"'))
      expect(comments).toHaveLength(1)
      expect(comments[0]?.body).toContain(`❌ The reports were not combined: ${why}.`)
      expect(comments[0]?.body).not.toContain('| Go |')
    })
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
