/** Runs git in a test repository with a fixed author, and returns its trimmed output. */
import {execFileSync} from 'node:child_process'

const AUTHOR = {GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com'}

export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {cwd, env: {...process.env, ...AUTHOR}}).toString().trim()
}
