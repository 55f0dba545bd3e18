/**
 * Issue 16's guards, through the bundles run as a runner and a shell run them: a report folder
 * that would overwrite the user's files is refused up front (exit 2) and nothing outside the
 * report folder changes; the work folder lives under RUNNER_TEMP (or the user's cache folder);
 * a run that stops midway leaves no earlier report.json looking current; inputs naming missing
 * paths are refused before any install; coverage gates never pass on nothing; and hostile
 * aggregate legs are refused with the field they get wrong, in bounded time and memory.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFileSync, spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {chmod, cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {runAction, type ActionRun, type RunnerDirs} from './runner-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {SHARED_GO_CACHES} from '../helpers/go-caches.js'
import {fixtureRuns} from '../coverage/fixtures.js'
import {analysed, writeLeg} from '../aggregate/legs-builder.js'

const repo = path.resolve(import.meta.dirname, '../..')
const actionBundle = path.join(repo, 'dist/index.js')
const cliBundle = path.join(repo, 'dist/cli.js')
/**
 * A loopback go.dev/dl that lists the machine's releases and serves no archive: versions resolve
 * against it at once, and local-toolchains provide them. (An address where nothing listens would
 * cost each run the index's retries, some 5 s of backoff, before it falls back to local-toolchains.)
 */
let mirror: GoMirror

/** Every file and folder under `dir` with a digest of its content (links by their target), but `skip`. */
async function tree(dir: string, skip: readonly string[] = []): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const walk = async (at: string): Promise<void> => {
    for (const entry of await readdir(at, {withFileTypes: true})) {
      const full = path.join(at, entry.name)
      if (skip.includes(full)) continue
      const name = path.relative(dir, full)
      if (entry.isDirectory()) {
        found.set(name, 'dir')
        await walk(full)
      } else if (entry.isFile()) {
        found.set(name, createHash('sha1').update(await readFile(full)).digest('hex'))
      } else {
        found.set(name, 'other')
      }
    }
  }
  await walk(dir)
  return found
}

interface Ran {
  code: number | null
  stdout: string
  stderr: string
  seconds: number
  /** Peak resident memory of the process, in MiB (from /usr/bin/time). */
  peakMiB: number
}

