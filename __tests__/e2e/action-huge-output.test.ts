/**
 * A test that prints more than a JavaScript string can hold (V8's limit is 0x1fffffe8 characters,
 * about 512 MiB), through dist/index.js run as a runner runs it: the run completes, every report
 * is written with the version's outcome, the summary notes that the output was truncated, and
 * the action's own peak memory stays bounded (its getrusage, without go's: the go command keeps
 * a test's output in memory itself). Before streaming, this run crashed with "Cannot create a
 * string longer than 0x1fffffe8 characters" at 2.8 GB.
 */
import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {statSync, existsSync} from 'node:fs'
import {pathToFileURL} from 'node:url'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {startGoMirror, type GoMirror} from '../helpers/go-mirror.js'
import {runAction, type RunnerDirs} from './runner-env.js'
import {gorootOf, versionAt} from '../../scripts/toolchains.mjs'

const repo = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(repo, 'dist/index.js')
const GO = '1.27'
/** The action's own peak resident memory may not exceed this (it is about 100 MB on a small module, 170 MB here; 2.8 GB before streaming). */
const MAX_RSS_BYTES = 300 * 1024 * 1024

describe('dist/index.js on a test that prints more than a string can hold', () => {
  let mirror: GoMirror
  let dirs: RunnerDirs

  beforeAll(async () => {
    mirror = await startGoMirror({versions: [GO]})
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-e2e-huge-'))
    dirs = {root, temp: path.join(root, 'temp'), toolCache: path.join(root, 'toolcache'), workspace: repo}
  }, 300_000)

  afterAll(async () => {
    await mirror?.close()
    if (dirs) await rm(dirs.root, {recursive: true, force: true})
  })

  it('completes, writes every report with the version’s outcome, notes the truncation, in bounded memory', async () => {
    const reportDir = path.join(dirs.root, 'report')
    const rssFile = path.join(dirs.root, 'max-rss-bytes')
    const run = await runAction(
      bundle,
      dirs,
      {
        'go-versions': GO,
        'download-base-url': mirror.baseUrl,
        'local-toolchains': gorootOf(GO),
        'working-directory': '__tests__/fixtures/modules/loud',
        'report-directory': reportDir,
        build: 'false',
        // A replayed result would keep the 600 MB of output in the shared test cache.
        'test-flags': '-count=1'
      },
      {
        LOUD_MIB: '512',
        NODE_OPTIONS: `--import=${pathToFileURL(path.join(repo, '__tests__/helpers/record-max-rss.mjs')).href}`,
        MAX_RSS_FILE: rssFile
      }
    )
    const version = versionAt(gorootOf(GO))
    // The test's own failure: the job fails for it, after every report is written.
    expect(run.code).toBe(1)
    expect(run.stderr).not.toContain('Cannot create a string longer')
    const report = JSON.parse(await readFile(path.join(reportDir, 'report.json'), 'utf8'))
    const v = report.versions[0]
    expect([v.version, v.status]).toEqual([version, 'failed'])
    expect(v.tests).toMatchObject({passed: 1, failed: 1, skipped: 0})
    expect(v.tests.failures[0].test).toBe('TestShout')
    expect(v.tests.failures[0].output).toMatch(/shout_test\.go:\d+: the end of a loud test$/)
    expect(v.coverage.statements.total).toBeGreaterThan(0)
    expect(v.notes).toEqual([expect.stringMatching(/^go test printed \d+\.\d MB of test output, more than go-matrix keeps in memory: its output was truncated in the log/)])
    for (const file of ['summary.md', 'merged.lcov', 'merged.out', `${version}/coverage.out`]) expect(existsSync(path.join(reportDir, file))).toBe(true)
    expect(run.summary).toContain(`> ℹ️ Go ${version}: go test printed`)
    expect(run.summary.split('\n')[0]).toMatch(new RegExp(`^❌ Go ${version.replace(/\./g, '\\.')} failed: 1 test failed .*TestShout`))
    // The whole stream is on disk, and it is longer than any string.
    expect(statSync(path.join(reportDir, version, 'test.json')).size).toBeGreaterThan(0x1fffffe8)
    const maxRssBytes = Number(await readFile(rssFile, 'utf8'))
    expect(maxRssBytes).toBeGreaterThan(0)
    expect(maxRssBytes).toBeLessThan(MAX_RSS_BYTES)
  }, 600_000)
})
