/**
 * The `modules` input: which Go modules of the repository one run tests. Pure: it reads the
 * input's text and matches it against the module folders the caller found (discover.ts walks the
 * disk and reads go.work); every folder here is a '/'-separated path relative to
 * `working-directory`, `.` for working-directory itself.
 */
import {globToRegExp, isGlob} from '../util/glob.js'
import {splitList} from '../util/split-args.js'

/**
 * What the input asks for:
 * - `root` (empty input): the module at working-directory, as before modules existed;
 * - otherwise the union of `auto` (when given: every go.mod below working-directory, or the
 *   modules its go.work uses) and the folders and globs listed, less the `!` exclusions. A list of
 *   exclusions only starts from `auto`.
 */
export type ModuleSelection = {kind: 'root'} | {kind: 'list'; auto: boolean; include: string[]; exclude: string[]}

/** Why an input or a folder cannot be used: the message names the entry and what to do. */
export class ModuleSelectionError extends Error {
  override name = 'ModuleSelectionError'
}

/** The files each module's report folder holds (runner/version-run.ts, pipeline.ts): no module folder may take their names. */
export const UNIT_REPORT_FILES: readonly string[] = ['coverage.out', 'coverage.lcov', 'test.json', 'build.log']

/** Reads the input: `auto`, folders and globs separated by commas or newlines, `!pattern` to exclude. */
export function parseModuleSelection(text: string): ModuleSelection {
  const entries = splitList(text)
  if (entries.length === 0) return {kind: 'root'}
  let auto = false
  const include: string[] = []
  const exclude: string[] = []
  for (const entry of entries) {
    if (entry === 'auto') {
      auto = true
    } else if (entry.startsWith('!')) {
      exclude.push(normalizeEntry(entry.slice(1), entry))
    } else {
      include.push(normalizeEntry(entry, entry))
    }
  }
  return {kind: 'list', auto: auto || include.length === 0, include, exclude}
}

/**
 * An entry as a '/'-separated relative path without `./`, trailing slashes or empty segments.
 * Absolute paths and `..` are refused: every module lies inside working-directory, which is what
 * keeps each module's report folder inside the version's (`<version>/<module>/`).
 */
function normalizeEntry(raw: string, written: string): string {
  const posix = raw.trim().replace(/\\/g, '/')
  if (posix === '') throw new ModuleSelectionError(`${JSON.stringify(written)} names no folder`)
  if (posix.startsWith('/') || /^[A-Za-z]:/.test(posix)) {
    throw new ModuleSelectionError(`${JSON.stringify(written)} is absolute; give folders relative to working-directory`)
  }
  const segments = posix.split('/').filter(s => s !== '' && s !== '.')
  if (segments.includes('..')) {
    throw new ModuleSelectionError(
      `${JSON.stringify(written)} leaves working-directory; every module must lie inside it (set working-directory to a folder that holds them all)`
    )
  }
  return segments.length === 0 ? '.' : segments.join('/')
}

/** True for a folder inside another (or the same): `a/b` is inside `a`, everything is inside `.`. */
export function isWithin(dir: string, parent: string): boolean {
  return parent === '.' || dir === parent || dir.startsWith(`${parent}/`)
}

/** A plain entry matches its folder; a glob matches folders below working-directory, never `.` itself (name it as `.`). */
function matcher(entry: string): (dir: string) => boolean {
  if (!isGlob(entry)) return dir => dir === entry
  const re = globToRegExp(entry)
  return dir => dir !== '.' && re.test(dir)
}

export interface Selected {
  /** The module folders chosen, sorted, without duplicates. */
  dirs: string[]
  /** Globs of the list that matched no module found (worth a warning: a typo, or a folder moved). */
  unmatched: string[]
}

/**
 * Applies a list selection. `found` is every module folder discovery found (go.mod files below
 * working-directory, outside vendor/, testdata/, hidden and node_modules folders); `auto` is what
 * `auto` means here (found, or the modules go.work uses). A plain folder is taken as written even
 * when discovery skipped it (the caller checks that it holds a go.mod); globs match found folders.
 */
export function applySelection(selection: Extract<ModuleSelection, {kind: 'list'}>, found: readonly string[], auto: readonly string[]): Selected {
  const chosen = new Set<string>(selection.auto ? auto : [])
  const unmatched: string[] = []
  for (const entry of selection.include) {
    if (!isGlob(entry)) {
      chosen.add(entry)
      continue
    }
    const matches = matcher(entry)
    const hits = found.filter(matches)
    if (hits.length === 0) unmatched.push(entry)
    for (const hit of hits) chosen.add(hit)
  }
  const excluded = selection.exclude.map(matcher)
  const dirs = [...chosen].filter(dir => !excluded.some(m => m(dir))).sort(compareFolders)
  return {dirs, unmatched}
}

/** `.` first, then by path, so the root module leads every listing. */
export function compareFolders(a: string, b: string): number {
  if (a === b) return 0
  if (a === '.') return -1
  if (b === '.') return 1
  return a < b ? -1 : 1
}

/**
 * The report folder of a module within its version's folder: the version's folder itself for `.`,
 * else `<version>/<dir>`. Nested modules nest their folders, so a module folder named like one of
 * another module's report files would overwrite it: such a selection is refused, naming both.
 */
export function checkReportFolders(dirs: readonly string[]): void {
  const chosen = new Set(dirs)
  for (const dir of dirs) {
    if (dir === '.') continue
    const slash = dir.lastIndexOf('/')
    const parent = slash === -1 ? '.' : dir.slice(0, slash)
    const name = dir.slice(slash + 1)
    if (chosen.has(parent) && UNIT_REPORT_FILES.includes(name)) {
      throw new ModuleSelectionError(
        `module ${dir}'s report folder would be module ${parent}'s ${name} (<report-directory>/<version>/${dir}); exclude one of them with !${dir} or !${parent}`
      )
    }
  }
}
