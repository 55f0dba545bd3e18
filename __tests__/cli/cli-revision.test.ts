/**
 * The command line outside CI: in a git checkout, `go-matrix run` records the checked-out commit
 * and branch, so its report aggregates with a leg that a CI system named the same commit for;
 * and it stops with one line in the same form as every usage error.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {cp, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {gitRevision} from '../../src/cli/ci-env.js'
import {gorootOf} from '../../scripts/toolchains.mjs'
import {runCli} from '../helpers/cli.js'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {git} from '../helpers/git.js'

const repoRoot = path.resolve(import.meta.dirname, '../..')

const cli = runCli

describe('go-matrix run in a git checkout, outside CI', () => {
  let mirror: GoMirror
  let root: string
  let checkout: string
  let head: string

  beforeAll(async () => {
    // The index only: the toolchains are the local ones, so no archive is packed or served.
    mirror = await startGoMirror({versions: []})
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-cli-revision-'))
    checkout = path.join(root, 'repo')
    await cp(path.join(repoRoot, 'examples/hello'), path.join(checkout, 'hello'), {recursive: true})
    git(checkout, 'init', '-q', '-b', 'main')
    git(checkout, 'add', '.')
    git(checkout, 'commit', '-qm', 'hello')
    head = git(checkout, 'rev-parse', 'HEAD')
  }, 120_000)

  afterAll(async () => {
    await mirror?.close()
    if (root) await rm(root, {recursive: true, force: true})
  })

  const runFlags = (minor: string, reportDir: string): string[] => [
    'run',
    '--go-versions',
    minor,
    '--local-toolchains',
    gorootOf(minor),
    '--download-base-url',
    mirror.baseUrl,
    '--working-directory',
    'hello',
    '--report-directory',
    reportDir
  ]

  it('records the commit and branch git names, and aggregates with a CI leg of that commit', async () => {
    const local = await cli(runFlags('1.22', path.join(root, 'legs/local')), checkout)
    expect(local.code).toBe(0)
    const report = JSON.parse(await readFile(path.join(root, 'legs/local/report.json'), 'utf8'))
    expect({commit: report.commit, ref: report.ref}).toEqual({commit: head, ref: 'refs/heads/main'})

    // A leg run by CI names the commit in its variables (here GitLab's), not through git.
    const ci = await cli(runFlags('1.21', path.join(root, 'legs/ci')), checkout, {CI_COMMIT_SHA: head, CI_COMMIT_REF_NAME: 'main'})
    expect(ci.code).toBe(0)
    const combined = await cli(['aggregate', '--report-directory', path.join(root, 'combined'), 'legs/*/report.json'], root)
    expect(combined.stderr).not.toContain('different commits')
    expect(combined.code).toBe(0)
    expect(JSON.parse(await readFile(path.join(root, 'combined/report.json'), 'utf8')).commit).toBe(head)
  })

  it('stops with one line in the form of every other error', async () => {
    const ran = await cli([...runFlags('1.22', path.join(root, 'stopped')).map(a => (a === '1.22' ? '1.99' : a))], checkout)
    expect(ran.code).toBe(2)
    const last = ran.stderr.trim().split('\n').pop()
    expect(last).toBe('go-matrix run: --go-versions: no Go release matches "1.99"; nearest: 1.27.4, 1.26.11')
  })
})

describe('gitRevision', () => {
  it('names a detached HEAD by its commit only, and nothing outside a checkout', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-git-revision-'))
    try {
      expect(await gitRevision(dir)).toEqual({commit: '', ref: ''})
      git(dir, 'init', '-q', '-b', 'trunk')
      expect(await gitRevision(dir)).toEqual({commit: '', ref: ''})
      git(dir, 'commit', '-q', '--allow-empty', '-m', 'one')
      const one = git(dir, 'rev-parse', 'HEAD')
      expect(await gitRevision(dir)).toEqual({commit: one, ref: 'refs/heads/trunk'})
      git(dir, 'checkout', '-q', '--detach')
      expect(await gitRevision(dir)).toEqual({commit: one, ref: ''})
      // A file where a folder should be (a bad --working-directory, refused later with its own
      // message): git cannot start there, and the run names no commit rather than stopping.
      await writeFile(path.join(dir, 'go.mod'), 'module example.com/m\n')
      expect(await gitRevision(path.join(dir, 'go.mod'))).toEqual({commit: '', ref: ''})
    } finally {
      await rm(dir, {recursive: true, force: true})
    }
  })
})
