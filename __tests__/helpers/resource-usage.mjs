/**
 * Preloaded into a child node process (`node --import <this file> …`): at exit, writes the
 * process's own resource usage (process.resourceUsage(): CPU times in microseconds; maxRSS in
 * kilobytes, this process's own peak, see peak-rss.mjs) as JSON to the file named by GO_MATRIX_RESOURCE_USAGE, so a test can bound the time
 * and peak memory of a command without /usr/bin/time.
 */
import {writeFileSync} from 'node:fs'
import {peakRssKilobytes} from './peak-rss.mjs'

const file = process.env.GO_MATRIX_RESOURCE_USAGE
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify({...process.resourceUsage(), maxRSS: peakRssKilobytes()})))
