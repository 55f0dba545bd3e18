#!/usr/bin/env node
import {main} from '../cli/main.js'

const status = await main(process.argv.slice(2))
// A cancelled run (128 + the signal's number) ends now, whatever is still settling in the background.
if (status >= 128) process.exit(status)
process.exitCode = status
