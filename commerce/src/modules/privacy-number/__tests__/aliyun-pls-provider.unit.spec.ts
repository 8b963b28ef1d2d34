import { spawn, type ChildProcess } from "child_process"
import { createServer, type Server } from "http"
import type { AddressInfo } from "net"
import path from "path"
import { AliyunPlsProvider, plsExpiration } from "../aliyun-pls-provider"
import { callRecordSignatureValid, parseCallRecords } from "../call-records"

jest.setTimeout(30_000)

// The stand-in's development credentials (scripts/privacy-number-standin.mjs).
const KEY_ID = "LTAIstandinpls000000"
const KEY_SECRET = "standin-pls-secret-000000000000"
const CALLBACK_SECRET = "standin-pls-callback-secret-0000"

describe("Aliyun 号码隐私保护 adapter against the protocol stand-in", () => {
  let standin: ChildProcess
  let url: string
  let hook: Server
  const pushed: { body: string; signature: string }[] = []

  beforeAll(async () => {
    const script = path.join(__dirname, "../../../../../scripts/privacy-number-standin.mjs")
    standin = spawn(process.execPath, [script, "0"], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, ALIYUN_PLS_ACCESS_KEY_ID: "", ALIYUN_PLS_ACCESS_KEY_SECRET: "" },
    })
    url = await new Promise<string>((resolve) =>
      standin.stdout!.on("data", (chunk: Buffer) => {
        const match = /listening (\S+)/.exec(chunk.toString())
        if (match) resolve(match[1])
      })
    )
    hook = createServer((req, res) => {
      let body = ""
      req.on("data", (c) => (body += c))
      req.on("end", () => {
        pushed.push({ body, signature: String(req.headers["x-pls-signature"]) })
        res.end("ok")
      })
    })
    await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve))
  })

  afterAll(async () => {
    standin?.kill()
    await new Promise((resolve) => hook?.close(resolve))
  })

  const provider = (secret = KEY_SECRET) =>
    new AliyunPlsProvider({
      accessKeyId: KEY_ID,
      accessKeySecret: secret,
      poolKey: "FC100000000000001",
      endpoint: `${url}/`,
    })

  it("binds A and B to a middle number neither side's, reports the call signed, and unbinds", async () => {
    const binding = await provider().bindAxb({
      phone_a: "+8613700000001",
      phone_b: "+8613900000002",
      expires_at: new Date(Date.now() + 3_600_000),
      out_id: "cons_1",
    })
    expect(binding.secret_no).toMatch(/^1700000\d{4}$/)
    expect(binding.secret_no).not.toBe("13700000001")
    const listed = await (await fetch(`${url}/__standin/bindings`)).json()
    expect(listed.bindings[0]).toMatchObject({ phone_a: "137****0001", out_id: "cons_1" })

    const call = await fetch(`${url}/__standin/calls`, {
      method: "POST",
      body: JSON.stringify({
        subs_id: binding.subs_id,
        duration_seconds: 95,
        callback_url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/`,
      }),
    }).then((r) => r.json())
    expect(call.delivered).toBe(200)
    const [push] = pushed
    expect(callRecordSignatureValid(push.body, push.signature, CALLBACK_SECRET)).toBe(true)
    expect(callRecordSignatureValid(push.body + " ", push.signature, CALLBACK_SECRET)).toBe(false)
    expect(callRecordSignatureValid(push.body, push.signature, "another-secret")).toBe(false)
    const [record] = parseCallRecords(JSON.parse(push.body))
    expect(record).toMatchObject({
      subs_id: binding.subs_id,
      secret_no: binding.secret_no,
      out_id: "cons_1",
      call_type: "outgoing",
      duration_seconds: 95,
    })
    expect(record).not.toHaveProperty("peer_no")

    await provider().unbind(binding)
    expect((await (await fetch(`${url}/__standin/bindings`)).json()).bindings).toEqual([])
    await expect(provider().unbind(binding)).rejects.toThrow("isv.NO_NOT_EXIST")
  })

  it("is refused as Aliyun refuses a wrong signature or bad parameters", async () => {
    const input = {
      phone_a: "13700000001",
      phone_b: "13900000002",
      expires_at: new Date(Date.now() + 3_600_000),
      out_id: "cons_2",
    }
    await expect(provider("wrong-secret").bindAxb(input)).rejects.toThrow("SignatureDoesNotMatch")
    await expect(provider().bindAxb({ ...input, phone_b: input.phone_a })).rejects.toThrow(
      "isv.INVALID_PARAMETERS"
    )
    await expect(
      provider().bindAxb({ ...input, expires_at: new Date(Date.now() - 60_000) })
    ).rejects.toThrow("isv.INVALID_PARAMETERS")
  })

  it("writes Expiration in Beijing time and signs every parameter", () => {
    expect(plsExpiration(new Date("2026-12-09T01:30:00Z"))).toBe("2026-12-09 09:30:00")
    const params = provider().signedParams("BindAxb", { PhoneNoA: "13700000001" }, "nonce-1")
    expect(params).toMatchObject({
      Action: "BindAxb",
      Version: "2017-05-25",
      SignatureMethod: "HMAC-SHA1",
      SignatureVersion: "1.0",
      SignatureNonce: "nonce-1",
      PoolKey: "FC100000000000001",
    })
    expect(params.Signature).toMatch(/^[A-Za-z0-9+/]+=*$/)
  })
})
