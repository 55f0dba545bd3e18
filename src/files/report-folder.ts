/**
 * The report folder. It is the user's (or go-matrix's default) and is guarded: go-matrix refuses
 * one that is the workspace, contains it, lies in a `.git` folder or overlaps its work folder
 * (runner/env.ts, defaultWorkDir), and writes only into a folder that is new, empty, or marked as
 * its own by a `.go-matrix` file listing what it wrote there. At the start of a run it removes
 * what an earlier run listed, so a run that stops midway never leaves an old report.json looking
 * current.
 */
import {lstat, mkdir, readdir, readFile, realpath, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {InputError} from '../inputs/options.js'
import {isInside} from '../util/paths.js'

/** The file that marks a report folder as go-matrix's and lists the entries it wrote there. */
/** Where the report files go: `report-directory` relative to the workspace, else `<temp>/go-matrix`. */
export function reportDirectoryOf(options: {reportDirectory: string}, workspace: string, tempDir: string): string {
  return options.reportDirectory ? path.resolve(workspace, options.reportDirectory) : path.join(tempDir, 'go-matrix')
}

export const REPORT_MARKER = '.go-matrix'

/** What every run writes at the top of its report folder (per-version folders are claimed once the versions are known). */
export const REPORT_FILES: readonly string[] = ['report.json', 'summary.md', 'merged.lcov', 'merged.out']

/** The places a report folder is checked against; all absolute, symbolic links resolved (see realPath). */
export interface ReportFolderContext {
  workspace: string
  /** The module (working-directory); absent in `mode: aggregate`. */
  moduleDir?: string
  /** go-matrix's work and cache folders: the report folder must not overlap them. */
  workDirs?: readonly string[]
  /** Files the run reads (the aggregate's legs): the report folder must not hold them, as it is emptied. */
  readsFrom?: readonly string[]
}

/**
 * Why a report folder is refused, or null when it is acceptable. Pure: every path is absolute
 * and already resolved. The folder must not be the file system's root, the workspace, a folder
 * that contains the workspace or the module, a folder inside `.git`, or overlap the work folder.
 */
export function reportFolderProblem(dir: string, ctx: ReportFolderContext): string | null {
  if (path.dirname(dir) === dir) return "is the file system's root"
  if (dir === ctx.workspace) return 'is the workspace itself: go-matrix would write its files among yours'
  if (isInside(ctx.workspace, dir)) return `contains the workspace (${ctx.workspace})`
  if (ctx.moduleDir !== undefined && isInside(ctx.moduleDir, dir)) return `is or contains the module's folder (working-directory, ${ctx.moduleDir})`
  // Only the part below the workspace is looked at when the folder is in it, so a workspace that
  // happens to sit under a folder named .git does not refuse every report folder.
  const below = isInside(dir, ctx.workspace) ? path.relative(ctx.workspace, dir) : dir
  if (below.split(path.sep).some(part => part.toLowerCase() === '.git')) return "is inside a .git folder, the repository's own data"
  for (const work of ctx.workDirs ?? []) {
    if (isInside(work, dir)) return `contains go-matrix's work folder (${work}: build and module caches), which must not be uploaded with the report`
    if (isInside(dir, work)) return `is inside go-matrix's work folder (${work})`
  }
  const read = (ctx.readsFrom ?? []).find(file => isInside(file, dir))
  if (read !== undefined) return `holds ${read}, which this run reads: the report folder is emptied of an earlier run's files before writing`
  return null
}

/**
 * A path with its symbolic links resolved, also when it does not exist yet: the deepest
 * existing ancestor is resolved and the rest appended. So `report-directory: link` where link
 * points at the workspace is seen as the workspace.
 */
export async function realPath(file: string): Promise<string> {
  const absolute = path.resolve(file)
  const rest: string[] = []
  for (let at = absolute; ; at = path.dirname(at)) {
    try {
      return path.join(await realpath(at), ...rest.reverse())
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || path.dirname(at) === at) return absolute
      rest.push(path.basename(at))
    }
  }
}

/**
 * Checks the report folder (reportFolderProblem, on resolved paths), then makes it this run's:
 * a missing folder is created, an empty one taken, one marked by an earlier run emptied of what
 * that run listed; a folder holding anything else is refused. Throws InputError naming the folder.
 */
