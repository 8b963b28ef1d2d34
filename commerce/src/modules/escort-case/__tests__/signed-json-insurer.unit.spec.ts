import { spawn, type ChildProcess } from "child_process"
import path from "path"
import { insurerSignature, insurerSignatureValid } from "../insurers/insurer-signature"
import { SignedJsonInsurer } from "../insurers/signed-json-insurer"

const APP_ID = "standin-insurer-app"
const SECRET = "standin-insurer-secret-0000000000"

/** A callback as the insurer signs it. */
const signed = (body: string, at = Date.now(), secret = SECRET) => {
  const timestamp = String(Math.floor(at / 1000))
  const nonce = "nonce-1"
  return {
    "x-insurer-appid": APP_ID,
    "x-insurer-timestamp": timestamp,
    "x-insurer-nonce": nonce,
    "x-insurer-signature": insurerSignature(secret, { app_id: APP_ID, timestamp, nonce, body }),
  }
}

describe("the signed JSON insurer contract", () => {
  const body = JSON.stringify({ claim_no: "CL1", status: "paid", paid_fen: 7960, reason: null })
  const insurer = new SignedJsonInsurer({
    api_url: "http://unused",
    app_id: APP_ID,
    secret: SECRET,
  })

  it("accepts a callback signed with the shared secret and reads it", () => {
    expect(insurer.verifyCallback(signed(body), body)).toEqual({
      claim_no: "CL1",
      status: "paid",
      paid_fen: 7960,
      reason: null,
    })
  })

  it("refuses another secret, a changed body, another app id and a stale timestamp", () => {
    expect(insurer.verifyCallback(signed(body, Date.now(), "other-secret"), body)).toBeNull()
    expect(insurer.verifyCallback(signed(body), body.replace("7960", "9999"))).toBeNull()
    expect(
      insurer.verifyCallback({ ...signed(body), "x-insurer-appid": "someone-else" }, body)
    ).toBeNull()
    expect(insurerSignatureValid(SECRET, APP_ID, signed(body, Date.now() - 301_000), body)).toBe(
      false
    )
    const unknownStatus = JSON.stringify({ claim_no: "CL1", status: "maybe" })
    expect(insurer.verifyCallback(signed(unknownStatus), unknownStatus)).toBeNull()
  })

  describe("against scripts/insurer-standin.mjs", () => {
    let standin: ChildProcess
    let url: string
    beforeAll(async () => {
      standin = spawn(
        process.execPath,
        [path.join(__dirname, "../../../../../scripts/insurer-standin.mjs"), "0"],
        {
          stdio: ["ignore", "pipe", "inherit"],
          env: { ...process.env, INSURER_APP_ID: APP_ID, INSURER_SECRET: SECRET },
        }
      )
      url = await new Promise<string>((resolve) =>
        standin.stdout!.on("data", (chunk: Buffer) => {
          const match = /listening (\S+)/.exec(chunk.toString())
          if (match) resolve(match[1])
        })
      )
    })
    afterAll(() => {
      standin?.kill()
    })

    it("issues one policy per booking and one claim per case; a wrong secret is refused", async () => {
      const client = new SignedJsonInsurer({ api_url: url, app_id: APP_ID, secret: SECRET })
      const request = {
        booking_id: "escbk_1",
        service_name: "半日陪诊",
        service_date: "2026-12-28",
        city: "长沙市",
        price_fen: 19900,
      }
      const policy = await client.issuePolicy(request)
      expect(policy).toEqual({
        policy_no: expect.stringMatching(/^PL\d{14}$/),
        premium_fen: 399,
        coverage_fen: 5_000_000,
      })
      expect(await client.issuePolicy(request)).toEqual(policy)
      const claim = {
        case_id: "esccase_1",
        policy_no: policy.policy_no,
        amount_fen: 7960,
        description: "先行赔付",
      }
      const filed = await client.fileClaim(claim)
      expect(filed).toEqual({ claim_no: expect.stringMatching(/^CL/), status: "filed" })
      expect(await client.fileClaim(claim)).toEqual(filed)
      await expect(
        client.fileClaim({ ...claim, case_id: "esccase_2", policy_no: "PL_none" })
      ).rejects.toThrow("POLICY_NOT_FOUND")
      const forger = new SignedJsonInsurer({
        api_url: url,
        app_id: APP_ID,
        secret: "not-the-secret",
      })
      await expect(forger.issuePolicy(request)).rejects.toThrow("SIGN_ERROR")
    })
  })
})
