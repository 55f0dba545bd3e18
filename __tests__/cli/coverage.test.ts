import {execFileSync} from 'node:child_process'
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import lcovParse from 'lcov-parse'
import {COVERAGE_HELP, coverageCommand} from '../../src/cli/coverage.js'
import {parseFuncOutput} from '../../src/coverage/functions.js'
import {basicModule, fixtureFile, fixtureRun, fixtureRuns, goTestPercents, runsWithGo} from '../coverage/fixtures.js'

const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-cli-coverage-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

async function run(argv: string[], cwd = tmp): Promise<{code: number; stdout: string; stderr: string}> {
  let stdout = ''
  let stderr = ''
  const code = await coverageCommand(argv, {stdout: {write: t => (stdout += t)}, stderr: {write: t => (stderr += t)}, cwd})
  return {code, stdout, stderr}
}

// The basic module: no package-level closure and no package without tests that another package's
// tests run, so every profile's total is go tool cover -func's (go-agreement.test.ts has the others).
const runs = fixtureRuns().filter(r => r.module === 'basic')
const profiles = runs.map(r => path.join(r.dir, 'set.out'))

describe('go-matrix coverage', () => {
  it('--json agrees with Go\'s tools to the last printed digit', async () => {
    const result = await run(['--json', ...profiles])
    expect(result).toMatchObject({code: 0, stderr: ''})
    const json = JSON.parse(result.stdout) as {profiles: {path: string; mode: string; statements: {percent: number}; lines: {covered: number; total: number}}[]; merged: {lines: {covered: number; total: number; percent: number}}}
    expect(json.profiles.map(p => p.path)).toEqual(profiles)
    runs.forEach((r, i) => {
      const goTotal = parseFuncOutput(fixtureFile(r, 'func-set.txt')).totalPercent
      expect([r.version, json.profiles[i]?.mode, json.profiles[i]?.statements.percent]).toEqual([r.version, 'set', goTotal])
    })
    expect(Object.keys(json)).toEqual(['profiles', 'merged'])
    expect(Object.keys(json.merged)).toEqual(['lines'])
    expect(json.merged.lines.total).toBeGreaterThanOrEqual(Math.max(...json.profiles.map(p => p.lines.total)))
  })

  it('counts a package-level closure as go test -cover does, where go tool cover -func does not', async () => {
    const run26 = fixtureRun('1.26', 'tomlish')
    const result = await run(['--json', path.join(run26.dir, 'set.out')])
    const json = JSON.parse(result.stdout) as {profiles: {statements: {covered: number; total: number; percent: number}}[]}
    // go test -cover: tomlish 11 of 14, internal 4 of 5 (the closure's 2 statements in), internal/tag 0 of 9.
    expect(json.profiles[0]?.statements).toEqual({covered: 15, total: 28, percent: 53.6})
    expect(parseFuncOutput(fixtureFile(run26, 'func-set.txt')).totalPercent).toBe(50)
  })

  it('prints a table by default', async () => {
    const one = runs.find(r => r.version.startsWith('1.22.'))
    if (one === undefined) throw new Error('no Go 1.22 fixture')
    const result = await run([path.join(one.dir, 'set.out')])
    const goTotal = parseFuncOutput(fixtureFile(one, 'func-set.txt')).totalPercent?.toFixed(1)
    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toMatch(/^profile\s+mode\s+statements\s+lines$/)
    expect(result.stdout).toContain(`set   ${goTotal}% (`)
    expect(result.stdout).toMatch(/\nmerged\s+\d+\.\d% \(\d+\/\d+\)\n$/)
    // Per-package numbers are Go's too (go test -cover), though the table shows totals only.
    expect(goTestPercents(fixtureFile(one, 'test-set.txt')).get('example.com/basic/tie')).toBe('31.2')
  })

  it('writes --lcov and --merged files that lcov-parse and go tool cover accept', async () => {
    const cwd = mkdtempSync(path.join(tmp, 'module-'))
    copyFileSync(path.join(basicModule, 'go.mod'), path.join(cwd, 'go.mod'))
    const counts = runs.map(r => path.join(r.dir, 'count.out'))
    const result = await run(['--lcov', 'merged.lcov', '--merged=merged.out', '--json', ...counts], cwd)
    expect(result).toMatchObject({code: 0, stderr: ''})
    const merged = (JSON.parse(result.stdout) as {merged: {lines: {covered: number; total: number}}}).merged.lines
    const records = await new Promise<lcovParse.LcovRecord[]>((resolve, reject) =>
      lcovParse(path.join(cwd, 'merged.lcov'), (err, data) => (err ? reject(new Error(err)) : resolve(data ?? [])))
    )
    // SF paths are relative to the module, because the working directory holds its go.mod.
    expect(records.map(r => r.file)).toContain('calc/calc.go')
    expect([records.reduce((n, r) => n + r.lines.hit, 0), records.reduce((n, r) => n + r.lines.found, 0)]).toEqual([merged.covered, merged.total])
    expect(readFileSync(path.join(cwd, 'merged.out'), 'utf8')).toMatch(/^mode: count\nexample\.com\/basic\/calc\/calc\.go:/)
    const go = runsWithGo()[0]
    if (go !== undefined) {
      const out = execFileSync(path.join(go.goroot, 'bin', 'go'), ['tool', 'cover', `-func=${path.join(cwd, 'merged.out')}`], {
        cwd: basicModule,
        encoding: 'utf8',
        env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: go.goroot}
      })
      expect(parseFuncOutput(out).totalPercent).not.toBeNull()
    }
  })

  it.each([
    [['--json'], 'go-matrix coverage: give at least one profile'],
    [['--lcov'], 'go-matrix coverage: --lcov needs a file name'],
    [['--frobnicate', 'a.out'], 'go-matrix coverage: unknown flag --frobnicate'],
    [['--json=yes', 'a.out'], 'go-matrix coverage: unknown flag --json']
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.stderr.startsWith(`${message}\n`)).toBe(true)
    expect(result.stderr).toContain('usage: go-matrix coverage')
  })

  it('exits 2 on bad input with "go-matrix coverage: <path>:<line>: <message>"', async () => {
    writeFileSync(path.join(tmp, 'bad.out'), 'mode: set\nexample.com/m/a.go:1.1,2.2 1 1\nexample.com/m/a.go:3.1,4.2 1 -2\n')
    const result = await run(['bad.out'])
    expect(result).toEqual({code: 2, stdout: '', stderr: `go-matrix coverage: ${path.join(tmp, 'bad.out')}:3: negative count -2, got "example.com/m/a.go:3.1,4.2 1 -2"\n`})
  })

  it('exits 2 when --merged is asked for profiles of different modes, naming both', async () => {
    const [set, count] = [path.join(runs[0]?.dir ?? '', 'set.out'), path.join(runs[0]?.dir ?? '', 'count.out')]
    const result = await run(['--merged', 'm.out', set, count])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`go-matrix coverage: ${count}: mode count differs from mode set of ${set}; profiles of different modes cannot be merged\n`)
  })

  it('exits 2 for a profile it cannot read', async () => {
    const result = await run(['missing.out'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^go-matrix coverage: .*missing\.out: cannot read the profile: ENOENT/)
  })

  it('prints help and exits 0', async () => {
    expect(await run(['--help'])).toEqual({code: 0, stdout: COVERAGE_HELP, stderr: ''})
  })

  it('the help says what the interface says', () => {
    expect(COVERAGE_HELP).toContain('go-matrix coverage [--json] [--lcov FILE] [--merged FILE] PROFILE...')
  })
})
