/**
 * A leg that counted each package by its own tests (Go 1.22 and 1.23 record other test binaries'
 * counters for a package without tests) records which packages it set aside, and the aggregate
 * sets them aside again when it rebuilds that version's coverage from coverage.out.
 */
import {afterAll, describe, expect, it} from '@jest/globals'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {rebuildCoverage} from '../../src/aggregate/read.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import type {AnalysedCoverage} from '../../src/conclusion/conclude.js'
import type {VersionReport} from '../../src/report/schema.js'
import {fixtureRun, setProfile} from '../coverage/fixtures.js'
import {writeLeg} from './legs-builder.js'

describe('a leg with counters set aside', () => {
  const dirs: string[] = []
  afterAll(async () => Promise.all(dirs.map(d => rm(d, {recursive: true, force: true}))))

  it('is rebuilt with the same packages set aside, and the files check out', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'go-matrix-own-tests-leg-'))
    dirs.push(root)
    const run = fixtureRun('1.22', 'tomlish')
    const {profile, otherTestBinaries} = await setProfile(run)
    expect(otherTestBinaries).not.toBeNull()
    const lines = lineCoverage(profile)
    const coverage: AnalysedCoverage = {profile, statements: summarizeStatements(profile), lines, lineSummary: summarizeLines(lines), functions: [], otherTestBinaries}
    const report: VersionReport = {
      spec: '1.22',
      version: run.version,
      status: 'passed',
      toolchain: {source: 'local', sha256: '', seconds: 0},
      tests: {passed: 1, failed: 0, skipped: 0, failures: []},
      coverage: {
        statements: coverage.statements.total,
        lines: coverage.lineSummary.total,
        functions: {covered: 0, total: 0, percent: 0},
        packages: coverage.statements.packages.map(p => ({name: p.name, statements: p.summary})),
        otherTestBinaries: {statements: otherTestBinaries!.statements, packages: otherTestBinaries!.packages.map(p => ({name: p.name, statements: p.summary}))}
      },
      seconds: 1
    }
    const leg = path.join(root, 'leg')
    await writeLeg(leg, [{report, coverage, profileFile: path.join(run.dir, 'set.out')}], root)
    const legFile = path.join(leg, 'report.json')
    const written = JSON.parse(await readFile(legFile, 'utf8'))
    expect(written.versions[0].coverage.otherTestBinaries.packages).toEqual([
      {name: 'example.com/tomlish/internal/tag', statements: {covered: 3, total: 9, percent: 33.3}}
    ])

    const rebuilt = await rebuildCoverage(legFile, 'leg/report.json', written.versions[0])
    expect(rebuilt.coverage.statements.total).toEqual(coverage.statements.total)
    expect(rebuilt.coverage.otherTestBinaries).toEqual(otherTestBinaries)

    // Without the record, coverage.out alone counts internal/tag's other counters: not the leg's figures.
    delete written.versions[0].coverage.otherTestBinaries
    await writeFile(legFile, JSON.stringify(written))
    await expect(rebuildCoverage(legFile, 'leg/report.json', written.versions[0])).rejects.toThrow(/covers 18 of 28 statements, but the report says 15 of 28/)
  })
})
