import path from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {functionCoverage, parseFuncOutput, summarizeFunctions} from '../../src/coverage/functions.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import type {Profile} from '../../src/coverage/model.js'
import {formatGoTestCoverage, formatPercent} from '../../src/coverage/percent.js'
import {readProfile} from '../../src/files/read-profile.js'
import {findSummary, summarizeStatements} from '../../src/coverage/summary.js'
import {profileOf} from '../../src/coverage/blocks-builder.js'
import {blocksOf} from '../../src/coverage/model.js'
import {fixtureFile, fixtureRun, fixtureRuns, goTestCoverage, goTestPercents, packagesWithoutTests, setProfile} from './fixtures.js'

/**
 * The engine against what each Go version printed about its own profiles (fixtures from
 * scripts/gen-cover-fixtures.mjs: every module under every installed Go, 1.19 to 1.27).
 * go-matrix's per-package and total statement coverage are `go test -cover`'s: each package as its
 * own tests cover it, every block counted, package-level closures included. `go tool cover -func`
 * lists functions, so its total leaves out blocks outside every function, and it merges the whole
 * profile, so under Go 1.22 and 1.23 it also counts what other test binaries recorded for a
 * package without tests.
 */
const runs = fixtureRuns()

/** Blocks outside every function in the fixture modules (file:line of the closure). */
const PACKAGE_LEVEL_CLOSURES: Record<string, string[]> = {tomlish: ['example.com/tomlish/internal/tz.go:7']}

function withoutClosures(module: string, profile: Profile): Profile {
  const closures = PACKAGE_LEVEL_CLOSURES[module] ?? []
  return profileOf(profile.mode, blocksOf(profile).filter(b => !closures.includes(`${b.file}:${b.startLine}`)))
}

