import { spawn } from "child_process"
import path from "path"

export type S3Standin = {
  endpoint: string
  accessKeyId: string
  secretAccessKey: string
  stop(): Promise<void>
}

/**
 * Runs scripts/lib/s3-standin.mjs (s3rver) on a free port with `buckets` created, as a child
 * process: jest's CommonJS runtime does not load that ES module itself.
 */
export function startS3Standin(directory: string, buckets: string[]): Promise<S3Standin> {
  const script = path.join(__dirname, "..", "..", "..", "scripts", "lib", "s3-standin.mjs")
  const child = spawn(process.execPath, [script, "0", directory, ...buckets], {
    stdio: ["ignore", "pipe", "inherit"],
  })
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()))
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString())
      if (!match) return
      resolve({
        endpoint: match[1],
        // s3rver's one account.
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        stop: async () => {
          if (child.exitCode === null) child.kill("SIGTERM")
          await exited
        },
      })
    })
    child.once("exit", (code) => reject(new Error(`S3 stand-in exited with ${code}`)))
  })
}
