import {describe, expect, it} from '@jest/globals'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {platformFor} from '../../src/go/platform.js'
import {availableVersions, parseIndex, type GoRelease} from '../../src/go/releases.js'
import {
  goToSemver,
  parseVersionSpec,
  resolveVersion,
  resolveVersions,
  semverToGo,
  VersionResolutionError
} from '../../src/go/versions.js'

const fixtures = path.join(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..', 'fixtures', 'dl')
/** Shaped like go.dev's index (stable and unstable releases, archives, installers, sources), newest 1.24rc2. */
const modern: GoRelease[] = parseIndex(readFileSync(path.join(fixtures, 'go-dl.json'), 'utf8'), 'go-dl.json')
/** A real capture of go.dev's index from 2020 (go1.11 to go1.14rc1). */
const captured: GoRelease[] = parseIndex(readFileSync(path.join(fixtures, 'go-dl-2020.json'), 'utf8'), 'go-dl-2020.json')

const linux = platformFor('linux', 'x64')
const darwinArm = platformFor('darwin', 'arm64')
const windows = platformFor('win32', 'x64')

describe('Go versions and semver', () => {
  it.each([
    ['1.20', '1.20.0'],
    ['go1.20', '1.20.0'],
    ['1.21.0', '1.21.0'],
    ['1.22.12', '1.22.12'],
    ['go1.24rc1', '1.24.0-rc.1'],
    ['1.9beta2', '1.9.0-beta.2'],
    ['1', '1.0.0']
  ])('%s -> %s', (go, sem) => {
    expect(goToSemver(go)).toBe(sem)
  })

  it.each([
    ['1.20.0', '1.20'],
    ['1.21.0', '1.21.0'],
    ['1.22.12', '1.22.12'],
    ['1.24.0-rc.1', '1.24rc1'],
    ['1.9.0-beta.2', '1.9beta2']
  ])('%s -> %s', (sem, go) => {
    expect(semverToGo(sem)).toBe(go)
  })

  it('rejects a patch prerelease, which Go never published', () => {
    expect(() => goToSemver('1.22.1rc1')).toThrow('"1.22.1rc1" is not a Go version')
  })
})

describe('parseVersionSpec', () => {
  it.each([
    ['1.22.5', {kind: 'exact', version: {major: 1, minor: 22, patch: 5}}],
    ['go1.22.5', {kind: 'exact', version: {major: 1, minor: 22, patch: 5}}],
    ['v1.22.5', {kind: 'exact', version: {major: 1, minor: 22, patch: 5}}],
    ['1.24rc1', {kind: 'exact', version: {major: 1, minor: 24, patch: 0, prerelease: {kind: 'rc', number: 1}}}],
    ['1.24.0-rc.1', {kind: 'exact', version: {major: 1, minor: 24, patch: 0, prerelease: {kind: 'rc', number: 1}}}],
    ['1.22', {kind: 'minor', major: 1, minor: 22}],
    ['1.22.x', {kind: 'minor', major: 1, minor: 22}],
    [' go1.22 ', {kind: 'minor', major: 1, minor: 22}],
    ['^1.22', {kind: 'range', range: '^1.22'}],
    ['>=1.21 <1.24', {kind: 'range', range: '>=1.21 <1.24'}],
    ['~1.21.3', {kind: 'range', range: '~1.21.3'}],
    ['stable', {kind: 'stable'}],
    ['OldStable', {kind: 'oldstable'}]
  ])('%j', (text, spec) => {
    expect(parseVersionSpec(text)).toEqual(spec)
  })

  it.each(['latest-ish', '', '1.22.5rc1', 'go'])('rejects %j naming it and the accepted forms', text => {
    expect(() => parseVersionSpec(text)).toThrow(new VersionResolutionError(
      `go-versions: ${JSON.stringify(text)} is not a Go version spec (use 1.22.5, 1.22, 1.22.x, a range such as ^1.22 or ">=1.21 <1.24", stable, oldstable or 1.24rc1)`
    ))
  })
})

describe('resolveVersions against an index shaped like go.dev', () => {
  const linuxVersions = availableVersions(modern, linux)

  it.each([
    ['1.22.11', '1.22.11'],
    ['1.22', '1.22.12'],
    ['1.22.x', '1.22.12'],
    ['go1.22', '1.22.12'],
    ['1.20', '1.20.14'],
    ['1.20.0', '1.20'],
    ['1.21.0', '1.21.0'],
    ['1.24rc1', '1.24rc1'],
    ['1.9beta2', '1.9beta2'],
    ['^1.21', '1.23.5'],
    ['>=1.21 <1.23', '1.22.12'],
    ['~1.20.1', '1.20.14'],
    ['1.x', '1.23.5'],
    // a patch release that has no linux archive does not count on linux
    ['stable', '1.23.5'],
    ['oldstable', '1.22.12']
  ])('linux/amd64: %s -> %s', (spec, version) => {
    expect(resolveVersion(spec, linuxVersions)).toBe(version)
  })

  it('counts only releases with an archive for the platform', () => {
    expect(resolveVersion('stable', availableVersions(modern, darwinArm))).toBe('1.23.6')
    expect(resolveVersion('1.23', availableVersions(modern, darwinArm))).toBe('1.23.6')
    expect(() => resolveVersion('1.23.6', linuxVersions)).toThrow('go-versions: no Go release matches "1.23.6"; nearest: 1.23.5')
  })

  it('ignores installers and sources when choosing archives', () => {
    const onlyInstallers = modern.map(r => ({...r, files: r.files.filter(f => f.kind !== 'archive')}))
    expect(availableVersions(onlyInstallers, windows)).toEqual([])
    expect(availableVersions(modern, windows).map(v => v.version)).toContain('1.22.12')
  })

  it('keeps input order, drops duplicates (the first spec wins) and reports the spec as written', () => {
    expect(resolveVersions(['1.22', 'stable', '1.22.12', '1.23', 'oldstable', '1.21'], linuxVersions)).toEqual([
      {spec: '1.22', version: '1.22.12'},
      {spec: 'stable', version: '1.23.5'},
      {spec: '1.21', version: '1.21.13'}
    ])
  })

  it.each([
    ['1.30', 'go-versions: no Go release matches "1.30"; nearest: 1.23.5, 1.22.12'],
    ['1.22.99', 'go-versions: no Go release matches "1.22.99"; nearest: 1.22.12'],
    // a minor with only prereleases: ranges and minors pick stable releases only
    ['1.24', 'go-versions: no Go release matches "1.24"; nearest: 1.24rc2, 1.24rc1'],
    ['1.24.0', 'go-versions: no Go release matches "1.24.0"; nearest: 1.24rc2, 1.24rc1'],
    ['1.24rc3', 'go-versions: no Go release matches "1.24rc3"; nearest: 1.24rc2, 1.24rc1'],
    ['>=1.24', 'go-versions: no Go release matches ">=1.24"; nearest: 1.24rc2, 1.24rc1'],
    ['>=1.25', 'go-versions: no Go release matches ">=1.25"; nearest: 1.23.5, 1.22.12'],
    ['1.15', 'go-versions: no Go release matches "1.15"; nearest: 1.19.13, 1.9.7'],
    ['<1.0', 'go-versions: no Go release matches "<1.0"; nearest: 1.19.13, 1.9.7']
  ])('%s: %s', (spec, message) => {
    expect(() => resolveVersions([spec], linuxVersions)).toThrow(new VersionResolutionError(message))
  })

  it('names the source of a spec in its error', () => {
    expect(() => resolveVersions([{spec: '1.30', source: 'go-version-file go.mod'}], linuxVersions)).toThrow(
      'go-version-file go.mod: no Go release matches "1.30"; nearest: 1.23.5, 1.22.12'
    )
  })

  // A go.mod's go line is a minimum, as Go reads it: any newer Go builds the module.
  it('resolves a minimum with no release of its own to the newest patch of the oldest newer minor, saying so', () => {
    const source = 'go-version-file: go.mod'
    expect(() => resolveVersions([{spec: '1.16', source}], linuxVersions)).toThrow('go-version-file: go.mod: no Go release matches "1.16"')
    const [standIn] = resolveVersions([{spec: '1.16', source, minimum: true}], linuxVersions)
    expect(standIn).toEqual({
      spec: '>=1.16',
      version: '1.19.13',
      note: 'go-version-file: go.mod: no Go 1.16 release is available; the module\'s minimum is go 1.16, which every newer Go satisfies, so Go 1.19.13, the oldest release that does, is tested in its place'
    })
    expect(resolveVersions([{spec: '1.22', source, minimum: true}], linuxVersions)).toEqual([{spec: '1.22', version: '1.22.12'}])
    expect(resolveVersions([{spec: '1.22.99', source, minimum: true}], linuxVersions)).toMatchObject([{spec: '>=1.22.99', version: '1.23.5'}])
    expect(() => resolveVersions([{spec: '1.30', source, minimum: true}], linuxVersions)).toThrow('go-version-file: go.mod: no Go release matches "1.30"; nearest: 1.23.5, 1.22.12')
  })

  it('fails stable and oldstable clearly when the platform has no releases', () => {
    expect(() => resolveVersion('stable', [])).toThrow('go-versions: the index lists no stable Go release for this platform')
    expect(() => resolveVersion('oldstable', [{version: '1.22.1', stable: true}, {version: '1.22.0', stable: true}])).toThrow(
      'go-versions: the index lists no stable Go release older than 1.22.1 for this platform'
    )
  })
})

describe('resolveVersions against a real capture of go.dev (2020)', () => {
  it.each([
    [linux, 'stable', '1.13.7'],
    [linux, 'oldstable', '1.12.16'],
    [linux, '1.12', '1.12.16'],
    [linux, '1.13.0', '1.13'],
    [linux, '1.14rc1', '1.14rc1'],
    [windows, '^1.11', '1.13.7'],
    [platformFor('linux', 'arm'), '1.11', '1.11.13']
  ])('%# %s -> %s', (platform, spec, version) => {
    expect(resolveVersion(spec, availableVersions(captured, platform))).toBe(version)
  })

  it('does not take the unstable 1.14rc1 for "1.14"', () => {
    expect(() => resolveVersion('1.14', availableVersions(captured, linux))).toThrow('nearest: 1.14rc1')
  })
})

describe('parseIndex', () => {
  it('names the entry that is not a release', () => {
    expect(() => parseIndex('[{"version":"go1.22.5","stable":true,"files":[]},{"version":1}]', 'http://x/dl/')).toThrow(
      'http://x/dl/: entry 1 is not a release ({version, stable, files}): {"version":1}'
    )
    expect(() => parseIndex('<html>', 'http://x/dl/')).toThrow('http://x/dl/: the Go release index is not JSON')
  })
})
