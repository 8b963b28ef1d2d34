import { spawn } from "node:child_process"
import { createWriteStream, mkdirSync } from "node:fs"
import path from "node:path"
import { dim } from "./log.mjs"

const children = new Set()
const cleanups = []

/** Registers work to do after the processes stop, such as stopping an embedded database. */
export function onShutdown(fn) {
  cleanups.push(fn)
}

/**
 * Starts a long-running process in its own process group, so stopping it also stops
 * whatever it spawned (Next, Strapi and Medusa all fork workers).
 */
export function startProcess(name, command, args, { cwd, env, logFile, echo = true } = {}) {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  })
  children.add(child)
  let log
  if (logFile) {
    mkdirSync(path.dirname(logFile), { recursive: true })
    log = createWriteStream(logFile, { flags: "a" })
  }
  const forward = (stream, target) => {
    let buffer = ""
    stream.on("data", (chunk) => {
      log?.write(chunk)
      if (!echo) return
      buffer += chunk.toString()
      const lines = buffer.split("\n")
      buffer = lines.pop() ?? ""
      for (const line of lines) target.write(`${dim(`[${name}]`)} ${line}\n`)
    })
  }
  forward(child.stdout, process.stdout)
  forward(child.stderr, process.stderr)
  child.on("exit", () => {
    children.delete(child)
    log?.end()
  })
  return child
}

export function stopProcess(child, signal = "SIGTERM") {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {
        // already gone
      }
    }, 10_000)
    child.once("exit", () => {
      clearTimeout(timer)
      resolve()
    })
    try {
      process.kill(-child.pid, signal)
    } catch {
      clearTimeout(timer)
      resolve()
    }
  })
}

export async function stopAll() {
  await Promise.all([...children].map((child) => stopProcess(child)))
}

/** Runs a command to completion, streaming its output; rejects on a non-zero exit. */
export function run(command, args, { cwd, env, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    })
    let output = ""
    if (quiet) {
      child.stdout.on("data", (chunk) => (output += chunk))
      child.stderr.on("data", (chunk) => (output += chunk))
    }
    child.on("error", reject)
    child.on("exit", (code) => {
      if (code === 0) resolve(output)
      else
        reject(
          Object.assign(
            new Error(`${command} ${args.join(" ")} exited with ${code}\n${output.slice(-4000)}`),
            { code }
          )
        )
    })
  })
}

/** Stops every started process on Ctrl-C, SIGTERM or exit, leaving no orphans. */
export function stopAllOnExit() {
  let stopping = false
  const shutdown = async (code) => {
    if (stopping) return
    stopping = true
    await stopAll()
    // Newest first: the template database is dropped before the cluster holding it stops.
    // A cleanup may be synchronous (the test cluster's pg_ctl stop) or throw.
    for (const cleanup of [...cleanups].reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch(() => {})
    }
    process.exit(code)
  }
  process.on("SIGINT", () => shutdown(130))
  process.on("SIGTERM", () => shutdown(143))
  process.on("exit", () => {
    for (const child of children) {
      try {
        process.kill(-child.pid, "SIGKILL")
      } catch {
        // already gone
      }
    }
  })
  return shutdown
}
