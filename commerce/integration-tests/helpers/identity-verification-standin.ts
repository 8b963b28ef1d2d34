import { ChildProcess, spawn } from "child_process"
import path from "path"

export type IdentityStandin = {
  url: string
  process: ChildProcess
  /** Records a person in the stand-in's registry: that ID number then matches only this name. */
  registerPerson(name: string, idNumber: string): Promise<void>
  /** A finished face capture (FaceIdToken) of that person; result "0" is a match. */
  registerFaceToken(
    token: string,
    capture: { name: string; id_number: string; result?: string }
  ): Promise<void>
  calls(): Promise<{ action: string; id_number: string; result: string }[]>
}

/** The stand-in's development credentials (scripts/identity-verification-standin.mjs). */
export const IDENTITY_STANDIN_SECRET_ID = "AKIDstandinidentity0000000000000000"
export const IDENTITY_STANDIN_SECRET_KEY = "standin-identity-secret-key-000000"

/** What the app needs to talk to the stand-in on `port`: set before the app boots. */
export const identityStandinEnv = (port: number) => ({
  IDENTITY_VERIFICATION_PROVIDER: "tencent",
  TENCENTCLOUD_SECRET_ID: IDENTITY_STANDIN_SECRET_ID,
  TENCENTCLOUD_SECRET_KEY: IDENTITY_STANDIN_SECRET_KEY,
  TENCENTCLOUD_FACEID_ENDPOINT: `http://127.0.0.1:${port}`,
})

/** Runs scripts/identity-verification-standin.mjs (Tencent Cloud FaceID), on a free port by default. */
export function startIdentityStandin(port = 0): Promise<IdentityStandin> {
  const script = path.join(
    __dirname,
    "..",
    "..",
    "..",
    "scripts",
    "identity-verification-standin.mjs"
  )
  const child = spawn(process.execPath, [script, String(port)], {
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      TENCENTCLOUD_SECRET_ID: IDENTITY_STANDIN_SECRET_ID,
      TENCENTCLOUD_SECRET_KEY: IDENTITY_STANDIN_SECRET_KEY,
    },
  })
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      const match = /listening (\S+)/.exec(chunk.toString())
      if (!match) return
      const url = match[1]
      const post = async (where: string, body: unknown) => {
        const response = await fetch(`${url}${where}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
        if (!response.ok) throw new Error(`stand-in ${where} answered ${response.status}`)
      }
      resolve({
        url,
        process: child,
        registerPerson: (name, id_number) => post("/__standin/people", { name, id_number }),
        registerFaceToken: (token, capture) =>
          post("/__standin/face-tokens", { token, ...capture }),
        calls: async () =>
          ((await (await fetch(`${url}/__standin/calls`)).json()) as { calls: never[] }).calls,
      })
    })
    child.once("exit", (code) => reject(new Error(`identity stand-in exited with ${code}`)))
  })
}
