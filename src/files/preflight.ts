/**
 * The inputs that name files and folders, checked before anything is installed or run, so a
 * typo costs a second, not a whole matrix of test runs. go-version-file is read by the
 * installer before any download; local-toolchains entries that are not Go roots are warnings by
 * design (a runner image may lack one), so neither is checked here.
 */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {InputError, type Options} from '../inputs/options.js'

export async function checkInputFiles(options: Pick<Options, 'mode' | 'workingDirectory' | 'baseline'>, workspace: string): Promise<void> {
  if (options.mode !== 'aggregate') {
    await expectPath('working-directory', path.resolve(workspace, options.workingDirectory), 'folder', 'the module (or go.work) root, relative to the workspace')
  }
  if (options.baseline.kind === 'path') {
    await expectPath('baseline', path.resolve(workspace, options.baseline.path), 'file', 'a report.json or LCOV file, or auto, or none')
  }
}

async function expectPath(input: string, file: string, kind: 'file' | 'folder', give: string): Promise<void> {
  const info = await stat(file).catch((err: NodeJS.ErrnoException) => {
    const why = err.code === 'ENOENT' ? 'does not exist' : `cannot be read (${err.code ?? err.message})`
    throw new InputError(`input ${input}: ${file} ${why}; give ${give}`, {cause: err})
  })
  const ok = kind === 'file' ? info.isFile() : info.isDirectory()
  if (!ok) throw new InputError(`input ${input}: ${file} is not a ${kind}; give ${give}`)
}
