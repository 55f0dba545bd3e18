/**
 * Finds the modules the `modules` input selects (selection.ts) on disk: the go.mod files below
 * working-directory, the modules its go.work uses, and for each module chosen its go.mod, checked
 * to exist and to lie inside the workspace (symbolic links resolved).
 */
import {readdir, readFile, realpath} from 'node:fs/promises'
import path from 'node:path'
import {parseGoFile} from '../go/go-mod.js'
import type {GoFile} from '../go/go-mod.js'
import {applySelection, checkReportFolders, compareFolders, ModuleSelectionError} from './selection.js'
import type {ModuleSelection} from './selection.js'

/** Folders discovery never enters: Go ignores vendor/ and testdata/ in `./...`; the others hold other people's code or tools' state. */
export function isSkippedFolder(name: string): boolean {
  return name === 'vendor' || name === 'testdata' || name === 'node_modules' || name.startsWith('.')
}

/** Discovery stops here rather than walk a whole disk when working-directory is far too wide. */
export const MAX_FOLDERS_WALKED = 100_000

/**
 * Every folder below `root` (itself included, as `.`) that holds a go.mod, sorted with `.` first.
 * Symbolic links are not followed (a link loop would never end, and a link may leave the workspace).
 */
export async function findModuleFolders(root: string): Promise<string[]> {
  const found: string[] = []
  const pending: string[] = ['.']
  let walked = 0
  while (pending.length > 0) {
    const dir = pending.pop() as string
    if (++walked > MAX_FOLDERS_WALKED) {
      throw new ModuleSelectionError(
        `auto: more than ${MAX_FOLDERS_WALKED} folders below ${root}; set working-directory to the folder that holds the modules, or list them`
      )
    }
    let entries
    try {
      entries = await readdir(path.join(root, dir), {withFileTypes: true})
    } catch (err) {
      // The root must be readable; a folder below it that is not (permissions) holds no module we could test.
      if (dir === '.') throw new ModuleSelectionError(`cannot read ${root}: ${(err as Error).message}`, {cause: err})
      continue
    }
    for (const entry of entries) {
      if (entry.isFile() && entry.name === 'go.mod') found.push(dir)
      else if (entry.isDirectory() && !isSkippedFolder(entry.name)) pending.push(dir === '.' ? entry.name : `${dir}/${entry.name}`)
    }
  }
  return found.sort(compareFolders)
}

/** One module chosen: where it is and what its go.mod says. */
export interface ModuleFolder {
  /** Relative to working-directory, '/'-separated; `.` for working-directory itself. */
  dir: string
  /** Absolute. */
  absolute: string
  /** The module path of its go.mod (`example.com/repo/api`). */
  path: string
  goMod: GoFile
}

export interface ResolvedModules {
  modules: ModuleFolder[]
  /** Said to the user as warnings: globs that matched nothing. */
  warnings: string[]
}

/**
 * The modules a list selection names, in folder order. `workingDir` and `workspace` are absolute.
 * Errors (ModuleSelectionError) say which entry and what to do: a folder without go.mod, a go.work
 * `use` outside working-directory, a link out of the workspace, an empty selection.
 */
export async function resolveModules(
  selection: Extract<ModuleSelection, {kind: 'list'}>,
  dirs: {workingDir: string; workspace: string}
): Promise<ResolvedModules> {
  const needsWalk = selection.auto || selection.include.some(e => e !== '.' && /[*?[]/.test(e))
  const found = needsWalk ? await findModuleFolders(dirs.workingDir) : []
  const work = selection.auto ? await readGoWork(dirs.workingDir) : null
  const auto = work ? work.uses : found
  const {dirs: chosen, unmatched} = applySelection(selection, found, auto)
  if (chosen.length === 0) {
    const what = work ? `go.work in ${dirs.workingDir} uses` : `found below ${dirs.workingDir}`
    const seen = auto.length === 0 ? 'none' : auto.join(', ')
    throw new ModuleSelectionError(`selects no module (modules ${what}: ${seen}); check the list and its ! exclusions`)
  }
  checkReportFolders(chosen)
  const workspace = await realpath(dirs.workspace).catch(() => path.resolve(dirs.workspace))
  const modules: ModuleFolder[] = []
  for (const dir of chosen) modules.push(await readModuleFolder(dir, dirs.workingDir, workspace, work !== null && work.uses.includes(dir)))
  return {modules, warnings: unmatched.map(glob => `input modules: ${glob} matches no module below ${dirs.workingDir}`)}
}

async function readModuleFolder(dir: string, workingDir: string, workspace: string, fromGoWork: boolean): Promise<ModuleFolder> {
  const absolute = path.join(workingDir, ...dir.split('/'))
  const named = fromGoWork ? `go.work uses ${dir}, but` : `${dir}:`
  let real: string
  try {
    real = await realpath(absolute)
  } catch {
    throw new ModuleSelectionError(`${named} there is no folder ${absolute}`)
  }
  if (real !== workspace && !real.startsWith(workspace + path.sep)) {
    throw new ModuleSelectionError(`${named} ${absolute} leads outside the workspace (to ${real})`)
  }
  const file = path.join(absolute, 'go.mod')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no go.mod there' : (err as Error).message
    throw new ModuleSelectionError(`${named} ${file}: ${why}; name module folders (those holding a go.mod)`, {cause: err})
  }
  const goMod = parseGoFile(`${dir === '.' ? '' : `${dir}/`}go.mod`, text)
  if (!goMod.module) throw new ModuleSelectionError(`${file} has no module line`)
  return {dir, absolute, path: goMod.module, goMod}
}

/** The go.work of working-directory, with its `use` folders normalized like the input's entries; null without one. */
async function readGoWork(workingDir: string): Promise<{file: GoFile; uses: string[]} | null> {
  const file = path.join(workingDir, 'go.work')
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new ModuleSelectionError(`${file}: ${(err as Error).message}`, {cause: err})
  }
  const goWork = parseGoFile('go.work', text)
  const uses = goWork.use.map(use => {
    const posix = use.replace(/\\/g, '/')
    const segments = path.posix.normalize(posix).split('/').filter(s => s !== '' && s !== '.')
    if (path.posix.isAbsolute(posix) || /^[A-Za-z]:/.test(posix) || segments.includes('..')) {
      throw new ModuleSelectionError(
        `go.work uses ${use}, outside working-directory (${workingDir}); set working-directory to a folder that holds every module, or list the modules instead of auto`
      )
    }
    return segments.length === 0 ? '.' : segments.join('/')
  })
  return {file: goWork, uses: [...new Set(uses)].sort(compareFolders)}
}

