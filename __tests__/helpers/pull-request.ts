/** A repository with a pull request's two commits, and the environment a runner gives a pull_request event, for the bundle's end-to-end tests. */
import {cp, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {git} from './git.js'

const EVENT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/events/pull_request.json')

/**
 * A git repository at `workspace` holding a copy of `source` as main's commit (base), and a
 * `feature` branch whose commit (head) appends `appended` to `file`; left on the feature branch.
 */
export async function repositoryWithChange(source: string, workspace: string, change: {file: string; appended: string; message: string}): Promise<{base: string; head: string}> {
  await cp(source, workspace, {recursive: true})
  git(workspace, 'init', '-q', '-b', 'main')
  git(workspace, 'add', '.')
  git(workspace, 'commit', '-qm', 'base')
  const base = git(workspace, 'rev-parse', 'HEAD')
  git(workspace, 'checkout', '-qb', 'feature')
  const file = path.join(workspace, change.file)
  await writeFile(file, (await readFile(file, 'utf8')) + change.appended)
  git(workspace, 'commit', '-qam', change.message)
  return {base, head: git(workspace, 'rev-parse', 'HEAD')}
}

/** The variables of a pull_request run from main at `base` to feature at `head`; its event file is written to `eventFile`. */
export async function pullRequestEnv(pr: {number: number; base: string; head: string; apiUrl: string; runId: string; eventFile: string}): Promise<Record<string, string>> {
  const payload = JSON.parse(await readFile(EVENT, 'utf8'))
  payload.number = pr.number
  payload.pull_request.number = pr.number
  payload.pull_request.base.sha = pr.base
  payload.pull_request.base.ref = 'main'
  payload.pull_request.head.sha = pr.head
  payload.pull_request.head.ref = 'feature'
  payload.pull_request.head.repo.full_name = payload.repository.full_name
  await writeFile(pr.eventFile, JSON.stringify(payload))
  return {
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: pr.eventFile,
    GITHUB_REF: `refs/pull/${pr.number}/merge`,
    GITHUB_SHA: pr.head,
    GITHUB_REPOSITORY: payload.repository.full_name,
    GITHUB_API_URL: pr.apiUrl,
    GITHUB_RUN_ID: pr.runId
  }
}
