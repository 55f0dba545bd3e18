import type {Profile} from './model.js'

/** Writes a profile in Go's text format, which `go tool cover -html` and `-func` read. */
export function formatProfile(profile: Profile): string {
  const out = [`mode: ${profile.mode}`]
  const {startLine, startCol, endLine, endCol, numStmt, count} = profile.blocks
  for (const f of profile.files) {
    for (let i = f.start; i < f.start + f.length; i++) {
      out.push(`${f.file}:${startLine[i]}.${startCol[i]},${endLine[i]}.${endCol[i]} ${numStmt[i]} ${count[i]}`)
    }
  }
  return `${out.join('\n')}\n`
}
