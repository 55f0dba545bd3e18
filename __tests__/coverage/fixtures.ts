import {existsSync, readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

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
