import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, describe, expect, it} from '@jest/globals'

const SCRIPT = path.join(import.meta.dirname, '..', '..', 'scripts', 'check-imports.mjs')
const root = mkdtempSync(path.join(os.tmpdir(), 'go-matrix-check-imports-'))
afterAll(() => rmSync(root, {recursive: true, force: true}))

/** A source tree of `files` (path: text), checked by the script; its exit status and output. */
function check(name: string, files: Record<string, string>): {status: number | null; out: string} {
  const dir = path.join(root, name)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), {recursive: true})
    writeFileSync(path.join(dir, file), text)
  }
  const result = spawnSync(process.execPath, [SCRIPT, dir, '--graph'], {encoding: 'utf8'})
  return {status: result.status, out: result.stdout + result.stderr}
}

describe('check-imports', () => {
  it('passes a tree whose folders import one way', () => {
    const {status, out} = check('clean', {'a/x.ts': "import {y} from '../b/y.js'\nexport const x = y\n", 'b/y.ts': 'export const y = 1\n'})
    expect(out).toContain('no cycle between files')
    expect(out).toContain('no cycle between folders')
    expect(out).toContain('a -> b')
    expect(status).toBe(0)
  })

  it('fails on two folders importing each other through different files, naming the imports', () => {
    const {status, out} = check('folders', {
      'a/x.ts': "import {y} from '../b/y.js'\nexport const x = y\n",
      'b/y.ts': 'export const y = 1\n',
      'b/z.ts': "import type {W} from '../a/w.js'\nexport type Z = W\n",
      'a/w.ts': 'export type W = number\n'
    })
    expect(out).toContain('no cycle between files')
    expect(out).toContain('cycle between folders: a, b')
    expect(out).toContain('b -> a')
    expect(status).toBe(1)
  })

  it('fails on a cycle between files, dynamic imports included', () => {
    const {status, out} = check('files', {'p.ts': "export const p = () => import('./q.js')\n", 'q.ts': "import {p} from './p.js'\nexport const q = p\n"})
    expect(out).toContain('cycle between files: p.ts, q.ts')
    expect(status).toBe(1)
  })
})
