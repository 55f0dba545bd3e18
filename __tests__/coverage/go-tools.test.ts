import {execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {functionsFromGo, localPaths} from '../../src/runner/go-cover.js'
import {formatProfile} from '../../src/coverage/go-profile.js'
import {mergeProfiles} from '../../src/coverage/merge.js'
import {formatPercent} from '../../src/coverage/percent.js'
import {parseFuncOutput} from '../../src/coverage/functions.js'
import {readProfile} from '../../src/files/read-profile.js'
import {blocksOf} from '../../src/coverage/model.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {basicModule, coverFixtures, fixtureFile, fixtureRuns, runsWithGo} from './fixtures.js'
import {compareGoVersions} from '../../src/go/gover.js'
import {sharedVersionDirs} from '../helpers/go-caches.js'
import {versionAt} from '../../scripts/toolchains.mjs'

/** Tests that run Go itself: the fixtures are current, and Go accepts what the engine writes. */
const withGo = runsWithGo().sort((a, b) => compareGoVersions(b.version, a.version))
const newest = withGo[0]
const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-gotools-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

/** Runs a version's go with the tests' shared build cache of that version (helpers/go-caches.ts). */
function go(goroot: string, args: string[], cwd = basicModule): string {
  return execFileSync(path.join(goroot, 'bin', 'go'), args, {
    cwd,
    encoding: 'utf8',
    env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot, GOFLAGS: '', GOCACHE: sharedVersionDirs(goroot, versionAt(goroot), tmp).gocache}
  })
}

;(newest ? describe : describe.skip)('with Go on the machine', () => {
  const run = newest as NonNullable<typeof newest>

  it.each(fixtureRuns().filter(r => r.version === run?.version).map(r => [r.module, r] as const))(
    `the fixtures are current: Go ${run?.version} writes the same blocks again for module %s`,
    async (module, fixture) => {
      // Packages finish in any order, so the files' order in the text varies: compare the blocks, file by file.
      const out = path.join(tmp, `fresh-${module}.out`)
      go(fixture.goroot, ['test', '-count=1', `-coverprofile=${out}`, './...'], path.join(coverFixtures, 'modules', module))
      expect(blocksOf(await readProfile(out))).toEqual(blocksOf(await readProfile(path.join(fixture.dir, 'set.out'))))
    }
  )

  it('functionsFromGo runs that version\'s go tool cover -func', async () => {
    const report = await functionsFromGo(run.goroot, path.join(run.dir, 'set.out'), basicModule)
    expect(report).toEqual(parseFuncOutput(fixtureFile(run, 'func-set.txt')))
  })

  it('functionsFromGo, given the profile, names the module\'s files by path, so Go runs no go list', async () => {
    // A copy of the module whose go.mod this Go cannot load: `go list` would fail on it, so the
    // same rows, under the profile's own names, show that Go read the files by path.
    const copy = path.join(tmp, 'basic-copy')
    cpSync(basicModule, copy, {recursive: true})
    writeFileSync(path.join(copy, 'go.mod'), 'module example.com/basic\n\ngo 1.999\n')
    const profilePath = path.join(run.dir, 'set.out')
    const profile = await readProfile(profilePath)
    await expect(functionsFromGo(run.goroot, profilePath, copy)).rejects.toThrow(/1\.999/)
    const report = await functionsFromGo(run.goroot, profilePath, copy, profile)
    expect(report).toEqual(parseFuncOutput(fixtureFile(run, 'func-set.txt')))
  })

  it('functionsFromGo leaves files outside the module to go list, and keeps Go\'s order', async () => {
    // A block in the standard library's errors.go, which sorts before example.com by import path
    // but after the module's files by absolute path; run from a directory below the module root.
    const errorsGo = readFileSync(path.join(run.goroot, 'src', 'errors', 'errors.go'), 'utf8').split('\n')
    const body = errorsGo.findIndex(line => line.startsWith('func New(')) + 2
    const profilePath = path.join(tmp, 'with-std.out')
    writeFileSync(profilePath, `${fixtureFile(run, 'set.out')}errors/errors.go:${body}.2,${body}.10 1 1\n`)
    const expected = parseFuncOutput(go(run.goroot, ['tool', 'cover', `-func=${profilePath}`]))
    expect(expected.functions[0]?.file).toBe('errors/errors.go')
    const report = await functionsFromGo(run.goroot, profilePath, path.join(basicModule, 'calc'), await readProfile(profilePath))
    expect(report).toEqual(expected)
  })

  it('functionsFromGo runs Go with the environment it is given (the version\'s isolated one), not the process\'s', async () => {
    // Without the profile, go tool cover runs go list, which reads GOFLAGS from the environment given.
    const env = {...process.env, GOFLAGS: '-not-a-go-flag'}
    await expect(functionsFromGo(run.goroot, path.join(run.dir, 'set.out'), basicModule, undefined, env)).rejects.toThrow(/not-a-go-flag/)
    await expect(functionsFromGo(run.goroot, path.join(run.dir, 'set.out'), basicModule)).resolves.toMatchObject({totalPercent: expect.any(Number)})
  })

  it('functionsFromGo says what failed', async () => {
    await expect(functionsFromGo(run.goroot, path.join(tmp, 'none.out'), basicModule)).rejects.toThrow(/tool cover -func=.*none\.out \(in .*basic\) failed: .*none\.out/)
  })

  it('merged.out of every version is read by go tool cover -func (same total) and -html', async () => {
    const profiles = await Promise.all(fixtureRuns().filter(r => r.module === 'basic').map(async r => ({name: r.version, profile: await readProfile(path.join(r.dir, 'count.out'))})))
    const merged = mergeProfiles(profiles)
    const file = path.join(tmp, 'merged.out')
    writeFileSync(file, formatProfile(merged))
    const total = summarizeStatements(merged).total
    expect(parseFuncOutput(go(run.goroot, ['tool', 'cover', `-func=${file}`])).totalPercent?.toFixed(1)).toBe(formatPercent(total.covered, total.total))
    const html = path.join(tmp, 'merged.html')
    go(run.goroot, ['tool', 'cover', `-html=${file}`, '-o', html])
    expect(existsSync(html)).toBe(true)
    expect(readFileSync(html, 'utf8')).toContain('example.com/basic/untested/untested.go')
  })
})

