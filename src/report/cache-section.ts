/**
 * The summary's "Build caches" section: per version, whether its build cache was restored or missed
 * (key, size, seconds), what the run compiled or tested anew, how many packages' test results Go
 * replayed, and whether it was saved (or why not). Pure.
 */
import {code, escape, tableHead, tableRow} from './markdown.js'
import {plural} from './format.js'
import type {Section} from './fit.js'
import type {Report} from './schema.js'
import {formatMiB, type VersionCacheReport} from '../cache/report.js'

function restoredCell(c: VersionCacheReport): string {
  if (c.where === 'folder') return c.restored ? `kept in the cache folder (${formatMiB(c.restoredBytes)})` : 'empty cache folder'
  if (c.restored) return `${code(c.key ?? '', {cell: true})} (${formatMiB(c.restoredBytes)}, ${c.restoreSeconds.toFixed(1)} s)`
  return c.why && !c.why.startsWith('not saved') ? `not restored: ${escape(c.why)}` : 'missed'
}

function savedCell(c: VersionCacheReport): string {
  if (c.where === 'folder') return 'stays in the folder'
  if (c.saved) return `${code(c.savedKey ?? '', {cell: true})} (${formatMiB(c.savedBytes ?? 0)}, ${c.saveSeconds.toFixed(1)} s)`
  return escape((c.why ?? 'not saved').replace(/^not saved: /, 'no: '))
}

export function buildCacheSection(report: Report): Section | null {
  const rows = report.versions.flatMap(v => {
    const c = v.buildCache
    if (!c) return []
    const added = c.addedEntries === undefined ? '' : c.addedEntries === 0 ? 'nothing' : `${c.addedEntries} ${c.addedEntries === 1 ? 'entry' : 'entries'}`
    const replayed = v.cachedPackages ? plural(v.cachedPackages, 'package') : ''
    return [tableRow([escape(v.version), restoredCell(c), added, replayed, savedCell(c)])]
  })
  if (rows.length === 0) return null
  return {
    head: `<details><summary>Build caches</summary>\n\n${tableHead(['Go', 'restored', 'compiled or tested anew', 'test results replayed', 'saved'], ['l', 'l', 'r', 'r', 'l'])}\n`,
    items: rows,
    separator: '\n',
    tail: '\n\n</details>'
  }
}
