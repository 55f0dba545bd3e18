import {describe, expect, it} from '@jest/globals'
import path from 'node:path'
import {archiveName, goBinary, platformFor} from '../../src/go/platform.js'

describe('platformFor', () => {
  it.each([
    ['linux', 'x64', {os: 'linux', arch: 'amd64', toolCacheArch: 'x64', archive: '.tar.gz', goBinary: 'go'}],
    ['linux', 'arm64', {os: 'linux', arch: 'arm64', toolCacheArch: 'arm64', archive: '.tar.gz', goBinary: 'go'}],
    ['linux', 'arm', {os: 'linux', arch: 'armv6l', toolCacheArch: 'arm', archive: '.tar.gz', goBinary: 'go'}],
    ['linux', 'ppc64', {os: 'linux', arch: 'ppc64le', toolCacheArch: 'ppc64', archive: '.tar.gz', goBinary: 'go'}],
    ['darwin', 'arm64', {os: 'darwin', arch: 'arm64', toolCacheArch: 'arm64', archive: '.tar.gz', goBinary: 'go'}],
    ['win32', 'x64', {os: 'windows', arch: 'amd64', toolCacheArch: 'x64', archive: '.zip', goBinary: 'go.exe'}],
    ['win32', 'ia32', {os: 'windows', arch: '386', toolCacheArch: 'ia32', archive: '.zip', goBinary: 'go.exe'}]
  ])('%s/%s', (platform, arch, expected) => {
    expect(platformFor(platform, arch)).toEqual(expected)
  })

  it('names what go.dev does not build for', () => {
    expect(() => platformFor('android', 'x64')).toThrow('platform android: go.dev publishes no Go releases for it')
    expect(() => platformFor('linux', 'mips')).toThrow('architecture mips: go.dev publishes no Go releases for it')
  })

  it.each([
    ['1.22.5', 'linux', 'x64', 'go1.22.5.linux-amd64.tar.gz'],
    ['1.24rc1', 'darwin', 'arm64', 'go1.24rc1.darwin-arm64.tar.gz'],
    ['1.20', 'win32', 'x64', 'go1.20.windows-amd64.zip']
  ])('archive of %s on %s/%s is %s', (version, platform, arch, name) => {
    expect(archiveName(version, platformFor(platform, arch))).toBe(name)
  })
})

describe('goBinary', () => {
  it('is the go command of a GOROOT, go.exe on Windows', () => {
    expect(goBinary('/opt/go', platformFor('linux', 'x64'))).toBe(path.join('/opt/go', 'bin', 'go'))
    expect(goBinary('/opt/go', platformFor('win32', 'x64'))).toBe(path.join('/opt/go', 'bin', 'go.exe'))
  })
})
