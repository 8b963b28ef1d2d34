// `npm test`'s own PostgreSQL: a throwaway cluster in a temporary directory with the machine's
// PostgreSQL binaries, made fresh each run and removed after it. Every test database is thrown
// away, so it runs without fsync, full-page writes or synchronous commit. On the machine's
// server (fsync on) each DROP DATABASE waits for a checkpoint that flushes every test's dirty
// pages to disk: measured 6 to 22 s a drop with three test processes running, 0.5 to 1.2 s here.
// It also has the connections three jest processes and the e2e platform need at once.
// Without the binaries (no Debian PostgreSQL), npm test uses the server ensurePostgres finds.
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs"
import { spawnSync } from "node:child_process"
import net from "node:net"
import { tmpdir } from "node:os"
import path from "node:path"

const SETTINGS = {
  fsync: "off",
  full_page_writes: "off",
  synchronous_commit: "off",
  max_connections: "300",
  shared_buffers: "256MB",
  max_wal_size: "4GB",
  // Both of localhost's addresses: the test processes connect to "localhost".
  listen_addresses: "localhost",
  unix_socket_directories: "",
}

/** The newest Debian PostgreSQL's bin directory, or null. */
function binaries() {
  const root = "/usr/lib/postgresql"
  if (!existsSync(root)) return null
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a))
  return versions.length ? path.join(root, versions[0], "bin") : null
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** initdb and pg_ctl refuse to run as root: as root they run as the postgres user. */
function run(bin, args, ownerIsRoot) {
  const [command, commandArgs] = ownerIsRoot
    ? ["runuser", ["-u", "postgres", "--", bin, ...args]]
    : [bin, args]
  const result = spawnSync(command, commandArgs, { encoding: "utf8" })
  if (result.status !== 0)
    throw new Error(`${path.basename(bin)} failed: ${result.stderr || result.stdout}`)
}

/**
 * Starts the cluster; resolves `{ serverUrl, stop }` (serverUrl without a database name), or
 * null when this machine has no PostgreSQL binaries to start one with.
 */
export async function startTestPostgres() {
  const bin = binaries()
  if (!bin) return null
  const asRoot = process.getuid?.() === 0
  // Under /tmp, not the checkout: as root the server runs as postgres, who may not be able to
  // enter the directory a clone is in (/root, say).
  const dir = mkdtempSync(path.join(tmpdir(), "health-test-postgres-"))
  const data = path.join(dir, "data")
  chmodSync(dir, 0o755)
  if (asRoot) spawnSync("chown", ["-R", "postgres", dir])
  run(
    path.join(bin, "initdb"),
    ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"],
    asRoot
  )
  const port = await freePort()
  const options = [
    `-p ${port}`,
    ...Object.entries(SETTINGS).map(([key, value]) => `-c ${key}=${value === "" ? "''" : value}`),
  ].join(" ")
  run(
    path.join(bin, "pg_ctl"),
    ["-D", data, "-o", options, "-l", path.join(dir, "postgres.log"), "-w", "start"],
    asRoot
  )
  return {
    serverUrl: `postgres://postgres@127.0.0.1:${port}`,
    /**
     * The server's CPU seconds so far: the postmaster's own and its exited backends' (it waits
     * for them). Its processes are not npm test's children, so no stage's row counts them.
     */
    cpuSeconds() {
      try {
        const pid = readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0].trim()
        const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
        // utime, stime, cutime, cstime: stat fields 14 to 17, indices 11 to 14 after the name.
        const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0)
        return Math.round(ticks / 100)
      } catch {
        return undefined
      }
    },
    stop() {
      try {
        run(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot)
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}
