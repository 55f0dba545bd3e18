import path from 'node:path'
import {describe, expect, it} from '@jest/globals'
import {readProfile} from '../../src/coverage/read.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {compareVersions} from '../../src/compare/versions.js'
import {fixtureRuns} from '../coverage/fixtures.js'
import {makeProfile} from '../coverage/builders.js'

async function fixture(minor: string) {
  const run = fixtureRuns().find(r => r.version.startsWith(`${minor}.`))
  if (run === undefined) throw new Error(`no Go ${minor} fixture`)
  return {version: run.version, profile: await readProfile(path.join(run.dir, 'set.out'))}
}

describe('compareVersions on real profiles', () => {
  it('Go 1.21 against Go 1.22: like-for-like 0.0, the raw delta explained by the package without tests', async () => {
    const go121 = await fixture('1.21')
    const go122 = await fixture('1.22')
    const [comparison] = compareVersions([go121, go122], go122.version)
    const raw121 = summarizeStatements(go121.profile).total
    const raw122 = summarizeStatements(go122.profile).total
    expect(raw121.percent - raw122.percent).toBeGreaterThan(5)
    expect(comparison).toMatchObject({
      version: go121.version,
      reference: go122.version,
      rawDelta: Number((((100 * raw121.covered) / raw121.total) - (100 * raw122.covered) / raw122.total).toFixed(1)),
      likeForLikeDelta: 0,
      onlyInVersion: {statements: {total: 0}, lines: {total: 0}, packages: []},
      coveredOnlyInVersion: {count: 0, lines: [], more: 0},
      coveredOnlyInReference: {count: 0, lines: [], more: 0}
    })
    expect(comparison?.onlyInReference.packages).toEqual([
      {name: 'example.com/basic/untested', statements: {covered: 0, total: 8, percent: 0}, lines: expect.objectContaining({covered: 0})}
    ])
    expect(comparison?.onlyInReference.statements.total).toBe(raw122.total - raw121.total)
    expect(comparison?.explanation).toContain('only under Go 1.22.12')
    expect(comparison?.explanation).toContain('example.com/basic/untested')
  })

  it('Go 1.19 against Go 1.23: the same blocks, nothing to explain', async () => {
    const go119 = await fixture('1.19')
    const go123 = await fixture('1.23')
    const [comparison] = compareVersions([go123, go119], go123.version)
    expect(comparison?.version).toBe(go119.version)
    expect(comparison?.likeForLikeDelta).toBe(0)
    expect(comparison?.onlyInVersion.lines.total).toBe(0)
  })
})

describe('compareVersions', () => {
  const reference = {
    version: '1.23.5',
    profile: makeProfile('count', [
      ['m/a/a.go', '1.1,3.2', 2, 1],
      ['m/a/a.go', '4.1,4.9', 1, 0],
      ['m/a/a.go', '6.1,6.9', 1, 1],
      ['m/b/b.go', '1.1,1.9', 4, 0]
    ])
  }
  const other = {
    version: '1.21.13',
    profile: makeProfile('count', [
      ['m/a/a.go', '1.1,3.2', 2, 1],
      ['m/a/a.go', '4.1,4.9', 1, 3],
      ['m/a/a.go', '6.1,6.9', 1, 0],
      ['m/c/c.go', '1.1,2.9', 3, 1]
    ])
  }

  it('separates common lines, covered-only lines and what only one version instruments', () => {
    const [c] = compareVersions([reference, other], '1.23.5', {maxLines: 1})
    expect(c).toMatchObject({
      version: '1.21.13',
      reference: '1.23.5',
      // 6 of 7 statements against 3 of 8.
      rawDelta: 48.2,
      // Lines 1-4 and 6 of a.go: 4 covered under both.
      common: {lines: 5, covered: 4, referenceCovered: 4},
      likeForLikeDelta: 0,
      coveredOnlyInVersion: {count: 1, lines: [{file: 'm/a/a.go', line: 4}], more: 0},
      coveredOnlyInReference: {count: 1, lines: [{file: 'm/a/a.go', line: 6}], more: 0},
      onlyInVersion: {
        statements: {covered: 3, total: 3},
        lines: {covered: 2, total: 2},
        packages: [{name: 'm/c', statements: {covered: 3, total: 3, percent: 100}, lines: {covered: 2, total: 2, percent: 100}}]
      },
      onlyInReference: {statements: {covered: 0, total: 4}, lines: {covered: 0, total: 1}, packages: [{name: 'm/b'}]}
    })
  })

  it('caps the covered-only lists and counts the rest', () => {
    const many = {version: 'x', profile: makeProfile('set', [['m/a.go', '1.1,30.2', 1, 1]])}
    const none = {version: 'y', profile: makeProfile('set', [['m/a.go', '1.1,30.2', 1, 0]])}
    const [c] = compareVersions([many, none], 'y', {maxLines: 3})
    expect(c?.coveredOnlyInVersion).toEqual({count: 30, lines: [1, 2, 3].map(line => ({file: 'm/a.go', line})), more: 27})
    expect(c?.likeForLikeDelta).toBe(100)
  })

  it('needs the reference among the inputs', () => {
    expect(() => compareVersions([other], '1.23.5')).toThrow('reference version 1.23.5 has no coverage to compare with (versions with coverage: 1.21.13)')
  })
})
