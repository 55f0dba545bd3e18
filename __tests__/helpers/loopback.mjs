/**
 * What the loopback stand-ins (go-mirror-server.mjs, github-stand-in-server.mjs,
 * actions-cache-server.mjs) share: listening on a loopback port with a close() that does not wait
 * for keep-alive connections, serving a body at a chosen speed, and running as a process of its own.
 */
import path from 'node:path'
import {fileURLToPath} from 'node:url'

/**
 * Listens on `host:port` (default 127.0.0.1 and any free port). Returns the origin
 * (`http://127.0.0.1:PORT`) and close(), which ends open connections at once, so that a client's
 * idle keep-alive socket cannot hold a test run open.
 */
export async function listenOnLoopback(server, {port = 0, host = '127.0.0.1'} = {}) {
  const sockets = new Set()
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, resolve)
  })
  const bound = server.address()
  return {
    origin: `http://${bound.address.includes(':') ? `[${bound.address}]` : bound.address}:${bound.port}`,
    close() {
      for (const socket of sockets) socket.destroy()
      return new Promise(resolve => server.close(() => resolve()))
    }
  }
}

/**
 * Pipes `source` into the response at about `bytesPerSecond`, then ends it: each chunk waits the
 * time its size asks for before it is sent, so the last byte arrives after the whole body's time.
 */
export async function throttle(source, res, bytesPerSecond) {
  try {
    for await (const chunk of source) {
      await new Promise(resolve => setTimeout(resolve, (chunk.length / bytesPerSecond) * 1000))
      if (res.destroyed) break
      res.write(chunk)
    }
    res.end()
  } catch (err) {
    res.destroy(err)
  }
}

/**
 * When the module at `moduleUrl` is the script node was started with: reads `--flag value` pairs
 * into options as `flags` says ({'--port': ['port', Number, 'N']}: option name, parser, what the
 * value is), starts the stand-in with them, prints its URL on stdout and serves until SIGINT or
 * SIGTERM. `start` returns {url, close}.
 */
export async function serveWhenRun(moduleUrl, name, flags, start) {
  if (!process.argv[1] || path.resolve(process.argv[1]) !== fileURLToPath(moduleUrl)) return
  const argv = process.argv.slice(2)
  const options = {}
  for (let i = 0; i < argv.length; i += 2) {
    const flag = flags[argv[i]]
    if (!flag || argv[i + 1] === undefined) {
      const usage = Object.entries(flags).map(([f, [, , what]]) => `${f} ${what}`).join(' ')
      throw new Error(`${name}: unknown flag or missing value at ${argv[i]} (use ${usage})`)
    }
    options[flag[0]] = flag[1](argv[i + 1])
  }
  const {url, close} = await start(options)
  process.stdout.write(`${url}\n`)
  const stop = () => void close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
