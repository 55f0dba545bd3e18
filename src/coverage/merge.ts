import {ADDED, ProfileBuilder} from './blocks-builder.js'
import {CoverageError} from './model.js'
import type {FileBlocks, Profile} from './model.js'

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
    for (const f of profile.files) {
      for (let i = 0; i < f.length; i++) {
        const result = builder.add(f.file, f.startLine[i] as number, f.startCol[i] as number, f.endLine[i] as number, f.endCol[i] as number, f.numStmt[i] as number, f.count[i] as number)
        if (result !== ADDED) {
          const key = `${f.file}:${f.startLine[i]}.${f.startCol[i]},${f.endLine[i]}.${f.endCol[i]}`
          const earlier = profiles.slice(0, index).find(p => hasBlock(p.profile, f, i, result))
          throw new CoverageError(`${name}: block ${key} has ${f.numStmt[i]} statements, but ${result} in ${earlier?.name ?? 'an earlier profile'}`)
        }
      }
    }
  })
  return builder.finish()
}

/** Whether `profile` holds block i of `f` with numStmt statements (to name it in an error). */
function hasBlock(profile: Profile, f: FileBlocks, i: number, numStmt: number): boolean {
  const g = profile.files.find(other => other.file === f.file)
  if (g === undefined) return false
  for (let j = 0; j < g.length; j++) {
    if (g.startLine[j] === f.startLine[i] && g.startCol[j] === f.startCol[i] && g.endLine[j] === f.endLine[i] && g.endCol[j] === f.endCol[i] && g.numStmt[j] === numStmt) return true
  }
  return false
}
