#!/usr/bin/env node
/**
 * Runs the unmodified `@actions/cache` once, in a process of its own, the way a job step runs it:
 * it reads everything (service URLs, runtime token, RUNNER_TEMP, GITHUB_WORKSPACE, cache mode)
 * from the environment it is given, so each call gets exactly a job's environment.
 *
 *   node __tests__/helpers/actions-cache-client.mjs '{"op":"save","paths":["/abs/dir"],"key":"k"}'
 *   node __tests__/helpers/actions-cache-client.mjs '{"op":"restore","paths":["/abs/dir"],"key":"k","restoreKeys":["k-"]}'
 *
 * The client's own log (`::debug::`, `::warning::`, …) goes to stdout as in a job; the outcome is
 * the last line, `::actions-cache-client-result::{json}`: {cacheId} for a save (-1 when the client
 * did not save), {key} for a restore (null on a miss), {available} for `available`, or
 * {error, name} when the client threw.
 */
import * as cache from '@actions/cache'

const RESULT_MARKER = '::actions-cache-client-result::'

const request = JSON.parse(process.argv[2] ?? '{}')
let result
try {
  if (request.op === 'save') {
    result = {cacheId: await cache.saveCache(request.paths, request.key, request.options)}
  } else if (request.op === 'restore') {
    result = {key: (await cache.restoreCache(request.paths, request.key, request.restoreKeys, request.options)) ?? null}
  } else if (request.op === 'available') {
    result = {available: cache.isFeatureAvailable()}
  } else {
    throw new Error(`unknown op ${JSON.stringify(request.op)} (save, restore or available)`)
  }
} catch (err) {
  result = {error: err.message, name: err.name}
}
process.stdout.write(`\n${RESULT_MARKER}${JSON.stringify(result)}\n`)
