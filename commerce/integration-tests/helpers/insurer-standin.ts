import { ChildProcess, spawn } from "child_process"
import path from "path"

export type InsurerStandin = {
  url: string
  process: ChildProcess
  /** The insurer decides a claim and posts its signed callback; answers our hook's status. */
  decideClaim(
    claimNo: string,
    decision: { status: "approved" | "rejected" | "paid"; paid_fen?: number; reason?: string },
    callbackUrl: string
  ): Promise<number>
  calls(): Promise<{ action: string; booking_id?: string; case_id?: string }[]>
}

/** The stand-in's development credentials (scripts/insurer-standin.mjs). */
export const INSURER_STANDIN_APP_ID = "standin-insurer-app"
export const INSURER_STANDIN_SECRET = "standin-insurer-secret-0000000000"

/** What the app needs to talk to the stand-in on `port`: set before the app boots. */
export const insurerStandinEnv = (port: number) => ({
  INSURER_PROVIDER: "signed_json",
  INSURER_API_URL: `http://127.0.0.1:${port}`,
  INSURER_APP_ID: INSURER_STANDIN_APP_ID,
  INSURER_SECRET: INSURER_STANDIN_SECRET,
})

/** Runs scripts/insurer-standin.mjs on `port` (0: a free one). */
export function startInsurerStandin(port = 0): Promise<InsurerStandin> {
  const script = path.join(__dirname, "..", "..", "..", "scripts", "insurer-standin.mjs")
  const child = spawn(process.execPath, [script, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      INSURER_APP_ID: INSURER_STANDIN_APP_ID,
      INSURER_SECRET: INSURER_STANDIN_SECRET,
    },
  })
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString())
      if (!match) return
      const url = match[1]
      resolve({
        url,
        process: child,
        decideClaim: async (claimNo, decision, callbackUrl) => {
          const response = await fetch(`${url}/__standin/claims/${claimNo}/decide`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ ...decision, callback_url: callbackUrl }),
          })
          if (!response.ok) throw new Error(`insurer stand-in answered ${response.status}`)
          return ((await response.json()) as { callback_status: number }).callback_status
        },
        calls: async () =>
          ((await (await fetch(`${url}/__standin/calls`)).json()) as { calls: never[] }).calls,
      })
    })
    child.once("exit", (code) => reject(new Error(`insurer stand-in exited with ${code}`)))
  })
}
