/**
 * What the coverage engine made of each version's (or each module's) profile: the values the
 * conclusion (conclude.ts) and the per-module work (modules.ts) take in.
 */
import type {FunctionCoverage} from '../coverage/functions.js'
import type {Breakdown, LineCoverage, Profile} from '../coverage/model.js'
import type {OtherTestBinaries} from '../coverage/own-tests.js'
import type {VersionReport} from '../report/schema.js'

/** What the coverage engine made of one version's profile. */
export interface AnalysedCoverage {
  /** The profile as counted: each package by its own tests (countOwnTests). */
  profile: Profile
  statements: Breakdown
  lines: LineCoverage
  lineSummary: Breakdown
  functions: FunctionCoverage[]
  /** Counters of other test binaries for packages without test files, not counted (Go 1.22, 1.23). */
  otherTestBinaries?: OtherTestBinaries | null
}

/** One version's outcome as report.json records it, with what the coverage engine made of its profile. */
export interface AnalysedVersion {
  report: VersionReport
  coverage: AnalysedCoverage | null
  /** With several modules: what the engine made of each module's profile, by module folder, for like for like per module. */
  modules?: {dir: string; coverage: AnalysedCoverage | null}[]
}
