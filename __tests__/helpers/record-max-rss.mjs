/**
 * Loaded into a Node process with `NODE_OPTIONS=--import=<this file>`: when the process exits,
 * writes its own peak resident memory in bytes (getrusage RUSAGE_SELF, without its children's)
 * to $MAX_RSS_FILE, so a test can bound what a bundle holds in memory.
 */
import {writeFileSync} from 'node:fs'

const file = process.env.MAX_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)))
