// A port for a stand-in server, chosen by the operating system. Spec files need it at module
// load, before the app boots with the stand-in's address in its environment, hence synchronous.
// Ports derived from the process id (base + pid % 500) collided when two spec files ran at once
// with overlapping ranges.
import { execFileSync } from "node:child_process"

const PICK_PORT = `const server = require("net").createServer().listen(0, "127.0.0.1", () => {
  process.stdout.write(String(server.address().port))
  server.close()
})`

/** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
export function freePortSync(): number {
  const port = Number(execFileSync(process.execPath, ["-e", PICK_PORT], { encoding: "utf8" }))
  if (!Number.isInteger(port) || port <= 0) throw new Error(`no free port: ${port}`)
  return port
}
