import {lineCoverage} from '../coverage/lines.js'
import {CoverageError, lastLineOf, packageOf} from '../coverage/model.js'
import type {FileLine, LineCoverage, Profile, Summary} from '../coverage/model.js'
import {compareStrings} from '../coverage/order.js'
import {addSummaries, summary} from '../coverage/percent.js'
import type {OtherTestBinaries} from '../coverage/own-tests.js'
import {summarizeStatements} from '../coverage/summary.js'
import {pointsDelta} from './delta.js'

/** One version's coverage, as the cross-version comparison needs it. */
export interface ComparisonInput {
  version: string
  profile: Profile
  /** Its line coverage, when already computed (else derived from the profile). */
  lines?: LineCoverage
  /** Counters of other test binaries that were not counted (countOwnTests), to explain them. */
  otherTestBinaries?: OtherTestBinaries | null
}

/** What one version instruments and the other does not, grouped by package. */
export interface OnlyInOne {
  /** Statements of blocks none of whose lines the other version instruments. */
  statements: Summary
  /** Lines only this version instruments. */
  lines: Summary
  packages: {name: string; statements: Summary; lines: Summary}[]
}

/** A capped list of file:line, with how many were left out. */
export interface LineList {
  count: number
  lines: FileLine[]
  more: number
}

/** One version against the reference (report.json `comparisons.versions[]`). */
export interface VersionComparison {
  version: string
  reference: string
  /** Statement coverage of the version minus the reference's, in points. */
  rawDelta: number
  /** Line coverage over the lines both versions instrumented: version minus reference, in points. */
  likeForLikeDelta: number
  statements: Summary
  referenceStatements: Summary
  /** The lines both instrumented, and how many of them each covered. */
  common: {lines: number; covered: number; referenceCovered: number}
  onlyInVersion: OnlyInOne
  onlyInReference: OnlyInOne
  /** Common lines covered under the version but not the reference. */
  coveredOnlyInVersion: LineList
  /** Common lines covered under the reference but not the version. */
  coveredOnlyInReference: LineList
  /**
   * Counters that other packages' test binaries recorded for packages without test files under
   * the version (Go 1.22, 1.23) or the reference, which were not counted (countOwnTests); absent
   * when there were none.
   */
  otherTestBinariesInVersion?: OtherTestBinaries
  otherTestBinariesInReference?: OtherTestBinaries
  /** Sentences explaining the gap between the raw and the like-for-like delta. */
  explanation: string
}

export interface CompareVersionsOptions {
  /** How many file:line entries the covered-only lists keep (default 20). */
  maxLines?: number
}

/**
 * Compares every version with the reference: the raw statement delta, and the like-for-like
 * delta over the lines both instrumented, with what explains the gap between them (what only one
 * version instruments, per package: Go 1.22 counting packages without tests shows up here) and
 * the lines covered under one version only. Versions keep their input order; the reference is
 * left out.
 */
export function compareVersions(
  inputs: readonly ComparisonInput[],
  reference: string,
  options: CompareVersionsOptions = {}
): VersionComparison[] {
  const ref = inputs.find(input => input.version === reference)
  if (ref === undefined) {
    throw new CoverageError(`reference version ${reference} has no coverage to compare with (versions with coverage: ${inputs.map(i => i.version).join(', ') || 'none'})`)
  }
  const refLines = ref.lines ?? lineCoverage(ref.profile)
  const refStatements = summarizeStatements(ref.profile).total
  return inputs
    .filter(input => input !== ref)
    .map(input => compareOne(input, input.lines ?? lineCoverage(input.profile), ref, refLines, refStatements, options.maxLines ?? 20))
}

function compareOne(
  input: ComparisonInput,
  lines: LineCoverage,
  ref: ComparisonInput,
  refLines: LineCoverage,
  refStatements: Summary,
  maxLines: number
): VersionComparison {
  const statements = summarizeStatements(input.profile).total
  let common = 0
  let covered = 0
  let referenceCovered = 0
  const onlyVersion: FileLine[] = []
  const onlyReference: FileLine[] = []
  for (const [file, hitsByLine] of lines) {
    const refHits = refLines.get(file)
    if (refHits === undefined) continue
    for (const [line, hits] of hitsByLine) {
      const other = refHits.get(line)
      if (other === undefined) continue
      common++
      if (hits > 0) covered++
      if (other > 0) referenceCovered++
      if (hits > 0 && other === 0) onlyVersion.push({file, line})
      if (hits === 0 && other > 0) onlyReference.push({file, line})
    }
  }
  const rawDelta = pointsDelta(statements, refStatements)
  const likeForLikeDelta = pointsDelta(summary(covered, common), summary(referenceCovered, common))
  const onlyInVersion = onlyIn(input.profile, lines, refLines)
  const onlyInReference = onlyIn(ref.profile, refLines, lines)
  const otherInVersion = input.otherTestBinaries ?? null
  const otherInReference = ref.otherTestBinaries ?? null
  return {
    version: input.version,
    reference: ref.version,
    rawDelta,
    likeForLikeDelta,
    statements,
    referenceStatements: refStatements,
    common: {lines: common, covered, referenceCovered},
    onlyInVersion,
    onlyInReference,
    coveredOnlyInVersion: capped(onlyVersion, maxLines),
    coveredOnlyInReference: capped(onlyReference, maxLines),
    ...(otherInVersion ? {otherTestBinariesInVersion: otherInVersion} : {}),
    ...(otherInReference ? {otherTestBinariesInReference: otherInReference} : {}),
    explanation: [
      explain(input.version, ref.version, rawDelta, likeForLikeDelta, common, onlyInVersion, onlyInReference),
      ...[
        [input.version, otherInVersion],
        [ref.version, otherInReference]
      ].flatMap(([version, other]) => (other ? [describeOtherTestBinaries(version as string, other as OtherTestBinaries)] : []))
    ].join(' ')
  }
}

