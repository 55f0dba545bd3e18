/**
 * Puts a freshly verified toolchain in the place of a damaged one without any job seeing half a
 * toolchain: the damaged folder is renamed aside (`<arch>.removing-<random>`), the new one renamed
 * in, its manifest and marker written, and only then is the damaged copy deleted. Between the two
 * renames the path is briefly absent, which a job starting then sees as "not installed" (it installs
 * the version itself), never as a partial tree. A job still running the damaged copy keeps its open
 * files; the next command it starts runs the new copy.
 */
import {existsSync} from 'node:fs'
import {rename, rm, writeFile} from 'node:fs/promises'
import {removingPathOf, sidecarsOf, writeFileAtomically} from './layout.js'

/**
 * Replaces the toolchain at `dir` by the one at `source` (same file system). Returns false when,
 * between the two renames, another job put its own copy there (it too came from the verified
 * archive): that copy stays and `source` is left for the caller to remove.
 */
export async function replaceToolchain(source: string, dir: string, manifest: string): Promise<boolean> {
  const aside = removingPathOf(dir)
  try {
    await rename(dir, aside)
  } catch (err) {
    // Another job moved it first (its own recovery, or a prune): ours goes in its place all the same.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot move the damaged toolchain ${dir} aside: ${(err as Error).message}`, {cause: err})
  }
  try {
    await rename(source, dir)
  } catch (err) {
    if (!existsSync(dir)) throw new Error(`cannot move the toolchain into ${dir}: ${(err as Error).message}`, {cause: err})
    await rm(aside, {recursive: true, force: true})
    return false
  }
  const {marker, manifest: manifestFile} = sidecarsOf(dir)
  await writeFileAtomically(manifestFile, manifest)
  await writeFile(marker, '')
  await rm(aside, {recursive: true, force: true})
  return true
}
