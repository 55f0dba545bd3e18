/**
 * `go-matrix run --modules`: the same selection as the action's `modules` input, on the
 * three-module fixture, with its grid in the terminal report and its errors in the usage form.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {cp, mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {gorootOf} from '../../scripts/toolchains.mjs'
import {runCli} from '../helpers/cli.js'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'

const fixture = path.resolve(import.meta.dirname, '../fixtures/repos/three')

const cli = runCli

describe('go-matrix run --modules', () => {
  let mirror: GoMirror
  let root: string
  let repo: string

  beforeAll(async () => {
    mirror = await startGoMirror({versions: ['1.27']})
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-cli-modules-'))
    repo = path.join(root, 'repo')
    await cp(fixture, repo, {recursive: true})
  }, 120_000)

  afterAll(async () => {
    await mirror?.close()
    if (root) await rm(root, {recursive: true, force: true})
  })

  const flags = (...extra: string[]): string[] => ['run', '--go-versions', '1.27', '--local-toolchains', gorootOf('1.27'), '--download-base-url', mirror.baseUrl, ...extra]

  it('tests the modules the repeated flags select, and prints their grid', async () => {
    const run = await cli(flags('--modules', 'auto', '--modules', '!tools', '--report-directory', path.join(root, 'report')), repo)
    expect([run.code, run.stderr]).toEqual([0, expect.not.stringContaining('error')])
    const report = JSON.parse(await readFile(path.join(root, 'report/report.json'), 'utf8'))
    expect(report.versions[0].modules.map((m: {dir: string; coverage: {statements: {percent: number}}}) => [m.dir, m.coverage.statements.percent])).toEqual([
      ['.', 50],
      ['api', 57.1]
    ])
    expect(run.stdout).toMatch(/^module {2}go 1\.27\.4\n\. {7}passed 50\.0%\napi {5}passed 57\.1%$/m)
  }, 120_000)

  it('says what is wrong with a selection, as a usage error', async () => {
    const run = await cli(flags('--modules', 'cmd/*', '--report-directory', path.join(root, 'none')), repo)
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n').pop()).toBe(`go-matrix run: --modules: selects no module (modules found below ${repo}: ., api, tools); check the list and its ! exclusions`)
  }, 60_000)
})
