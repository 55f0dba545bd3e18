import {afterAll, describe, expect, it} from '@jest/globals'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {pickReference, type AnalysedVersion} from '../../src/conclusion/conclude.js'
import {concludeRun} from '../../src/conclusion/run.js'
import {parseOptions} from '../../src/inputs/options.js'
import {parseProfile} from '../../src/coverage/parse.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {silentLogger} from '../../src/util/log.js'
import {makeVersion} from '../report/builders.js'

function analysed(version: string, profileText: string): AnalysedVersion {
  const profile = parseProfile(profileText, `${version}.out`)
  const lines = lineCoverage(profile)
  const coverage = {profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions: []}
  return {report: makeVersion(version), coverage}
}

const older = analysed('1.21.13', 'mode: set\nexample.com/m/a.go:3.14,5.2 2 1\nexample.com/m/a.go:7.14,9.2 2 0\n')
const newer = analysed(
  '1.22.12',
  'mode: set\nexample.com/m/a.go:3.14,5.2 2 1\nexample.com/m/a.go:7.14,9.2 2 0\nexample.com/m/untested/u.go:3.14,5.2 4 0\n'
)

describe('concludeRun', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map(d => rm(d, {recursive: true, force: true}))))

  async function conclude(mode: 'run' | 'collect') {
    const reportDir = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-conclude-'))
    dirs.push(reportDir)
    const options = parseOptions(name => ({'go-versions': '1.21,1.22', mode, 'min-coverage': '90', baseline: 'none'})[name] ?? '')
    const ctx = {workspace: reportDir, commit: 'c0ffee', ref: 'refs/heads/main', logger: silentLogger, toolVersion: 'test'}
    return concludeRun(options, ctx, {reportDir, versions: [older, newer], sourcePath: f => f})
  }

  it('gates in mode run: the newest version is the reference, compared like for like', async () => {
    const result = await conclude('run')
    expect(result.report.comparisons.versions).toEqual([
      expect.objectContaining({version: '1.21.13', reference: '1.22.12', rawDelta: 25, likeForLikeDelta: 0})
    ])
    expect(result.report.gates.map(g => [g.name, g.passed])).toEqual([
      ['max-version-delta', true],
      ['min-coverage', false]
    ])
    expect(result.verdict.failJob).toBe(true)
    expect(result.referenceCoverage).toBe('25.0')
    const written = JSON.parse(await readFile(result.files.report, 'utf8'))
    expect(written).toEqual(JSON.parse(JSON.stringify(result.report)))
  })

  it('records no gates in mode collect (the aggregate job gates)', async () => {
    const result = await conclude('collect')
    expect(result.report.gates).toEqual([])
    expect(result.verdict).toMatchObject({passed: true, failJob: false})
    expect(result.report.comparisons.versions).toHaveLength(1)
  })
})

describe('pickReference', () => {
  const versions = [
    {spec: '1.21', version: '1.21.13'},
    {spec: 'stable', version: '1.23.5'},
    {spec: '1.22', version: '1.22.12'}
  ]
  const covered = new Map(versions.map(v => [v.version, true]))
  it.each([
    ['', '1.23.5'],
    ['1.22.12', '1.22.12'],
    ['go1.22.12', '1.22.12'],
    ['stable', '1.23.5'],
    ['1.21', '1.21.13'],
    ['1.20', null]
  ])('%p -> %p', (wanted, expected) => {
    expect(pickReference(wanted, versions, covered)).toBe(expected)
  })

  it('never picks a version without coverage', () => {
    expect(pickReference('', versions, new Map([['1.21.13', true]]))).toBe('1.21.13')
  })
})

describe('concludeRun writes through the report folder rules', () => {
  it('refuses to write over a report file it did not write', async () => {
    const reportDir = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-conclude-'))
    await writeFile(path.join(reportDir, 'summary.md'), 'mine\n')
    const options = parseOptions(name => ({'go-versions': '1.21,1.22', baseline: 'none'})[name] ?? '')
    const ctx = {workspace: reportDir, commit: 'c0ffee', ref: 'refs/heads/main', logger: silentLogger, toolVersion: 'test'}
    await expect(concludeRun(options, ctx, {reportDir, versions: [older, newer], sourcePath: f => f})).rejects.toThrow('already holds files go-matrix did not write (summary.md)')
    expect(await readFile(path.join(reportDir, 'summary.md'), 'utf8')).toBe('mine\n')
    await rm(reportDir, {recursive: true, force: true})
  })
})