describe('localPaths', () => {
  const root = path.join(tmp, 'paths')
  const write = (rel: string, text = '') => {
    mkdirSync(path.dirname(path.join(root, rel)), {recursive: true})
    writeFileSync(path.join(root, rel), text)
  }
  write('go.mod', '// the main module\nmodule "example.com/m"\n\ngo 1.21\n')
  write('a/a.go')
  write('a/b/b.go')
  write('nested/go.mod', 'module example.com/m/nested\n')
  write('nested/x/x.go')
  write('nomod/go.mod', 'go 1.21\n')
  write('nomod/y.go')

  it('maps the main module\'s files to their paths, from the module root or below it', () => {
    const names = ['example.com/m/a/a.go', 'example.com/m/a/b/b.go', 'example.com/other/a/a.go', 'example.com/mx/a.go']
    const expected = new Map([
      ['example.com/m/a/a.go', path.join(root, 'a', 'a.go')],
      ['example.com/m/a/b/b.go', path.join(root, 'a', 'b', 'b.go')]
    ])
    expect(localPaths(names, root)).toEqual(expected)
    expect(localPaths(names, path.join(root, 'a', 'b'))).toEqual(expected)
  })

  it('leaves to go list a nested module\'s files, files that do not exist, and modules without a path', () => {
    expect(localPaths(['example.com/m/nested/x/x.go', 'example.com/m/a/gone.go'], root)).toEqual(new Map())
    expect(localPaths(['example.com/m/nomod/y.go'], path.join(root, 'nomod'))).toEqual(new Map())
  })
})
