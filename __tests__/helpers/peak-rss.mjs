/**
 * This process's own peak resident memory, in kilobytes. On Linux it is VmHWM from
 * /proc/self/status, the high-water mark of this process's memory since it started its program:
 * getrusage's ru_maxrss (process.resourceUsage().maxRSS) carries over across execve the peak of
 * the process it was forked from, so a small command spawned by a big jest worker reports the
 * worker's size (a 39 MB child of a 404 MB parent reads 404 MB). Elsewhere, ru_maxrss.
 */
import {readFileSync} from 'node:fs'

export function peakRssKilobytes() {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))
    if (match) return Number(match[1])
  } catch {
    // No /proc (macOS, Windows): getrusage is all there is.
  }
  return process.resourceUsage().maxRSS
}
