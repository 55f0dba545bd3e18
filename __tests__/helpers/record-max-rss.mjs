/**
 * Loaded into a Node process with `NODE_OPTIONS=--import=<this file>`: when the process exits,
 * writes its own peak resident memory in bytes (peak-rss.mjs: its own, without its children's or its parent's)
 * to $MAX_RSS_FILE, so a test can bound what a bundle holds in memory.
 */
import {writeFileSync} from 'node:fs'
import {peakRssKilobytes} from './peak-rss.mjs'

const file = process.env.MAX_RSS_FILE
if (file) process.on('exit', () => writeFileSync(file, String(peakRssKilobytes() * 1024)))
