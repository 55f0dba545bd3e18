import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'
import {functionsFromGo} from '../../src/coverage/go-cover.js'
import {formatProfile} from '../../src/coverage/go-profile.js'
import {mergeProfiles} from '../../src/coverage/merge.js'
import {formatPercent} from '../../src/coverage/percent.js'
import {parseFuncOutput} from '../../src/coverage/functions.js'
import {readProfile} from '../../src/coverage/read.js'
import {summarizeStatements} from '../../src/coverage/summary.js'
import {basicModule, fixtureFile, fixtureRuns, runsWithGo} from './fixtures.js'
import {compareGoVersions} from '../../src/coverage/baseline.js'

/** Tests that run Go itself: the fixtures are current, and Go accepts what the engine writes. */
const withGo = runsWithGo().sort((a, b) => compareGoVersions(b.version, a.version))
const newest = withGo[0]
const tmp = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-gotools-'))
afterAll(() => rmSync(tmp, {recursive: true, force: true}))

function go(goroot: string, args: string[]): string {
  return execFileSync(path.join(goroot, 'bin', 'go'), args, {
    cwd: basicModule,
    encoding: 'utf8',
    env: {...process.env, GOTOOLCHAIN: 'local', GOROOT: goroot, GOFLAGS: ''}
  })
}

;(newest ? describe : describe.skip)('with Go on the machine', () => {
  const run = newest as NonNullable<typeof newest>

  it(`the fixtures are current: Go ${run?.version} writes the same blocks again`, async () => {
    // Packages finish in any order, so the files' order in the text varies: compare parsed profiles.
    const out = path.join(tmp, 'fresh.out')
    go(run.goroot, ['test', '-count=1', `-coverprofile=${out}`, './...'])
    expect(await readProfile(out)).toEqual(await readProfile(path.join(run.dir, 'set.out')))
  })

  it('functionsFromGo runs that version\'s go tool cover -func', async () => {
    const report = await functionsFromGo(run.goroot, path.join(run.dir, 'set.out'), basicModule)
    expect(report).toEqual(parseFuncOutput(fixtureFile(run, 'func-set.txt')))
  })

  it('functionsFromGo says what failed', async () => {
    await expect(functionsFromGo(run.goroot, path.join(tmp, 'none.out'), basicModule)).rejects.toThrow(/tool cover -func=.*none\.out \(in .*basic\) failed: .*none\.out/)
  })

  it('merged.out of every version is read by go tool cover -func (same total) and -html', async () => {
    const profiles = await Promise.all(fixtureRuns().map(async r => ({name: r.version, profile: await readProfile(path.join(r.dir, 'count.out'))})))
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