export async function prepareReportFolder(dir: string, ctx: ReportFolderContext): Promise<void> {
  const real = (p: string): Promise<string> => realPath(p)
  const problem = reportFolderProblem(await real(dir), {
    workspace: await real(ctx.workspace),
    ...(ctx.moduleDir !== undefined ? {moduleDir: await real(ctx.moduleDir)} : {}),
    workDirs: await Promise.all((ctx.workDirs ?? []).map(real)),
    readsFrom: await Promise.all((ctx.readsFrom ?? []).map(real))
  })
  if (problem !== null) throw refusal(dir, problem)
  const earlier = await ownedEntries(dir)
  for (const name of earlier) await rm(path.join(dir, name), {recursive: true, force: true})
  await writeMarker(dir, [])
  await claimReportEntries(dir, REPORT_FILES)
}

/**
 * Records that this run writes `names` (single entries at the top of the folder) before it writes
 * them, so the next run knows they are go-matrix's. The folder must be new, empty, or marked; an
 * entry that exists and is not listed is someone else's, and is refused rather than overwritten.
 */
export async function claimReportEntries(dir: string, names: readonly string[]): Promise<void> {
  const owned = await ownedEntries(dir)
  const claimed = [...owned]
  for (const name of names) {
    checkEntryName(dir, name)
    if (owned.includes(name)) continue
    const exists = await lstat(path.join(dir, name)).then(
      () => true,
      () => false
    )
    if (exists) throw refusal(dir, `already holds ${name}, which go-matrix did not write; go-matrix never overwrites a file it did not write`)
    if (!claimed.includes(name)) claimed.push(name)
  }
  await writeMarker(dir, claimed)
}

/**
 * The entries an earlier run listed in the folder's marker. A missing folder is created and an
 * empty one taken (both with no entries); a folder that holds anything without a valid marker
 * is refused.
 */
async function ownedEntries(dir: string): Promise<string[]> {
  const info = await lstat(dir).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw refusal(dir, `cannot be read: ${err.message}`)
  })
  if (info === null) {
    await mkdir(dir, {recursive: true}).catch((err: Error) => {
      throw refusal(dir, `cannot be created: ${err.message}`)
    })
    return []
  }
  // A link to a folder is followed (its target was checked); anything else that is not a folder is refused.
  if (!info.isDirectory() && !(info.isSymbolicLink() && (await realPath(dir).then(lstat)).isDirectory())) {
    throw refusal(dir, 'is not a folder')
  }
  const marker = await readMarker(dir)
  if (marker !== null) return marker
  const present = await readdir(dir)
  if (present.length === 0) return []
  const shown = present.sort().slice(0, 5).join(', ') + (present.length > 5 ? `, and ${present.length - 5} more` : '')
  throw refusal(
    dir,
    `already holds files go-matrix did not write (${shown}); go-matrix writes only into a new or empty folder, or one it wrote before (marked by its ${REPORT_MARKER} file)`
  )
}

interface Marker {
  writtenBy: 'go-matrix'
  entries: string[]
}

async function readMarker(dir: string): Promise<string[] | null> {
  const file = path.join(dir, REPORT_MARKER)
  const info = await lstat(file).catch(() => null)
  if (!info?.isFile() || info.size > MAX_MARKER_BYTES) return null
  let marker: unknown
  try {
    marker = JSON.parse(await readFile(file, 'utf8'))
  } catch {
    return null
  }
  const {writtenBy, entries} = (marker ?? {}) as Partial<Marker>
  if (writtenBy !== 'go-matrix' || !Array.isArray(entries)) return null
  // Only plain names of entries at the top of the folder: a marker can never make go-matrix remove anything elsewhere.
  return entries.filter((name): name is string => typeof name === 'string' && isEntryName(name))
}

const MAX_MARKER_BYTES = 1 << 20

async function writeMarker(dir: string, entries: readonly string[]): Promise<void> {
  const marker: Marker & {about: string} = {
    writtenBy: 'go-matrix',
    about: 'go-matrix wrote the entries listed here and removes them at the start of its next run into this folder; it leaves everything else alone.',
    entries: [...entries]
  }
  await writeFile(path.join(dir, REPORT_MARKER), JSON.stringify(marker, null, 2) + '\n')
}

function isEntryName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && name !== REPORT_MARKER && !/[/\\\0]/.test(name)
}

function checkEntryName(dir: string, name: string): void {
  if (!isEntryName(name)) throw new Error(`report folder ${dir}: ${JSON.stringify(name)} is not an entry name`)
}

function refusal(dir: string, why: string): InputError {
  return new InputError(`input report-directory: ${dir} ${why}; choose a folder of its own, such as go-matrix-report`)
}
