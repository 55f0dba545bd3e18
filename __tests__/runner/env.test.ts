import {describe, expect, it} from '@jest/globals'
import os from 'node:os'
import path from 'node:path'
import {crossCompileEnv, defaultWorkDir, isDroppedVariable, isolatedEnv} from '../../src/runner/env.js'

const dirs = {
  goroot: '/opt/go-1.22',
  gopath: '/work/1.22/gopath',
  gocache: '/work/1.22/gocache',
  goenv: '/work/1.22/go.env',
  gobin: '/work/1.22/bin',
  gomodcache: '/work/mod',
  gotmpdir: '/work/1.22/tmp'
}

describe('isolatedEnv', () => {
  it('sets the version-owned variables whatever was inherited', () => {
    const env = isolatedEnv(
      {
        GOROOT: '/usr/local/go',
        GOPATH: '/home/u/go',
        GOCACHE: '/home/u/.cache/go',
        GOENV: '/home/u/.config/go/env',
        GOBIN: '/home/u/bin',
        GOMODCACHE: '/home/u/go/pkg/mod',
        GOTOOLCHAIN: 'auto',
        PATH: '/usr/local/go/bin:/usr/bin'
      },
      dirs,
      ':'
    )
    expect(env).toEqual({
      GOROOT: '/opt/go-1.22',
      GOPATH: '/work/1.22/gopath',
      GOCACHE: '/work/1.22/gocache',
      GOENV: '/work/1.22/go.env',
      GOBIN: '/work/1.22/bin',
      GOMODCACHE: '/work/mod',
      GOTOOLCHAIN: 'local',
      GOTMPDIR: '/work/1.22/tmp',
      GOFLAGS: '-modcacherw',
      PATH: '/opt/go-1.22/bin:/usr/local/go/bin:/usr/bin'
    })
  })

  it("gives each version its own GOTMPDIR in the work folder, unless the user set one", () => {
    expect(isolatedEnv({}, dirs, ':').GOTMPDIR).toBe('/work/1.22/tmp')
    expect(isolatedEnv({GOTMPDIR: '/fast/tmpfs'}, dirs, ':').GOTMPDIR).toBe('/fast/tmpfs')
  })

  it.each([
    ['GOPROXY', 'https://proxy.example'],
    ['GOPRIVATE', 'example.com/*'],
    ['GONOPROXY', 'example.com'],
    ['GONOSUMDB', 'example.com'],
    ['GOSUMDB', 'off'],
    ['GOINSECURE', 'example.com'],
    ['GOEXPERIMENT', 'rangefunc'],
    ['GOAMD64', 'v3'],
    ['CGO_ENABLED', '0'],
    ['CC', 'clang'],
    ['HOME', '/home/u']
  ])('keeps %s, which users set on purpose', (name, value) => {
    expect(isolatedEnv({[name]: value}, dirs, ':')[name]).toBe(value)
  })

  it.each(['GOOS', 'GOARCH', 'GOHOSTOS', 'GOHOSTARCH', 'GOTOOLDIR', 'GOROOT_FINAL', 'GOCOVERDIR', 'GOSOMETHINGNEW'])(
    'drops %s, which would break isolation',
    name => {
      expect(isDroppedVariable(name)).toBe(true)
      expect(isolatedEnv({[name]: 'x'}, dirs, ':')[name]).toBeUndefined()
    }
  )

  it('appends -modcacherw to the user GOFLAGS once', () => {
    expect(isolatedEnv({GOFLAGS: '-mod=mod  -tags=x'}, dirs, ':').GOFLAGS).toBe('-mod=mod -tags=x -modcacherw')
    expect(isolatedEnv({GOFLAGS: '-modcacherw'}, dirs, ':').GOFLAGS).toBe('-modcacherw')
  })

  it('keeps the Windows spelling of Path and its separator', () => {
    const env = isolatedEnv({Path: 'C:\\Windows'}, {...dirs, goroot: 'C:\\go'}, ';')
    expect(env.Path).toMatch(/^C:\\go[\\/]bin;C:\\Windows$/)
    expect(env.PATH).toBeUndefined()
  })

  it('puts GOROOT/bin alone on an empty PATH', () => {
    expect(isolatedEnv({}, dirs, ':').PATH).toBe('/opt/go-1.22/bin')
  })

  it('does not modify the inherited environment', () => {
    const inherited = {GOOS: 'windows', PATH: '/usr/bin'}
    isolatedEnv(inherited, dirs, ':')
    expect(inherited).toEqual({GOOS: 'windows', PATH: '/usr/bin'})
  })
})

describe('crossCompileEnv', () => {
  it('targets another platform without cgo', () => {
    const env = crossCompileEnv({GOROOT: '/go', CGO_ENABLED: '1'}, {goos: 'windows', goarch: 'amd64'})
    expect(env).toEqual({GOROOT: '/go', GOOS: 'windows', GOARCH: 'amd64', CGO_ENABLED: '0'})
  })
})

describe('defaultWorkDir', () => {
  it('is under RUNNER_TEMP on a runner, else in the user’s own cache folder, never beside the report folder', () => {
    expect(defaultWorkDir({RUNNER_TEMP: '/runner/_temp'})).toBe('/runner/_temp/go-matrix-work')
    expect(defaultWorkDir({})).toBe(path.join(os.homedir(), '.cache', 'go-matrix', 'work'))
  })
})
