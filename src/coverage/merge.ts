import {ADDED, ProfileBuilder} from './blocks-builder.js'
import {CoverageError} from './model.js'
import type {Profile} from './model.js'

export interface NamedProfile {
  /** Where the profile came from (a path, a Go version): named in errors. */
  name: string
  profile: Profile
}

/**
 * Merges profiles into a new one, the way Go merges identical blocks (same file and range):
 * `set` ORs the counts, `count` and `atomic` sum them. Blocks that only overlap stay apart, as
 * they do in Go's own merge. Inputs are never modified. Different modes, or one block with two
 * statement counts, are errors naming both profiles.
 */
export function mergeProfiles(profiles: readonly NamedProfile[]): Profile {
  const first = profiles[0]
  if (first === undefined) throw new CoverageError('no profiles to merge')
  const builder = new ProfileBuilder(first.profile.mode)
  profiles.forEach(({name, profile}, index) => {
    if (profile.mode !== first.profile.mode) {
      throw new CoverageError(`${name}: mode ${profile.mode} differs from mode ${first.profile.mode} of ${first.name}; profiles of different modes cannot be merged`)
    }
    const {startLine, startCol, endLine, endCol, numStmt, count} = profile.blocks
    for (const f of profile.files) {
      const id = builder.fileId(f.file)
      for (let i = f.start; i < f.start + f.length; i++) {
        const result = builder.addTo(id, startLine[i] as number, startCol[i] as number, endLine[i] as number, endCol[i] as number, numStmt[i] as number, count[i] as number)
        if (result !== ADDED) {
          const key = `${f.file}:${startLine[i]}.${startCol[i]},${endLine[i]}.${endCol[i]}`
          const earlier = profiles.slice(0, index).find(p => hasBlock(p.profile, f.file, profile, i, result))
          throw new CoverageError(`${name}: block ${key} has ${numStmt[i]} statements, but ${result} in ${earlier?.name ?? 'an earlier profile'}`)
        }
      }
    }
  })
  return builder.finish()
}

/** Whether `profile` holds, in `file`, the range of block i of `of` with numStmt statements (to name it in an error). */
function hasBlock(profile: Profile, file: string, of: Profile, i: number, numStmt: number): boolean {
  const g = profile.files.find(other => other.file === file)
  if (g === undefined) return false
  const a = profile.blocks
  const b = of.blocks
  for (let j = g.start; j < g.start + g.length; j++) {
    if (a.startLine[j] === b.startLine[i] && a.startCol[j] === b.startCol[i] && a.endLine[j] === b.endLine[i] && a.endCol[j] === b.endCol[i] && a.numStmt[j] === numStmt) return true
  }
  return false
}