describe('agreement with Go', () => {
  it('has fixtures of every Go minor from 1.19 to 1.27 but 1.20, for every module', () => {
    const minors = [...new Set(runs.map(r => r.version.split('.').slice(0, 2).join('.')))]
    expect(minors).toEqual(['1.19', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27'])
    for (const module of ['basic', 'layout', 'tomlish']) expect(runs.filter(r => r.module === module)).toHaveLength(8)
  })

  describe.each(runs.map(run => [run.version, run.module, run] as const))('Go %s, module %s', (version, module, run) => {
    it('per-package percentages equal what go test -cover printed (Go 1.22: see below)', async () => {
      const statements = summarizeStatements((await setProfile(run)).profile)
      const ours = new Map(statements.packages.map(p => [p.name, formatPercent(p.summary.covered, p.summary.total)]))
      const printed = goTestPercents(fixtureFile(run, 'test-set.txt'))
      if (version.startsWith('1.22.') && module === 'tomlish') {
        // Go 1.22 prints the test binary's figure for the package that runs internal/tag (below).
        expect([ours.get('example.com/tomlish'), printed.get('example.com/tomlish')]).toEqual(['78.6', '60.9'])
        ours.delete('example.com/tomlish')
        printed.delete('example.com/tomlish')
      }
      expect(ours).toEqual(printed)
    })

    it('prints each package as go test -cover does, "[no statements]" included', async () => {
      const statements = summarizeStatements((await setProfile(run)).profile)
      const printed = goTestCoverage(fixtureFile(run, 'test-set.txt'))
      if (module === 'basic') expect(printed.get('example.com/basic/shapes')).toBe('[no statements]')
      for (const [name, text] of printed) {
        if (version.startsWith('1.22.') && name === 'example.com/tomlish') continue
        // A package without statements has no blocks in the profile: Go counts it as 0 of 0.
        const counts = findSummary(statements.packages, name) ?? {covered: 0, total: 0}
        expect([name, formatGoTestCoverage(counts)]).toEqual([name, text])
      }
    })

    it.each(['set', 'count'])('the %s profile total equals go tool cover -func\'s, less the blocks outside every function', async name => {
      const profile = await readProfile(path.join(run.dir, `${name}.out`))
      const go = parseFuncOutput(fixtureFile(run, `func-${name}.txt`))
      expect(go.totalPercent).not.toBeNull()
      const functionsOnly = summarizeStatements(withoutClosures(module, profile)).total
      expect(formatPercent(functionsOnly.covered, functionsOnly.total)).toBe((go.totalPercent as number).toFixed(1))
    })

    it('functions are covered exactly when Go prints more than 0.0%', async () => {
      const profile = await readProfile(path.join(run.dir, 'set.out'))
      const functions = functionCoverage(parseFuncOutput(fixtureFile(run, 'func-set.txt')), profile)
      expect(functions.length).toBeGreaterThan(3)
      for (const fn of functions) expect([fn.name, fn.covered]).toEqual([fn.name, fn.percent > 0])
      expect(summarizeFunctions(functions).covered).toBe(functions.filter(fn => fn.percent > 0).length)
    })

    it('line coverage counts each instrumented line once', async () => {
      const {profile} = await setProfile(run)
      const lines = summarizeLines(lineCoverage(profile))
      expect(lines.total.total).toBeGreaterThan(0)
      expect(lines.total.covered).toBeLessThanOrEqual(lines.total.total)
      expect(lines.packages.map(p => p.name)).toEqual(summarizeStatements(profile).packages.map(p => p.name))
    })
  })

  it('includes a package whose exact percentage is a binary tie (31.25 prints as 31.2)', async () => {
    const run = fixtureRun('1.19', 'basic')
    const tie = summarizeStatements(await readProfile(path.join(run.dir, 'set.out'))).packages.find(p => p.name === 'example.com/basic/tie')
    expect(tie?.summary).toEqual({covered: 5, total: 16, percent: 31.2})
    expect(goTestPercents(fixtureFile(run, 'test-set.txt')).get('example.com/basic/tie')).toBe('31.2')
  })
})

describe('a package-level closure: counted by go test -cover and go-matrix, not by go tool cover -func', () => {
  it.each(runs.filter(r => r.module === 'tomlish').map(r => [r.version, r] as const))('Go %s', async (_version, run) => {
    const {raw, profile} = await setProfile(run)
    const closure = blocksOf(profile).filter(b => b.file === 'example.com/tomlish/internal/tz.go' && b.startLine === 7)
    expect(closure).toEqual([expect.objectContaining({numStmt: 2, count: 1})])
    // go test -cover prints internal's 4 of 5 statements: the closure's 2 are in.
    expect(goTestPercents(fixtureFile(run, 'test-set.txt')).get('example.com/tomlish/internal')).toBe('80.0')
    expect(findSummary(summarizeStatements(profile).packages, 'example.com/tomlish/internal')).toEqual({covered: 4, total: 5, percent: 80})
    // -func lists functions only: its total is the profile's without the closure, so it differs from ours.
    const go = (parseFuncOutput(fixtureFile(run, 'func-set.txt')).totalPercent as number).toFixed(1)
    const all = summarizeStatements(raw).total
    const functionsOnly = summarizeStatements(withoutClosures('tomlish', raw)).total
    expect([functionsOnly.total, functionsOnly.covered]).toEqual([all.total - 2, all.covered - 2])
    expect(formatPercent(functionsOnly.covered, functionsOnly.total)).toBe(go)
    expect(formatPercent(all.covered, all.total)).not.toBe(go)
  })
})

describe('Go 1.22 and 1.23 record other test binaries\' counters for a package without tests', () => {
  it.each(runs.filter(r => r.module === 'tomlish').map(r => [r.version, r] as const))('Go %s', async (version, run) => {
    const {raw, profile, otherTestBinaries} = await setProfile(run)
    const tag = 'example.com/tomlish/internal/tag'
    const printed = goTestPercents(fixtureFile(run, 'test-set.txt'))
    const minor = version.split('.').slice(0, 2).join('.')
    if (minor === '1.19' || minor === '1.21') {
      // Go 1.21 and earlier leave a package without tests out, and print no figure for it.
      expect(packagesWithoutTests(run)).toEqual([tag])
      expect(printed.has(tag)).toBe(false)
      expect(raw.files.map(f => f.file)).not.toContain(`${tag}/tag.go`)
      expect(otherTestBinaries).toBeNull()
      return
    }
    expect(packagesWithoutTests(run)).toEqual([tag])
    expect(printed.get(tag)).toBe('0.0')
    const repeats = raw.files.find(f => f.file === `${tag}/tag.go`)
    const lines = fixtureFile(run, 'set.out').split('\n').filter(l => l.startsWith(`${tag}/tag.go:`))
    if (minor === '1.22' || minor === '1.23') {
      // Its blocks twice: once at 0 from its own entry, once from the test binary of the package that imports it.
      expect(lines).toHaveLength(2 * (repeats?.length ?? 0))
      expect(otherTestBinaries).toEqual({
        statements: {covered: 3, total: 9, percent: 33.3},
        packages: [{name: tag, summary: {covered: 3, total: 9, percent: 33.3}}]
      })
      // Merged as Go merges a profile (and as -func totals it), they would count; go-matrix does not.
      expect(findSummary(summarizeStatements(raw).packages, tag)).toEqual({covered: 3, total: 9, percent: 33.3})
    } else {
      expect(lines).toHaveLength(repeats?.length ?? -1)
      expect(otherTestBinaries).toBeNull()
    }
    expect(findSummary(summarizeStatements(profile).packages, tag)).toEqual({covered: 0, total: 9, percent: 0})
    const own = findSummary(summarizeStatements(profile).packages, 'example.com/tomlish') as {covered: number; total: number}
    expect(own).toEqual({covered: 11, total: 14, percent: 78.6})
    if (minor === '1.22') {
      // Go 1.22 prints the test binary's figure: the package's own statements and the ones it ran in internal/tag.
      expect(printed.get('example.com/tomlish')).toBe('60.9')
      expect(formatPercent(own.covered + 3, own.total + 9)).toBe('60.9')
    } else {
      expect(printed.get('example.com/tomlish')).toBe('78.6')
    }
  })
})