/** What `profile` (with line coverage `lines`) instruments that `other` does not, per package. */
function onlyIn(profile: Profile, lines: LineCoverage, other: LineCoverage): OnlyInOne {
  const statements = new Map<string, {covered: number; total: number}>()
  const {startLine, startCol, endLine, endCol, numStmt, count} = profile.blocks
  for (const f of profile.files) {
    const otherLines = other.get(f.file)
    const pkg = packageOf(f.file)
    for (let i = f.start; i < f.start + f.length; i++) {
      const last = lastLineOf(startLine[i] as number, startCol[i] as number, endLine[i] as number, endCol[i] as number)
      let absent = true
      for (let line = startLine[i] as number; absent && line <= last; line++) absent = otherLines?.get(line) === undefined
      if (!absent) continue
      const counts = statements.get(pkg) ?? {covered: 0, total: 0}
      counts.total += numStmt[i] as number
      if ((count[i] as number) > 0) counts.covered += numStmt[i] as number
      statements.set(pkg, counts)
    }
  }
  const lineCounts = new Map<string, {covered: number; total: number}>()
  for (const [file, hitsByLine] of lines) {
    const otherLines = other.get(file)
    for (const [line, hits] of hitsByLine) {
      if (otherLines?.get(line) !== undefined) continue
      const counts = lineCounts.get(packageOf(file)) ?? {covered: 0, total: 0}
      counts.total++
      if (hits > 0) counts.covered++
      lineCounts.set(packageOf(file), counts)
    }
  }
  const names = [...new Set([...statements.keys(), ...lineCounts.keys()])].sort(compareStrings)
  const packages = names.map(name => {
    const s = statements.get(name) ?? {covered: 0, total: 0}
    const l = lineCounts.get(name) ?? {covered: 0, total: 0}
    return {name, statements: summary(s.covered, s.total), lines: summary(l.covered, l.total)}
  })
  return {
    statements: addSummaries(packages.map(p => p.statements)),
    lines: addSummaries(packages.map(p => p.lines)),
    packages
  }
}

function capped(lines: FileLine[], max: number): LineList {
  return {count: lines.length, lines: lines.slice(0, max), more: Math.max(0, lines.length - max)}
}

function explain(
  version: string,
  reference: string,
  rawDelta: number,
  likeForLike: number,
  common: number,
  onlyInVersion: OnlyInOne,
  onlyInReference: OnlyInOne
): string {
  const sentences = [
    `Go ${version} covers ${signed(rawDelta)} points of statements against Go ${reference}, and ${signed(likeForLike)} on the ${plural(common, 'line')} both instrument.`
  ]
  if (onlyInVersion.lines.total > 0) sentences.push(describe(onlyInVersion, version, reference))
  if (onlyInReference.lines.total > 0) sentences.push(describe(onlyInReference, reference, version))
  return sentences.join(' ')
}

/**
 * What only one version instruments, in words. Lines only one version instruments come in two
 * kinds: lines of blocks the other version does not have at all (statements it does not count,
 * such as a package without tests before Go 1.22), and lines the other version's blocks leave out
 * although they hold the same statements (Go 1.27 starts a function's blocks at its first
 * statement, not its opening brace): then no statement is only on one side.
 */
function describe(only: OnlyInOne, version: string, other: string): string {
  const top = only.packages.slice(0, 3).map(p => `${p.name} (${[plural(p.lines.total, 'line'), ...(p.statements.total > 0 ? [plural(p.statements.total, 'statement')] : [])].join(', ')})`)
  const rest = only.packages.length - top.length
  const where = `${top.join(', ')}${rest > 0 ? ` and ${plural(rest, 'more package')}` : ''}`
  const lines = `Go ${version} instruments ${plural(only.lines.total, 'line')} that Go ${other} does not (${only.lines.covered} covered)`
  if (only.statements.total === 0) {
    return `${lines}, but no statement Go ${other} leaves out: the two lay out their blocks differently, in ${where}.`
  }
  return `${lines}, holding ${plural(only.statements.total, 'statement')} (${only.statements.covered} covered) that Go ${other} does not count at all: ${where}.`
}

/** The counters of other test binaries that were not counted, in words. */
function describeOtherTestBinaries(version: string, other: OtherTestBinaries): string {
  const where = other.packages.map(p => `${p.summary.covered} of ${plural(p.summary.total, 'statement')} in ${p.name}`).join(', ')
  return (
    `Go ${version} also recorded, for packages without test files, the counters of the test binaries of the packages that import them (${where}); ` +
    'like `go test -cover`, go-matrix counts a package as its own tests cover it, so they are not counted.'
  )
}

function signed(points: number): string {
  return `${points > 0 ? '+' : ''}${points.toFixed(1)}`
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}
