import {describe, expect, it} from '@jest/globals'
import {countOwnTests, functionsOfOwnTests} from '../../src/coverage/own-tests.js'
import {blocksOf} from '../../src/coverage/model.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {makeProfile} from './builders.js'

describe('countOwnTests', () => {
  // As Go 1.22 writes it: notests's blocks at 0 from its own entry, and again from m's test binary.
  const profile = makeProfile('set', [
    ['example.com/m/a.go', '3.14,5.2', 2, 1],
    ['example.com/m/notests/n.go', '3.14,5.2', 2, 1],
    ['example.com/m/notests/n.go', '7.14,9.2', 3, 0],
    ['example.com/m/other/o.go', '1.1,1.9', 1, 1]
  ])

  it('counts the blocks of packages without tests as not run, and says what it took out', () => {
    const before = blocksOf(profile)
    const {profile: counted, otherTestBinaries} = countOwnTests(profile, ['example.com/m/notests', 'example.com/m/absent'])
    expect(summarizeStatements(counted).packages.map(p => [p.name, p.summary.covered, p.summary.total])).toEqual([
      ['example.com/m', 2, 2],
      ['example.com/m/notests', 0, 5],
      ['example.com/m/other', 1, 1]
    ])
    expect(otherTestBinaries).toEqual({
      statements: {covered: 2, total: 5, percent: 40},
      packages: [{name: 'example.com/m/notests', summary: {covered: 2, total: 5, percent: 40}}]
    })
    // The input is untouched; only the counts are new.
    expect(blocksOf(profile)).toEqual(before)
    expect(counted.blocks.startLine).toBe(profile.blocks.startLine)
  })

  it('returns the profile itself when nothing was recorded by other binaries (Go 1.24+, or -coverpkg: none given)', () => {
    expect(countOwnTests(profile, [])).toEqual({profile, otherTestBinaries: null})
    const zeros = makeProfile('set', [['example.com/m/notests/n.go', '3.14,5.2', 2, 0]])
    expect(countOwnTests(zeros, ['example.com/m/notests']).profile).toBe(zeros)
  })

  it('takes the functions of those packages as not run too', () => {
    const fn = (file: string, percent: number) => ({file, line: 3, name: 'F', percent, covered: percent > 0, hits: percent > 0 ? 1 : 0})
    const {otherTestBinaries} = countOwnTests(profile, ['example.com/m/notests'])
    expect(functionsOfOwnTests([fn('example.com/m/a.go', 100), fn('example.com/m/notests/n.go', 40)], otherTestBinaries)).toEqual([
      fn('example.com/m/a.go', 100),
      fn('example.com/m/notests/n.go', 0)
    ])
  })
})
