import path from 'node:path'
import {INPUTS} from './definitions.js'
import {splitArgs, splitList} from '../util/split-args.js'
import {CACHE_SAVE_VALUES, type CacheSave} from '../cache/keys.js'
import type {CoverMode} from '../coverage/model.js'
import {parseModuleSelection, type ModuleSelection} from '../modules/selection.js'

/** Every input of the action, validated and typed. Built by parseOptions from raw strings. */
export interface Options {
  goVersions: string[]
  goVersionFile: string
  workingDirectory: string
  packages: string[]
  build: boolean
  vet: boolean
  buildTargets: BuildTarget[]
  testFlags: string[]
  coverMode: CoverMode | ''
  coverPackages: string
  /** 0 means the number of CPUs. */
  maxParallel: number
  timeoutMinutes: number
  failOnTestFailure: boolean
  referenceVersion: string
  maxVersionDelta: number | null
  minCoverage: number
  maxCoverageDrop: number | null
  minDiffCoverage: number | null
  baseline: BaselineInput
  comment: boolean
  commentKey: string
  githubToken: string
  downloadBaseUrl: string
  localToolchains: string[]
  cache: boolean
  /** When carried caches are saved (cache/keys.ts decideCacheSave). */
  cacheSave: CacheSave
  /** Which modules to test (the `modules` input): `root` is the module at workingDirectory. */
  modules: ModuleSelection
  /** How a reused toolchain is checked against its install manifest. */
  verify: 'fast' | 'full'
  /** At the end of the job, prune toolchains unused for this many days; 0 is off. */
  toolchainRetentionDays: number
  reportDirectory: string
  mode: Mode
  reports: string[]
}

export type {CoverMode}
export type Mode = 'run' | 'collect' | 'aggregate'
/** The `baseline` input: restore one (auto), none, or a file. */
export type BaselineInput = {kind: 'auto'} | {kind: 'none'} | {kind: 'path'; path: string}
export interface BuildTarget {
  goos: string
  goarch: string
}

export class InputError extends Error {
  override name = 'InputError'
}

/** Reads one raw input by name; returns '' when unset. */
export type InputReader = (name: string) => string

/**
 * Validates every input. Empty values take the default of definitions.ts, so the action (where
 * the runner fills defaults) and the command line (where nobody does) behave the same.
 */
export function parseOptions(read: InputReader): Options {
  const raw = (name: string): string => {
    const value = read(name).trim()
    if (value !== '') return value
    const def = INPUTS.find(i => i.name === name)?.default ?? ''
    return def.startsWith('${{') ? '' : def
  }
  const mode = oneOf(raw('mode'), 'mode', ['run', 'collect', 'aggregate'] as const)
  const options: Options = {
    goVersions: splitList(raw('go-versions')),
    goVersionFile: raw('go-version-file'),
    workingDirectory: raw('working-directory'),
    packages: words(raw('packages'), 'packages'),
    build: bool(raw('build'), 'build'),
    vet: bool(raw('vet'), 'vet'),
    buildTargets: splitList(raw('build-targets')).map(parseTarget),
    testFlags: testFlags(words(raw('test-flags'), 'test-flags')),
    coverMode: raw('cover-mode') === '' ? '' : oneOf(raw('cover-mode'), 'cover-mode', ['set', 'count', 'atomic'] as const),
    coverPackages: raw('cover-packages'),
    maxParallel: integer(raw('max-parallel'), 'max-parallel', 0),
    timeoutMinutes: number(raw('timeout-minutes'), 'timeout-minutes', {min: 0, exclusiveMin: true}),
    failOnTestFailure: bool(raw('fail-on-test-failure'), 'fail-on-test-failure'),
    referenceVersion: raw('reference-version'),
    maxVersionDelta: optionalNumber(raw('max-version-delta'), 'max-version-delta', {min: 0}),
    minCoverage: number(raw('min-coverage'), 'min-coverage', {min: 0, max: 100}),
    maxCoverageDrop: optionalNumber(raw('max-coverage-drop'), 'max-coverage-drop', {min: 0}),
    minDiffCoverage: optionalNumber(raw('min-diff-coverage'), 'min-diff-coverage', {min: 0, max: 100}),
    baseline: parseBaseline(raw('baseline')),
    comment: bool(raw('comment'), 'comment'),
    commentKey: raw('comment-key'),
    githubToken: raw('github-token'),
    downloadBaseUrl: url(raw('download-base-url'), 'download-base-url'),
    localToolchains: splitList(raw('local-toolchains')),
    cache: bool(raw('cache'), 'cache'),
    cacheSave: oneOf(raw('cache-save'), 'cache-save', CACHE_SAVE_VALUES),
    modules: modules(raw('modules')),
    verify: oneOf(raw('verify'), 'verify', ['fast', 'full'] as const),
    toolchainRetentionDays: number(raw('toolchain-retention-days'), 'toolchain-retention-days', {min: 0}),
    reportDirectory: staysInside(raw('report-directory'), 'report-directory'),
    mode,
    reports: splitList(raw('reports'))
  }
  if (mode !== 'aggregate' && options.goVersions.length === 0 && options.goVersionFile === '') {
    throw new InputError('input go-versions: give at least one Go version (or go-version-file)')
  }
  if (mode === 'aggregate' && options.reports.length === 0) {
    throw new InputError('input reports: mode aggregate needs the report.json files to combine (a glob or a list)')
  }
  return options
}

