import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import type {CacheClient} from '../../src/transport/actions-cache.js'

/**
 * The Actions cache as the service behaves, in memory, for flat directories: entries are immutable
 * (saving an existing key is declined), a restore tries the primary key exactly and then each
 * restore key as a prefix, newest entry first, and writes the entry's files back into the
 * directories they were saved from. The paths are part of an entry's identity, as in the service.
 */
export class FakeCache implements CacheClient {
  readonly entries: {key: string; paths: string; files: Map<string, string>}[] = []
  constructor(private readonly isAvailable = true) {}

  async available(): Promise<boolean> {
    return this.isAvailable
  }

  async save(paths: readonly string[], key: string): Promise<boolean> {
    if (this.entries.some(e => e.key === key)) return false
    const files = new Map<string, string>()
    for (const dir of paths) for (const name of readdirSync(dir)) files.set(path.join(path.resolve(dir), name), readFileSync(path.join(dir, name), 'utf8'))
    this.entries.push({key, paths: identity(paths), files})
    return true
  }

  async restore(paths: readonly string[], primaryKey: string, restoreKeys: readonly string[]): Promise<string | undefined> {
    // An entry belongs to the paths it was saved from: other paths are another cache version.
    const candidates = this.entries.filter(e => e.paths === identity(paths)).reverse()
    const entry = candidates.find(e => e.key === primaryKey) ?? restoreKeys.map(prefix => candidates.find(e => e.key.startsWith(prefix))).find(e => e !== undefined)
    if (entry === undefined) return undefined
    for (const [file, text] of entry.files) {
      mkdirSync(path.dirname(file), {recursive: true})
      writeFileSync(file, text)
    }
    return entry.key
  }
}

function identity(paths: readonly string[]): string {
  return JSON.stringify(paths.map(p => path.resolve(p)))
}
