import type {Profile} from './model.js'

/** Writes a profile in Go's text format, which `go tool cover -html` and `-func` read. */
export function formatProfile(profile: Profile): string {
  const out = [`mode: ${profile.mode}`]
  for (const f of profile.files) {
    for (let i = 0; i < f.length; i++) {
      out.push(`${f.file}:${f.startLine[i]}.${f.startCol[i]},${f.endLine[i]}.${f.endCol[i]} ${f.numStmt[i]} ${f.count[i]}`)
    }
  }
  return `${out.join('\n')}\n`
}
