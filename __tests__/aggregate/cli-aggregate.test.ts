import {afterAll, beforeAll, describe, expect, it} from '@jest/globals'
import {execFileSync} from 'node:child_process'
import {cp, mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import {aggregateCommand, AGGREGATE_INPUTS} from '../../src/cli/aggregate.js'
import {INPUTS} from '../../src/inputs/definitions.js'
import {fixtureRuns} from '../coverage/fixtures.js'
import {analysed, writeLeg} from './legs-builder.js'

const repo = path.resolve(import.meta.dirname, '../..')

async function cli(argv: string[], cwd: string): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', d => (out += d))
  stderr.on('data', d => (err += d))
  const code = await aggregateCommand(argv, {stdout, stderr, cwd, env: {NO_COLOR: '1'}})
  return {code, stdout: out, stderr: err}
}

describe('go-matrix aggregate', () => {
  let root: string
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-cli-aggregate-'))
    const versions = await Promise.all(fixtureRuns().filter(r => r.module === 'basic').map(run => analysed(run)))
    await writeLeg(path.join(root, 'legs/a'), versions.slice(0, 2), root)
    await writeLeg(path.join(root, 'legs/b'), versions.slice(2), root)
  })
  afterAll(async () => {
    await rm(root, {recursive: true, force: true})
  })

  it('documents in --help exactly the inputs marked for the aggregate command', async () => {
    const {code, stdout} = await cli(['--help'], root)
    expect(code).toBe(0)
    expect(stdout).toMatch(/^usage: go-matrix aggregate \[flags\] REPORT…/)
    for (const input of INPUTS) {
      const flag = new RegExp(`--${input.name}\\b`)
      if (input.commands.includes('aggregate')) expect(stdout).toMatch(flag)
      else expect(stdout).not.toMatch(flag)
    }
    expect(AGGREGATE_INPUTS.length).toBeGreaterThan(3)
  })

  it.each([
    [[], 'go-matrix aggregate: give the report.json files to combine (REPORT…)'],
    [['--go-versions', '1.22', 'legs/a'], 'go-matrix aggregate: unknown flag --go-versions'],
    [['--max-version-delta', 'two', 'legs/a'], 'go-matrix aggregate: --max-version-delta: "two" is not a number']
  ])('exits 2 on bad usage %j', async (argv, message) => {
    const {code, stderr} = await cli(argv, root)
    expect(code).toBe(2)
    expect(stderr.trim()).toBe(message)
  })

  it('prints the report of the combined legs and exits 0 when every gate holds', async () => {
    const {code, stdout} = await cli(['--max-version-delta', '100', '--report-directory', 'out-pass', 'legs/*/report.json'], root)
    const versions = fixtureRuns().filter(r => r.module === 'basic').map(r => r.version)
    expect(stdout).toMatch(new RegExp(`^✅ All ${versions.length} Go versions passed and every gate held\\.`))
    for (const v of versions) expect(stdout).toContain(v)
    expect(code).toBe(0)
    const report = JSON.parse(await readFile(path.join(root, 'out-pass/report.json'), 'utf8'))
    expect(report.versions).toHaveLength(versions.length)
  })

  it('exits 1 when a gate fails or a listed leg is missing', async () => {
    const gate = await cli(['--min-coverage', '50', '--report-directory', 'out-gate', 'legs/a', 'legs/b'], root)
    expect(gate.stdout).toMatch(/^❌ Go 1\.27\.4 covers 44\.2% of statements \(\d+ of \d+\); the minimum is 50%\./)
    expect(gate.code).toBe(1)
    const missing = await cli(['--max-version-delta', '100', '--report-directory', 'out-missing', 'legs/a', 'legs/c'], root)
    expect(missing.code).toBe(1)
    expect(missing.stdout).toMatch(/^❌ 1 of 2 legs gave no report: legs\/c is missing \(no such file\)\./)
  })

  it('counts one file named several ways as one leg', async () => {
    const {code, stdout} = await cli(['--report-directory', 'out-once', 'legs/a', path.join(root, 'legs/b/../a/report.json'), 'legs/a/report.json'], root)
    expect(stdout).toMatch(/^✅ All 2 Go versions passed/)
    expect(code).toBe(0)
  })

  it('refuses legs of different commits with exit 2, and writes a summary.md that says why', async () => {
    await cp(path.join(root, 'legs/b'), path.join(root, 'other-commit/b'), {recursive: true})
    const file = path.join(root, 'other-commit/b/report.json')
    await writeFile(file, JSON.stringify({...JSON.parse(await readFile(file, 'utf8')), commit: ''}))
    const {code, stderr} = await cli(['--report-directory', 'out-refused', 'legs/a', 'other-commit/b'], root)
    expect(code).toBe(2)
    expect(stderr.trim()).toMatch(/^go-matrix aggregate: the reports are of different commits: "0123456789abcdef0123456789abcdef01234567" \(legs\/a\/report\.json\) and "" \(other-commit\/b\/report\.json\)/)
    const summary = await readFile(path.join(root, 'out-refused/summary.md'), 'utf8')
    expect(summary.split('\n')[0]).toBe(
      '❌ The reports were not combined: the reports are of different commits: "0123456789abcdef0123456789abcdef01234567" (legs/a/report.json) and "" (other-commit/b/report.json); every leg must test the same commit.'
    )
  })

  it('prints no empty table when every leg is missing', async () => {
    const {code, stdout} = await cli(['--report-directory', 'out-none', 'nowhere/a', 'nowhere/b'], root)
    expect(code).toBe(1)
    expect(stdout).toMatch(/^❌ 2 of 2 legs gave no report: nowhere\/a is missing/)
    expect(stdout).not.toMatch(/^go +status/m)
    const summary = await readFile(path.join(root, 'out-none/summary.md'), 'utf8')
    expect(summary).not.toContain('| Go |')
  })

  // dist/cli.js in its own process, so that the system's temporary folder can be chosen (TMPDIR).
  it('writes to <tmp>/go-matrix without --report-directory, as the action writes to $RUNNER_TEMP/go-matrix', async () => {
    const tmp = path.join(root, 'tmp')
    await mkdir(tmp, {recursive: true})
    const run = (env: NodeJS.ProcessEnv) =>
      execFileSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'aggregate', '--max-version-delta', '100', 'legs/a'], {cwd: root, env: {PATH: process.env.PATH, NO_COLOR: '1', ...env}}).toString()
    expect(run({TMPDIR: tmp})).toContain(`report: ${path.join(tmp, 'go-matrix', 'report.json')}\n`)
    const runnerTemp = path.join(root, 'runner-temp')
    expect(run({TMPDIR: tmp, RUNNER_TEMP: runnerTemp})).toContain(`report: ${path.join(runnerTemp, 'go-matrix', 'report.json')}\n`)
  })

  it('exits 2 when two legs report the same version and platform', async () => {
    await cp(path.join(root, 'legs/a'), path.join(root, 'copy/a'), {recursive: true})
    const {code, stderr} = await cli(['--report-directory', 'out-twice', 'legs/a', 'copy/a'], root)
    expect(code).toBe(2)
    expect(stderr).toMatch(/go-matrix aggregate: Go 1\.19\.8 on linux\/amd64 is reported twice, by legs\/a\/report\.json and by copy\/a\/report\.json/)
  })
})
