import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {countOwnTests} from '../../src/coverage/own-tests.js'
import type {OtherTestBinaries} from '../../src/coverage/own-tests.js'
import type {Profile} from '../../src/coverage/model.js'
import {readProfile} from '../../src/files/read-profile.js'
import {parseTestJson} from '../../src/runner/test-json.js'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const coverFixtures = path.join(root, '__tests__', 'fixtures', 'cover')
export const basicModule = path.join(coverFixtures, 'modules', 'basic')

export interface FixtureRun {
  version: string
  module: string
  goroot: string
  dir: string
}

/** The generated fixtures (scripts/gen-cover-fixtures.mjs), one per Go version and module. */
export function fixtureRuns(): FixtureRun[] {
  const manifest = JSON.parse(readFileSync(path.join(coverFixtures, 'profiles', 'manifest.json'), 'utf8')) as Omit<FixtureRun, 'dir'>[]
  return manifest.map(entry => ({...entry, dir: path.join(coverFixtures, 'profiles', entry.version, entry.module)}))
}

export function fixtureFile(run: FixtureRun, name: string): string {
  return readFileSync(path.join(run.dir, name), 'utf8')
}

/** The run of one module under the newest patch of one Go minor (`1.22`). */
export function fixtureRun(minor: string, module: string): FixtureRun {
  const run = fixtureRuns().find(r => r.module === module && r.version.startsWith(`${minor}.`))
  if (run === undefined) throw new Error(`no fixture of module ${module} under Go ${minor}`)
  return run
}

/** The packages `go test -json` reported without test files in the run's `set` mode (test-set.json). */
export function packagesWithoutTests(run: FixtureRun): string[] {
  return parseTestJson(fixtureFile(run, 'test-set.json')).packages.filter(p => p.noTestFiles).map(p => p.name)
}

/** The `set` profile as Go wrote it, and as go-matrix counts it (each package by its own tests, as `go-matrix run` counts it). */
export async function setProfile(run: FixtureRun): Promise<{raw: Profile; profile: Profile; otherTestBinaries: OtherTestBinaries | null}> {
  const raw = await readProfile(path.join(run.dir, 'set.out'))
  return {raw, ...countOwnTests(raw, packagesWithoutTests(run))}
}

/** Runs whose GOROOT is on this machine (Go can be run for them). */
export function runsWithGo(): FixtureRun[] {
  return fixtureRuns().filter(run => existsSync(path.join(run.goroot, 'bin', 'go')))
}

/** `pkg coverage: 12.3% of statements` lines of `go test -cover` output, by package (the percent only). */
export function goTestPercents(text: string): Map<string, string> {
  const percents = new Map<string, string>()
  for (const [name, printed] of goTestCoverage(text)) {
    const m = /^(\d+\.\d)% of statements/.exec(printed)
    if (m) percents.set(name, m[1] as string)
  }
  return percents
}

/** What `go test -cover` printed after "coverage: " per package (`31.2% of statements`, `[no statements]`). */
export function goTestCoverage(text: string): Map<string, string> {
  const printed = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^(?:ok\s+)?\s*(\S+)\s+.*coverage: (.*)$/.exec(line)
    if (m) printed.set(m[1] as string, m[2] as string)
  }
  return printed
}

export function listDir(dir: string): string[] {
  return readdirSync(dir)
}
