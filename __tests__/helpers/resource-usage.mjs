/**
 * Preloaded into a child node process (`node --import <this file> …`): at exit, writes the
 * process's own resource usage (process.resourceUsage(): CPU times in microseconds, maxRSS in
 * kilobytes) as JSON to the file named by GO_MATRIX_RESOURCE_USAGE, so a test can bound the time
 * and peak memory of a command without /usr/bin/time.
 */
import {writeFileSync} from 'node:fs'

const file = process.env.GO_MATRIX_RESOURCE_USAGE
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.resourceUsage())))
