import {describe, expect, it} from '@jest/globals'
import {compareGoVersions, isGoVersion, isPrerelease} from '../../src/go/gover.js'

/**
 * The one order of Go versions. The first rows are Go's own table (internal/gover's compareTests,
 * which go/version's Compare uses); the rows after them are where go-matrix's three former
 * orderings disagreed with Go and with each other: the semver-based one of go/versions.ts read
 * `1.21` as `1.21.0` and rejected alpha releases, the key tuple of coverage/baseline.ts read
 * `1.21` as `1.21.0` too and anything unreadable as `0`, and run/go-mod.ts threw on text that is
 * not a version. Go's order decides every row.
 */
describe('compareGoVersions', () => {
  it.each([
    // internal/gover's compareTests, as Go has them.
    ['', '', 0],
    ['x', 'x', 0],
    ['', 'x', 0],
    ['1', '1.1', -1],
    ['1.5', '1.6', -1],
    ['1.5', '1.10', -1],
    ['1.6', '1.6.1', -1],
    ['1.19', '1.19.0', 0],
    ['1.19rc1', '1.19', -1],
    ['1.20', '1.20.0', 0],
    ['1.20rc1', '1.20', -1],
    ['1.21', '1.21.0', -1],
    ['1.21', '1.21rc1', -1],
    ['1.21rc1', '1.21.0', -1],
    ['1.6', '1.19', -1],
    ['1.19', '1.19.1', -1],
    ['1.19rc1', '1.19.1', -1],
    ['1.19rc1', '1.19rc2', -1],
    ['1.19.0', '1.19.1', -1],
    ['1.19rc1', '1.19.0', -1],
    ['1.19alpha3', '1.19beta2', -1],
    ['1.19beta2', '1.19rc1', -1],
    ['1.1', '1.99999999999999998', -1],
    ['1.99999999999999998', '1.99999999999999999', -1],
    // Where the former orderings disagreed: semver and the key tuple said 0 and +1 here.
    ['1.22', '1.22.0', -1],
    ['1.22', '1.22rc1', -1],
    // semver rejected alpha releases; Go orders them first.
    ['1.22alpha1', '1.22beta1', -1],
    // Text that is not a version orders first, and the same as other such text, instead of throwing.
    ['stable', '1.22', -1],
    ['1.22.x', '1.19', -1],
    ['1.22.1rc1', '1.0', -1],
    ['stable', 'oldstable', 0],
    // Either form, with or without the go prefix; a toolchain name's suffix is no part of the version.
    ['go1.22.12', '1.22.12', 0],
    ['go1.21.0-custom', '1.21.0', 0],
    ['1.24rc1', '1.23.5', 1],
    ['1.9', '1.10', -1],
    ['2', '1.99', 1],
    ['1.21.13', '1.22rc1', -1],
    ['1.22.12', '1.22.2', 1]
  ])('%j vs %j: %i', (a, b, sign) => {
    expect(Math.sign(compareGoVersions(a, b))).toBe(sign)
    expect(Math.sign(compareGoVersions(b, a))).toBe(-sign || 0)
  })

  it('sorts a matrix of releases oldest first, each minor’s prereleases before its first release', () => {
    const sorted = ['1.21.0', '1.20', '1.21rc2', '1.20.1', '1.9beta2', '1.9', '1.21', '1.20rc1'].sort(compareGoVersions)
    expect(sorted).toEqual(['1.9beta2', '1.9', '1.20rc1', '1.20', '1.20.1', '1.21', '1.21rc2', '1.21.0'])
  })
})

describe('isGoVersion and isPrerelease', () => {
  it.each([
    ['1', true, false],
    ['1.21', true, false],
    ['go1.21.5', true, false],
    ['1.24rc1', true, true],
    ['1.9beta2', true, true],
    ['1.21alpha1', true, true],
    ['1.21rc', true, true],
    ['1.21.3rc1', false, false],
    ['1.021', false, false],
    ['1.22.x', false, false],
    ['stable', false, false],
    ['', false, false]
  ])('%j: a version %s, a prerelease %s', (text, version, prerelease) => {
    expect(isGoVersion(text)).toBe(version)
    expect(isPrerelease(text)).toBe(prerelease)
  })
})
