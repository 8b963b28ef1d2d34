import { createPrivateKey, createPublicKey, generateKeyPairSync } from "crypto"
import { parseAcpResponse, formatAcpResponse } from "../acp-form"
import { signableText, signAcp, verifyAcpSignature } from "../acp-signature"
import { acpTime, parseAcpTime } from "../beijing-time"
import fixture from "./fixtures/acp-known-answers.json"

type KnownAnswer = { fields: Record<string, string>; text: string; signature: string }
const knownAnswers = fixture as unknown as { testOnlyPrivateKey: string; cases: KnownAnswer[] }

describe("ACP 5.1.0 signing (signMethod 01, SHA-256 with RSA)", () => {
  const privateKey = createPrivateKey(knownAnswers.testOnlyPrivateKey)
  const publicKey = createPublicKey(privateKey)

  it.each(knownAnswers.cases.map((c, i) => [i, c] as const))(
    "case %i: sorted text without signature or blanks, and openssl's signature of its hex digest",
    (_, { fields, text, signature }) => {
      expect(signableText(fields)).toBe(text)
      expect(signAcp(fields, privateKey)).toBe(signature)
      expect(verifyAcpSignature({ ...fields, signature }, publicKey)).toBe(true)
    }
  )

  it("refuses a changed field, a missing signature, and another key's signature", () => {
    const { fields, signature } = knownAnswers.cases[0]
    expect(verifyAcpSignature({ ...fields, signature, txnAmt: "69901" }, publicKey)).toBe(false)
    expect(verifyAcpSignature({ ...fields, signature: "" }, publicKey)).toBe(false)
    const other = generateKeyPairSync("rsa", { modulusLength: 2048 })
    expect(verifyAcpSignature({ ...fields, signature }, other.publicKey)).toBe(false)
    expect(verifyAcpSignature({ ...fields, signature: "bm90IGEgc2lnbmF0dXJl" }, publicKey)).toBe(
      false
    )
  })
})

describe("ACP messages and times", () => {
  it("reads a synchronous answer with raw base64, PEM and braced reserved values", () => {
    const pem = "-----BEGIN CERTIFICATE-----\r\nMIIB+/==\r\n-----END CERTIFICATE-----"
    const text = `respCode=00&respMsg=成功[0000000]&signature=ab+/cd==&signPubKeyCert=${pem}&reserved={a=1&b=2}&txnAmt=100`
    expect(parseAcpResponse(text)).toEqual({
      respCode: "00",
      respMsg: "成功[0000000]",
      signature: "ab+/cd==",
      signPubKeyCert: pem,
      reserved: "{a=1&b=2}",
      txnAmt: "100",
    })
    expect(parseAcpResponse(formatAcpResponse({ x: "1=2", y: "" }))).toEqual({ x: "1=2", y: "" })
  })

  it("writes txnTime in Beijing time whatever the machine's zone, and reads it back", () => {
    expect(acpTime(new Date("2026-12-06T16:30:05Z"))).toBe("20261207003005")
    expect(parseAcpTime("20261207003005").toISOString()).toBe("2026-12-06T16:30:05.000Z")
    expect(() => parseAcpTime("2026-12-07")).toThrow()
  })
})
