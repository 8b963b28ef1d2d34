import { ChildProcess, spawn } from "child_process"
import path from "path"

/** The stand-in's development credentials (scripts/privacy-number-standin.mjs). */
export const PLS_STANDIN_ACCESS_KEY_ID = "LTAIstandinpls000000"
export const PLS_STANDIN_ACCESS_KEY_SECRET = "standin-pls-secret-000000000000"
export const PLS_STANDIN_CALLBACK_SECRET = "standin-pls-callback-secret-0000"

/** What the app needs to talk to the stand-in at `url` (read on each call). */
export const privacyNumberStandinEnv = (url: string) => ({
  PRIVACY_NUMBER_PROVIDER: "aliyun",
  ALIYUN_PLS_ACCESS_KEY_ID: PLS_STANDIN_ACCESS_KEY_ID,
  ALIYUN_PLS_ACCESS_KEY_SECRET: PLS_STANDIN_ACCESS_KEY_SECRET,
  ALIYUN_PLS_POOL_KEY: "FC100000000000001",
  ALIYUN_PLS_ENDPOINT: `${url}/`,
  ALIYUN_PLS_CALLBACK_SECRET: PLS_STANDIN_CALLBACK_SECRET,
})

export type PrivacyNumberStandin = {
  url: string
  process: ChildProcess
  /** Live bindings (numbers masked). */
  bindings(): Promise<{ subs_id: string; secret_no: string; out_id: string | null }[]>
  /** One call through a binding; its signed record is pushed to `callbackUrl`. */
  call(
    subsId: string,
    callbackUrl: string,
    durationSeconds?: number
  ): Promise<{ delivered: number; record: Record<string, unknown> }>
  stop(): void
}

/** Runs scripts/privacy-number-standin.mjs (Aliyun 号码隐私保护), on a free port by default. */
export function startPrivacyNumberStandin(port = 0): Promise<PrivacyNumberStandin> {
  const script = path.join(__dirname, "..", "..", "..", "scripts", "privacy-number-standin.mjs")
  const child = spawn(process.execPath, [script, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      ALIYUN_PLS_ACCESS_KEY_ID: PLS_STANDIN_ACCESS_KEY_ID,
      ALIYUN_PLS_ACCESS_KEY_SECRET: PLS_STANDIN_ACCESS_KEY_SECRET,
      ALIYUN_PLS_CALLBACK_SECRET: PLS_STANDIN_CALLBACK_SECRET,
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
        bindings: async () => (await (await fetch(`${url}/__standin/bindings`)).json()).bindings,
        call: async (subsId, callbackUrl, durationSeconds = 120) =>
          (
            await fetch(`${url}/__standin/calls`, {
              method: "POST",
              body: JSON.stringify({
                subs_id: subsId,
                callback_url: callbackUrl,
                duration_seconds: durationSeconds,
              }),
            })
          ).json(),
        stop: () => child.kill(),
      })
    })
    child.once("exit", (code) => reject(new Error(`privacy-number stand-in exited with ${code}`)))
  })
}
