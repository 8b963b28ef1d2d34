import { ChildProcess, spawn } from "child_process"
import path from "path"

/** Runs scripts/wechat-api-standin.mjs on a free port and resolves its base URL. */
export function startWechatStandin(): Promise<{ url: string; process: ChildProcess }> {
  const script = path.join(__dirname, "..", "..", "..", "scripts", "wechat-api-standin.mjs")
  const child = spawn(process.execPath, [script, "0"], { stdio: ["ignore", "pipe", "inherit"] })
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString())
      if (match) resolve({ url: match[1], process: child })
    })
    child.once("exit", (code) => reject(new Error(`wechat stand-in exited with ${code}`)))
  })
}
