import type {FunctionCoverage} from './functions.js'
import {packageOf} from './model.js'
import type {NamedSummary, Profile, Summary} from './model.js'
import {addSummaries, summary} from './percent.js'

/**
 * Counters that other packages' test binaries recorded for packages without test files, which
 * are not counted (report.json `versions[].coverage.otherTestBinaries`): per package, how many of
 * its statements those binaries ran, of how many it has.
 */
export interface OtherTestBinaries {
  statements: Summary
  packages: NamedSummary[]
}

/**
 * Counts each package's statements as its own tests cover them, which is what `go test -cover`
 * prints per package: a package without test files has no tests of its own, so its blocks count
 * as not run (0.0%, as Go 1.22 and later print it).
 *
 * Without `-coverpkg`, Go 1.22 and 1.23 build such a package with coverage on (to print its 0.0%)
 * and link that build into the test binaries of the packages that import it, which then write its
 * counters too: the profile lists its blocks twice, once at 0 from its own entry and once from
 * each importer's binary (BurntSushi/toml's internal/tag: 62 blocks, 52 of them run). Go 1.24
 * and later do not, and Go 1.21 and earlier leave the package out. Merged as Go merges a profile
 * (and as `go tool cover -func` totals it) those counters would count, so one Go version would
 * cover statements the others do not for a reason that is not the tests: this takes them out and
 * says what it took.
 *
 * `withoutTests` are the packages `go test -json` reported without test files. Pass none when
 * `-coverpkg` was given: then every test binary's counters of every package are meant to count.
 * Returns the profile unchanged (the same object) when there is nothing to take out; otherwise
 * a new one sharing everything but the counts. The input is never modified.
 */
export function countOwnTests(profile: Profile, withoutTests: Iterable<string>): {profile: Profile; otherTestBinaries: OtherTestBinaries | null} {
  const packages = new Set(withoutTests)
  if (packages.size === 0) return {profile, otherTestBinaries: null}
  const {numStmt, count} = profile.blocks
  const ran = new Map<string, {covered: number; total: number}>()
  for (const f of profile.files) {
    const pkg = packageOf(f.file)
    if (!packages.has(pkg)) continue
    const counts = ran.get(pkg) ?? {covered: 0, total: 0}
    for (let i = f.start; i < f.start + f.length; i++) {
      counts.total += numStmt[i] as number
      if ((count[i] as number) > 0) counts.covered += numStmt[i] as number
    }
    ran.set(pkg, counts)
  }
  const taken = [...ran].filter(([, c]) => c.covered > 0)
  if (taken.length === 0) return {profile, otherTestBinaries: null}
  const counts = Float64Array.from(count)
  for (const f of profile.files) if (ran.has(packageOf(f.file))) counts.fill(0, f.start, f.start + f.length)
  const named = taken.map(([name, c]) => ({name, summary: summary(c.covered, c.total)})).sort((a, b) => (a.name < b.name ? -1 : 1))
  return {
    profile: {...profile, blocks: {...profile.blocks, count: counts}},
    otherTestBinaries: {statements: addSummaries(named.map(p => p.summary)), packages: named}
  }
}

/** Functions as countOwnTests counts statements: those of the packages it took counters from did not run. */
export function functionsOfOwnTests(functions: readonly FunctionCoverage[], other: OtherTestBinaries | null): FunctionCoverage[] {
  if (other === null) return [...functions]
  const packages = new Set(other.packages.map(p => p.name))
  return functions.map(fn => (packages.has(packageOf(fn.file)) ? {...fn, percent: 0, covered: false, hits: 0} : fn))
}
