// How a start script runs its server: as the one child of the container's main process,
// passing SIGTERM and SIGINT on so the server stops gracefully, and leaving with its exit code.
import { spawn } from "node:child_process"

/** Starts the server; resolves with its exit code (128 + signal number when killed). */
export function superviseServer(command, args, { cwd, env }) {
  const child = spawn(command, args, { cwd, env, stdio: "inherit" })
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
  }
  const onTerm = forward("SIGTERM")
  const onInt = forward("SIGINT")
  process.on("SIGTERM", onTerm)
  process.on("SIGINT", onInt)
  return new Promise((resolve, reject) => {
    child.on("error", reject)
    child.on("exit", (code, signal) => {
      process.off("SIGTERM", onTerm)
      process.off("SIGINT", onInt)
      const signals = { SIGTERM: 15, SIGINT: 2, SIGKILL: 9 }
      resolve(code ?? 128 + (signals[signal] ?? 1))
    })
  })
}