function bool(value: string, name: string): boolean {
  if (/^(true|yes|on|1)$/i.test(value)) return true
  if (/^(false|no|off|0)$/i.test(value)) return false
  throw new InputError(`input ${name}: ${JSON.stringify(value)} is not a boolean (use true or false)`)
}

interface Bounds {
  min?: number
  max?: number
  exclusiveMin?: boolean
}

function number(value: string, name: string, bounds: Bounds = {}): number {
  const n = /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value) ? Number(value) : NaN
  if (!Number.isFinite(n)) throw new InputError(`input ${name}: ${JSON.stringify(value)} is not a number`)
  const {min, max, exclusiveMin} = bounds
  if (min !== undefined && (exclusiveMin ? n <= min : n < min)) {
    throw new InputError(`input ${name}: ${value} must be ${exclusiveMin ? 'greater than' : 'at least'} ${min}`)
  }
  if (max !== undefined && n > max) throw new InputError(`input ${name}: ${value} must be at most ${max}`)
  return n
}

function optionalNumber(value: string, name: string, bounds: Bounds): number | null {
  return value === '' ? null : number(value, name, bounds)
}

function integer(value: string, name: string, min: number): number {
  const n = number(value, name, {min})
  if (!Number.isInteger(n)) throw new InputError(`input ${name}: ${value} is not a whole number`)
  return n
}

function oneOf<T extends string>(value: string, name: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new InputError(`input ${name}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`)
}

function words(value: string, name: string): string[] {
  try {
    return splitArgs(value)
  } catch (err) {
    throw new InputError(`input ${name}: ${(err as Error).message}`, {cause: err})
  }
}

/**
 * go test flags that would take from go-matrix what it relies on, by the name go test knows them
 * under (`-name`, `--name`, `-test.name`), with what to do instead.
 */
const CONFLICTING_TEST_FLAGS: Readonly<Record<string, (value: string | undefined) => string | null>> = {
  coverprofile: () => "go-matrix writes each version's profile itself (<report-directory>/<version>/coverage.out); remove it",
  covermode: () => 'use the cover-mode input instead, so that every version and the report agree on the mode',
  coverpkg: () => 'use the cover-packages input instead',
  cover: value => (value !== undefined && isFalse(value) ? 'go-matrix needs coverage on' : null),
  json: value => (value !== undefined && isFalse(value) ? "go-matrix reads go test's -json stream" : null),
  c: value => (value === undefined || !isFalse(value) ? 'it compiles the test binaries without running them, so no test would run and there would be no coverage' : null),
  list: () => 'it lists the tests without running them, so there would be no coverage'
}

/** Refuses test flags that conflict with the ones go-matrix passes itself. Arguments after -args go to the test binary and are not looked at. */
function testFlags(flags: string[]): string[] {
  for (const flag of flags) {
    if (flag === '-args' || flag === '--args' || flag === '--') break
    const match = /^--?(?:test\.)?([A-Za-z0-9]+)(?:=(.*))?$/s.exec(flag)
    if (!match) continue
    const [, name, value] = match as unknown as [string, string, string | undefined]
    const why = Object.hasOwn(CONFLICTING_TEST_FLAGS, name) ? CONFLICTING_TEST_FLAGS[name]?.(value) : null
    if (why) throw new InputError(`input test-flags: ${flag} conflicts with go-matrix's own flags: ${why}`)
  }
  return flags
}

/** Go's strconv.ParseBool false values. */
function isFalse(value: string): boolean {
  return ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(value)
}

/** A relative path must stay inside the workspace it is relative to; an absolute one may go anywhere. */
function staysInside(value: string, name: string): string {
  if (value !== '' && !path.isAbsolute(value) && path.normalize(value).split(/[\\/]/)[0] === '..') {
    throw new InputError(`input ${name}: ${JSON.stringify(value)} leaves the workspace; a relative path must stay inside it (give an absolute path for a folder elsewhere)`)
  }
  return value
}

function modules(value: string): ModuleSelection {
  try {
    return parseModuleSelection(value)
  } catch (err) {
    throw new InputError(`input modules: ${(err as Error).message}`, {cause: err})
  }
}

function parseTarget(text: string): BuildTarget {
  const match = /^([a-z0-9]+)\/([a-z0-9]+)$/.exec(text)
  if (!match) throw new InputError(`input build-targets: ${JSON.stringify(text)} is not GOOS/GOARCH (like linux/arm64)`)
  return {goos: match[1] as string, goarch: match[2] as string}
}

function parseBaseline(value: string): BaselineInput {
  if (value === 'auto') return {kind: 'auto'}
  if (value === 'none') return {kind: 'none'}
  return {kind: 'path', path: value}
}

function url(value: string, name: string): string {
  try {
    const parsed = new URL(value)
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http(s)')
  } catch (err) {
    throw new InputError(`input ${name}: ${JSON.stringify(value)} is not an http(s) URL`, {cause: err})
  }
  return value.replace(/\/+$/, '')
}
