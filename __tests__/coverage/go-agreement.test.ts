import path from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {functionCoverage, parseFuncOutput, summarizeFunctions} from '../../src/coverage/functions.js'
import {lineCoverage, summarizeLines} from '../../src/coverage/lines.js'
import {formatGoTestCoverage, formatPercent} from '../../src/coverage/percent.js'
import {readProfile} from '../../src/coverage/read.js'
import {findSummary, summarizeStatements} from '../../src/coverage/summary.js'
import {fixtureFile, fixtureRuns, goTestCoverage, goTestPercents} from './fixtures.js'

/** The engine against what each Go version printed about its own profiles (fixtures from scripts/gen-cover-fixtures.mjs). */
const runs = fixtureRuns()

describe('agreement with Go', () => {
  it('has fixtures of Go 1.19, 1.21, 1.22 and 1.23', () => {
    expect(runs.map(r => r.version.split('.').slice(0, 2).join('.'))).toEqual(expect.arrayContaining(['1.19', '1.21', '1.22', '1.23']))
  })

  describe.each(runs.map(run => [run.version, run.module, run] as const))('Go %s, module %s', (_version, _module, run) => {
    it('per-package percentages equal what go test -cover printed', async () => {
      const statements = summarizeStatements(await readProfile(path.join(run.dir, 'set.out')))
      const ours = new Map(statements.packages.map(p => [p.name, formatPercent(p.summary.covered, p.summary.total)]))
      expect(ours).toEqual(goTestPercents(fixtureFile(run, 'test-set.txt')))
    })

    it('prints each package as go test -cover does, "[no statements]" included', async () => {
      const statements = summarizeStatements(await readProfile(path.join(run.dir, 'set.out')))
      const printed = goTestCoverage(fixtureFile(run, 'test-set.txt'))
      expect(printed.get('example.com/basic/shapes')).toBe('[no statements]')
      for (const [name, text] of printed) {
        // A package without statements has no blocks in the profile: Go counts it as 0 of 0.
        const counts = findSummary(statements.packages, name) ?? {covered: 0, total: 0}
        expect([name, formatGoTestCoverage(counts)]).toEqual([name, text])
      }
    })

    it.each(['set', 'count'])('the %s profile total equals go tool cover -func\'s', async name => {
      const profile = await readProfile(path.join(run.dir, `${name}.out`))
      const total = summarizeStatements(profile).total
      const go = parseFuncOutput(fixtureFile(run, `func-${name}.txt`))
      expect(go.totalPercent).not.toBeNull()
      expect(formatPercent(total.covered, total.total)).toBe((go.totalPercent as number).toFixed(1))
    })

    it('functions are covered exactly when Go prints more than 0.0%', async () => {
      const profile = await readProfile(path.join(run.dir, 'set.out'))
      const functions = functionCoverage(parseFuncOutput(fixtureFile(run, 'func-set.txt')), profile)
      expect(functions.length).toBeGreaterThan(5)
      for (const fn of functions) expect([fn.name, fn.covered]).toEqual([fn.name, fn.percent > 0])
      expect(summarizeFunctions(functions).covered).toBe(functions.filter(fn => fn.percent > 0).length)
    })

    it('line coverage counts each instrumented line once', async () => {
      const profile = await readProfile(path.join(run.dir, 'set.out'))
      const lines = summarizeLines(lineCoverage(profile))
      expect(lines.total.total).toBeGreaterThan(0)
      expect(lines.total.covered).toBeLessThanOrEqual(lines.total.total)
      expect(lines.packages.map(p => p.name)).toEqual(summarizeStatements(profile).packages.map(p => p.name))
    })
  })

  it('includes a package whose exact percentage is a binary tie (31.25 prints as 31.2)', async () => {
    const run = runs[0]
    if (run === undefined) throw new Error('no fixtures')
    const tie = summarizeStatements(await readProfile(path.join(run.dir, 'set.out'))).packages.find(p => p.name === 'example.com/basic/tie')
    expect(tie?.summary).toEqual({covered: 5, total: 16, percent: 31.2})
    expect(goTestPercents(fixtureFile(run, 'test-set.txt')).get('example.com/basic/tie')).toBe('31.2')
  })
})