/** Runs dist/cli.js under /usr/bin/time, which reports its peak memory. */
function runCli(args: readonly string[], cwd: string, env: Record<string, string>): Promise<Ran> {
  const started = performance.now()
  const child = spawn('/usr/bin/time', ['-f', 'peak-rss-kib=%M', process.execPath, cliBundle, ...args], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  return new Promise(resolve =>
    child.on('close', code => {
      const rss = /peak-rss-kib=(\d+)\s*$/.exec(stderr)
      resolve({
        code,
        stdout,
        stderr: stderr.replace(/(Command exited with non-zero status \d+\n)?peak-rss-kib=\d+\s*$/, ''),
        seconds: (performance.now() - started) / 1000,
        peakMiB: rss ? Number(rss[1]) / 1024 : NaN
      })
    })
  )
}

describe('guards', () => {
  let root: string
  let workspace: string
  let dirs: RunnerDirs
  let home: string
  /** A git repository holding a Go module and, tracked, files named as go-matrix names its own. */
  const userFiles = {'summary.md': '# my summary\n', 'report.json': '{"mine": true}\n', '1.22.12/coverage.out': 'my notes\n'}

  beforeAll(async () => {
    mirror = await startGoMirror({versions: []})
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-guards-'))
    workspace = path.join(root, 'workspace')
    home = path.join(root, 'home')
    await mkdir(home)
    await cp(path.join(repo, '__tests__/fixtures/modules/multi'), workspace, {recursive: true})
    for (const [file, text] of Object.entries(userFiles)) {
      await mkdir(path.dirname(path.join(workspace, file)), {recursive: true})
      await writeFile(path.join(workspace, file), text)
    }
    // Tells where Go's GOPATH was, when RECORD_GOPATH_TO names a file (variables starting GO are not passed through).
    await writeFile(
      path.join(workspace, 'calc', 'gopath_test.go'),
      'package calc\n\nimport (\n\t"os"\n\t"testing"\n)\n\nfunc TestRecordGopath(t *testing.T) {\n\tif to := os.Getenv("RECORD_GOPATH_TO"); to != "" {\n\t\t_ = os.WriteFile(to, []byte(os.Getenv("GOPATH")), 0o644)\n\t}\n}\n'
    )
    await mkdir(path.join(workspace, 'docs'))
    await writeFile(path.join(workspace, 'docs/summary.md'), 'the docs summary\n')
    const git = (...args: string[]) => execFileSync('git', args, {cwd: workspace, env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com'}})
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'a module with files named like a report')
    dirs = {root: path.join(root, 'runner'), temp: path.join(root, 'runner/temp'), toolCache: path.join(root, 'runner/toolcache'), workspace}
    await mkdir(dirs.root, {recursive: true})
  }, 120_000)

  afterAll(async () => {
    await mirror?.close()
    await rm(root, {recursive: true, force: true})
  })

  const action = (inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> =>
    runAction(actionBundle, dirs, {'go-versions': '1.22', 'local-toolchains': gorootOf('1.22'), 'download-base-url': mirror.baseUrl, ...inputs}, extraEnv)

  const cliEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: home,
    NO_COLOR: '1',
    GO_MATRIX_CACHE_DIR: SHARED_GO_CACHES,
    ...extra
  })

  /** Everything under the test's root but the runner's own folders (RUNNER_TEMP, the tool cache, its files). */
  const everything = () => tree(root, [dirs.root, home])

  describe('dist/index.js refuses a report folder that would take the user’s files, before any install', () => {
    it.each([
      ['.', (ws: string) => `input report-directory: ${ws} is the workspace itself: go-matrix would write its files among yours`],
      ['/', () => "input report-directory: / is the file system's root"],
      ['..', () => 'input report-directory: ".." leaves the workspace'],
      ['../escape', () => 'input report-directory: "../escape" leaves the workspace'],
      ['.git', (ws: string) => `input report-directory: ${ws}/.git is inside a .git folder, the repository's own data`],
      ['.git/go-matrix', (ws: string) => `input report-directory: ${ws}/.git/go-matrix is inside a .git folder`],
      ['docs', (ws: string) => `input report-directory: ${ws}/docs already holds files go-matrix did not write (summary.md)`]
    ])('report-directory %p: exit 2, and nothing changes', async (dir, message) => {
      const before = await everything()
      const asked = mirror.requests.length
      const run = await action({'report-directory': dir})
      expect(run.stdout).toContain(`::error::${message(workspace)}`)
      expect(run.code).toBe(2)
      expect(await everything()).toEqual(before)
      expect(mirror.requests.slice(asked)).toEqual([])
      // Refused before installing or running anything: no work folder was made either.
      expect(existsSync(path.join(dirs.temp, 'go-matrix-work'))).toBe(false)
      expect(existsSync(`${workspace}-work`)).toBe(false)
    })
  })

  it('dist/index.js in mode collect writes no failed-leg report into a refused folder', async () => {
    const before = await everything()
    const run = await action({'report-directory': 'docs', mode: 'collect'})
    expect(run.code).toBe(2)
    expect(run.stdout).toContain("::warning::go-matrix: the failed leg's report.json could not be written: input report-directory:")
    expect(await everything()).toEqual(before)
  })

  describe('a run into a report folder of its own', () => {
    let first: ActionRun
    let beforeFirst: Map<string, string>
    const reportDir = () => path.join(workspace, 'go-matrix-report')

    beforeAll(async () => {
      beforeFirst = await everything()
      first = await action({'report-directory': 'go-matrix-report', 'max-version-delta': '100'}, {RECORD_GOPATH_TO: path.join(dirs.root, 'gopath')})
    }, 300_000)

    it('writes only into the report folder, and keeps Go’s work folder under RUNNER_TEMP', async () => {
      expect(first.code).toBe(0)
      const after = await everything()
      const changed = [...new Set([...after.keys(), ...beforeFirst.keys()])].filter(name => after.get(name) !== beforeFirst.get(name))
      expect(changed.length).toBeGreaterThan(0)
      for (const name of changed) expect(name.startsWith(path.join('workspace', 'go-matrix-report'))).toBe(true)
      for (const [file, text] of Object.entries(userFiles)) expect(await readFile(path.join(workspace, file), 'utf8')).toBe(text)
      expect(await readFile(path.join(dirs.root, 'gopath'), 'utf8')).toBe(path.join(dirs.temp, 'go-matrix-work', '1.22.12', 'gopath'))
      expect(existsSync(`${reportDir()}-work`)).toBe(false)
      const marker = JSON.parse(await readFile(path.join(reportDir(), '.go-matrix'), 'utf8'))
      expect(marker.entries.sort()).toEqual(['1.22.12', 'merged.lcov', 'merged.out', 'report.json', 'summary.md'])
    })

    it('a later run that stops before its report leaves no report.json of the earlier run', async () => {
      expect(existsSync(path.join(reportDir(), 'report.json'))).toBe(true)
      await writeFile(path.join(reportDir(), 'kept-by-the-user.txt'), 'mine\n')
      // No toolchain of the machine is a Go 1.99: the run stops after the folder is prepared.
      const second = await action({'report-directory': 'go-matrix-report', 'go-versions': '1.99'})
      expect(second.code).toBe(1)
      expect(second.stdout).toMatch(/::error::.*1\.99/)
      expect((await readdir(reportDir())).sort()).toEqual(['.go-matrix', 'kept-by-the-user.txt'])
    })
  })

  describe('dist/cli.js checks the inputs that name paths before installing anything', () => {
    const emptyToolCache = () => path.join(root, 'cli-toolcache')
    it.each([
      [['--working-directory', 'no-such-module'], (ws: string) => `go-matrix run: --working-directory: ${ws}/no-such-module does not exist; give the module (or go.work) root, relative to the workspace`],
      [['--working-directory', 'go.mod'], (ws: string) => `go-matrix run: --working-directory: ${ws}/go.mod is not a folder; give the module (or go.work) root, relative to the workspace`],
      [['--baseline', 'main/report.json'], (ws: string) => `go-matrix run: --baseline: ${ws}/main/report.json does not exist; give a report.json or LCOV file, or auto, or none`],
      [['--test-flags', '-v -coverprofile=elsewhere.out'], () => "go-matrix run: --test-flags: -coverprofile=elsewhere.out conflicts with go-matrix's own flags"]
    ])('%j: exit 2 within seconds, nothing installed or run', async (flags, message) => {
      const before = mirror.requests.length
      const run = await runCli(
        ['run', '--go-versions', '1.22', '--local-toolchains', gorootOf('1.22'), '--download-base-url', mirror.baseUrl, '--report-directory', path.join(root, 'cli-report'), ...flags],
        workspace,
        cliEnv({RUNNER_TOOL_CACHE: emptyToolCache()})
      )
      expect(run.stderr).toContain(message(workspace))
      expect(run.code).toBe(2)
      expect(run.seconds).toBeLessThan(10)
      expect(mirror.requests.slice(before)).toEqual([])
      expect(existsSync(emptyToolCache())).toBe(false)
      expect(existsSync(path.join(root, 'cli-report', '1.22.12'))).toBe(false)
    })
  })

  describe('coverage gates never pass on nothing', () => {
    let fake: string
    beforeAll(async () => {
      // A broken Go: it answers `go version` and `go env GOROOT` (so that it passes as a toolchain
      // without a manifest) and does nothing else, exiting 0, so no test runs and no profile is written.
      fake = path.join(root, 'fake-go')
      await mkdir(path.join(fake, 'bin'), {recursive: true})
      await writeFile(path.join(fake, 'bin', 'go'), `#!/bin/sh\n[ "$1" = version ] && echo "go version go1.21.13 linux/amd64"\n[ "$1" = env ] && echo "${fake}"\nexit 0\n`)
      await chmod(path.join(fake, 'bin', 'go'), 0o755)
    })

    it('dist/cli.js: min-coverage fails when a toolchain runs no test and writes no profile, and says why', async () => {
      const run = await runCli(
        ['run', '--go-versions', '1.21', '--local-toolchains', fake, '--download-base-url', mirror.baseUrl, '--min-coverage', '90', '--report-directory', path.join(root, 'no-tests')],
        workspace,
        cliEnv()
      )
      expect(run.stdout.split('\n')[0]).toBe(
        '❌ The min-coverage gate (90%) cannot be judged: no version produced coverage: Go 1.21.13 passed but no test ran and no coverage profile was written.'
      )
      expect(run.code).toBe(1)
      const report = JSON.parse(await readFile(path.join(root, 'no-tests', 'report.json'), 'utf8'))
      expect(report.gates).toEqual([
        expect.objectContaining({name: 'max-version-delta', passed: true, skipped: true}),
        expect.objectContaining({name: 'min-coverage', threshold: 90, actual: null, passed: false})
      ])
    })

    it('dist/index.js: a broken toolchain that runs no tests fails the version gate', async () => {
      const run = await action({
        'go-versions': '1.21, 1.22',
        'local-toolchains': `${fake}\n${gorootOf('1.22')}`,
        'report-directory': path.join(root, 'broken-go'),
        'min-coverage': '10',
        'max-version-delta': '100'
      })
      expect(run.code).toBe(1)
      const report = JSON.parse(await readFile(path.join(root, 'broken-go', 'report.json'), 'utf8'))
      expect(report.versions.map((v: {version: string; status: string}) => [v.version, v.status])).toEqual([
        ['1.21.13', 'passed'],
        ['1.22.12', 'passed']
      ])
      expect(report.gates.map((g: {name: string; passed: boolean; message: string}) => [g.name, g.passed, g.message])).toEqual([
        [
          'max-version-delta',
          false,
          'The max-version-delta gate (100 points) cannot be judged: Go 1.21.13 passed but no test ran and no coverage profile was written, so it cannot be compared with Go 1.22.12.'
        ],
        ['min-coverage', true, expect.stringMatching(/^Go 1\.22\.12 covers [\d.]+% of statements/)]
      ])
      expect(run.summary).not.toContain('every gate held')
    })

    it('dist/cli.js keeps Go’s work folder in the user’s own cache folder, not beside the report folder', async () => {
      const record = path.join(root, 'cli-gopath')
      const run = await runCli(
        ['run', '--go-versions', '1.22', '--local-toolchains', gorootOf('1.22'), '--download-base-url', mirror.baseUrl, '--max-version-delta', '100', '--report-directory', path.join(root, 'cli-run')],
        workspace,
        cliEnv({RECORD_GOPATH_TO: record})
      )
      expect(run.code).toBe(0)
      expect(await readFile(record, 'utf8')).toBe(path.join(home, '.cache', 'go-matrix', 'work', '1.22.12', 'gopath'))
      expect(existsSync(path.join(root, 'cli-run-work'))).toBe(false)
    })
  })

  describe('dist/cli.js aggregate refuses hostile legs', () => {
    let legs: string
    /** A leg made from the fixtures' real profiles, whose report.json `change` edits. */
    const hostileLeg = async (name: string, change: (report: {versions: Record<string, unknown>[]}) => void | Promise<void>): Promise<string> => {
      const dir = path.join(legs, name)
      await cp(path.join(legs, 'good'), dir, {recursive: true})
      const file = path.join(dir, 'report.json')
      const report = JSON.parse(await readFile(file, 'utf8'))
      await change(report)
      await writeFile(file, JSON.stringify(report))
      return dir
    }
    const aggregate = (leg: string) => runCli(['aggregate', '--report-directory', path.join(root, 'aggregated', path.basename(leg)), leg], root, cliEnv())

    beforeAll(async () => {
      legs = path.join(root, 'legs')
      const versions = await Promise.all(fixtureRuns().filter(r => r.module === 'basic').slice(0, 1).map(run => analysed(run)))
      await writeLeg(path.join(legs, 'good'), versions, root)
    }, 120_000)

    it('takes a good leg', async () => {
      const run = await aggregate(path.join(legs, 'good'))
      expect(run.stderr).toBe('go-matrix: 1 versions from 1 leg\n')
      expect(run.code).toBe(0)
    })

    it('refuses a version that is a path, without reading outside the leg', async () => {
      const outside = path.join(root, 'outside')
      await mkdir(outside)
      const leg = await hostileLeg('traversal', async report => {
        const version = report.versions[0] as {version: string}
        // A profile the traversal would reach, outside the leg's folder.
        await cp(path.join(legs, 'good', version.version), path.join(outside, 'x'), {recursive: true})
        version.version = path.relative(path.join(legs, 'traversal'), path.join(outside, 'x'))
      })
      const before = await tree(root, [path.join(root, 'aggregated')])
      const run = await aggregate(leg)
      expect(run.stderr).toMatch(/^go-matrix aggregate: legs\/traversal\/report\.json: not a valid go-matrix report\.json: versions\[0\]\.version: expected a Go version such as 1\.22\.12 or 1\.24rc1, got "\.\.\/\.\.\/outside\/x"\n$/)
      expect(run.stdout).not.toContain('outside')
      expect(run.code).toBe(2)
      expect(await tree(root, [path.join(root, 'aggregated')])).toEqual(before)
    })

    it.each([
      ['a percentage that is text', (v: Record<string, unknown>) => ((v.coverage as {statements: {percent: unknown}}).statements.percent = 'abc'), 'versions[0].coverage.statements.percent: expected a number, got "abc"'],
      ['a spec that is not a string', (v: Record<string, unknown>) => (v.spec = {}), 'versions[0].spec: expected a string, got an object'],
      ['tests that are missing', (v: Record<string, unknown>) => delete v.tests, 'versions[0].tests: missing']
    ])('refuses %s with the field it gets wrong', async (name, change, problem) => {
      const leg = await hostileLeg(name.replace(/\W+/g, '-'), report => void change(report.versions[0] as Record<string, unknown>))
      const run = await aggregate(leg)
      expect(run.stderr).toBe(`go-matrix aggregate: legs/${path.basename(leg)}/report.json: not a valid go-matrix report.json: ${problem}\n`)
      expect(run.code).toBe(2)
    })

    it('refuses a coverage file that links outside the leg', async () => {
      const secret = path.join(root, 'secret.out')
      await writeFile(secret, 'mode: set\nexample.com/secret/s.go:1.1,2.2 1 1\n')
      let profile = ''
      const leg = await hostileLeg('symlink', report => {
        profile = path.join(legs, 'symlink', (report.versions[0] as {version: string}).version, 'coverage.out')
      })
      await rm(profile)
      await symlink(secret, profile)
      const run = await aggregate(leg)
      expect(run.stderr).toContain(`${profile} leads outside the leg's folder (to ${secret}); a leg's files must be inside its folder`)
      expect(run.code).toBe(2)
    })

    it('refuses coverage files larger than it reads, without reading them', async () => {
      let lcov = ''
      const leg = await hostileLeg('huge', report => {
        lcov = path.join(legs, 'huge', (report.versions[0] as {version: string}).version, 'coverage.lcov')
      })
      await truncate(lcov, 4 * 1024 ** 3) // sparse: 4 GiB on paper, nothing on disk
      const run = await aggregate(leg)
      expect(run.stderr).toContain(`${lcov} is 4096 MiB, more than the 256 MiB the aggregate reads`)
      expect(run.code).toBe(2)
      expect(run.seconds).toBeLessThan(10)
      expect(run.peakMiB).toBeLessThan(300)
    })

    it('refuses 200,000 versions with the limit, in bounded time and memory, writing nothing', async () => {
      const leg = await hostileLeg('many', report => {
        const row = {...report.versions[0], coverage: null}
        report.versions = Array.from({length: 200_000}, () => row)
      })
      const run = await aggregate(leg)
      expect(run.stderr).toBe('go-matrix aggregate: legs/many/report.json: not a valid go-matrix report.json: versions: expected at most 1000 entries, got 200000\n')
      expect(run.code).toBe(2)
      expect(run.seconds).toBeLessThan(15)
      expect(run.peakMiB).toBeLessThan(1024)
      expect(existsSync(path.join(root, 'aggregated', 'many', 'report.json'))).toBe(false)
    })
  })
})
