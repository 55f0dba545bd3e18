import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from '@jest/globals'

/**
 * What each entry of the committed bundle loads before its first line runs: its static imports,
 * followed through the chunks. `go-matrix coverage` must start without the installer, the runner
 * and their HTTP client (undici alone is 0.8 MB of code to compile; bench/README.md, coverage).
 */
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist')

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    const text = readFileSync(file, 'utf8')
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?["'](\.[^"']+)["'];?$/gm)) visit(path.resolve(path.dirname(file), m[1] as string))
  }
  visit(path.join(dist, entry))
  return seen
}

/** The chunk `entry` imports dynamically for `what` (the chunk's name starts with it). */
function dynamicChunk(entry: string, what: string): string {
  const text = readFileSync(path.join(dist, entry), 'utf8')
  const found = [...text.matchAll(/import\(["'](\.\/chunks\/[^"']+)["']\)/g)].map(m => m[1] as string).find(f => path.basename(f).startsWith(`${what}-`))
  if (found === undefined) throw new Error(`dist/${entry} imports no chunk for ${what} dynamically`)
  return path.relative(dist, path.resolve(dist, found))
}

const loads = (files: Set<string>, module: string): boolean => [...files].some(f => readFileSync(f, 'utf8').includes(`// node_modules/${module}/`))

describe('the bundle loads at start only what the command needs', () => {
  it('go-matrix coverage loads the coverage engine, not the installer, the runner or an HTTP client', () => {
    const files = new Set([...staticGraph('cli.js'), ...staticGraph(dynamicChunk('cli.js', 'coverage'))])
    expect(loads(files, 'undici')).toBe(false)
    expect(loads(files, '@actions/http-client')).toBe(false)
    expect([...files].some(f => readFileSync(f, 'utf8').includes('// src/files/read-profile.ts'))).toBe(true)
    expect([...files].some(f => readFileSync(f, 'utf8').includes('// src/runner/matrix.ts'))).toBe(false)
  })

  it('the check sees what it looks for: the action itself loads the HTTP client for the index', () => {
    expect(loads(staticGraph('index.js'), 'undici')).toBe(true)
  })
})
