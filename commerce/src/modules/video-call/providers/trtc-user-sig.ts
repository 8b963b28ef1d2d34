import { createHmac } from "crypto"
import { deflateSync, inflateSync } from "zlib"

/** TRTC's base64 for UserSig: standard base64 with + → *, / → -, = → _. */
const escape = (base64: string) => base64.replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_")
const unescape = (sig: string) => sig.replace(/_/g, "=").replace(/-/g, "/").replace(/\*/g, "+")

type SigDoc = {
  "TLS.ver": "2.0"
  "TLS.identifier": string
  "TLS.sdkappid": number
  "TLS.time": number
  "TLS.expire": number
  "TLS.sig": string
}

/** HMAC-SHA256 (base64) over the fields in TRTC's documented order, one `name:value\n` each. */
function signFields(
  secretKey: string,
  fields: { identifier: string; sdkAppId: number; time: number; expire: number }
) {
  const content =
    `TLS.identifier:${fields.identifier}\n` +
    `TLS.sdkappid:${fields.sdkAppId}\n` +
    `TLS.time:${fields.time}\n` +
    `TLS.expire:${fields.expire}\n`
  return createHmac("sha256", secretKey).update(content).digest("base64")
}

/**
 * A Tencent TRTC / IM UserSig, exactly as Tencent's TLSSigAPIv2 computes it: the JSON
 * document {TLS.ver, TLS.identifier, TLS.sdkappid, TLS.time, TLS.expire, TLS.sig},
 * zlib-deflated, base64 with TRTC's substitutions. Computed on our server only: the secret
 * key never goes to a client.
 */
export function genUserSig(input: {
  sdkAppId: number
  secretKey: string
  userId: string
  expireSeconds: number
  now?: Date
}): string {
  const time = Math.floor((input.now ?? new Date()).getTime() / 1000)
  const doc: SigDoc = {
    "TLS.ver": "2.0",
    "TLS.identifier": String(input.userId),
    "TLS.sdkappid": Number(input.sdkAppId),
    "TLS.time": time,
    "TLS.expire": Number(input.expireSeconds),
    "TLS.sig": signFields(input.secretKey, {
      identifier: input.userId,
      sdkAppId: input.sdkAppId,
      time,
      expire: input.expireSeconds,
    }),
  }
  return escape(deflateSync(Buffer.from(JSON.stringify(doc))).toString("base64"))
}

/** Reads a UserSig back and checks its HMAC (what TRTC's servers do), for tests and support. */
export function verifyUserSig(
  sig: string,
  secretKey: string,
  now: Date = new Date()
): { ok: true; doc: SigDoc } | { ok: false; reason: string } {
  let doc: SigDoc
  try {
    doc = JSON.parse(inflateSync(Buffer.from(unescape(sig), "base64")).toString("utf8"))
  } catch {
    return { ok: false, reason: "UserSig 无法解码" }
  }
  const expected = signFields(secretKey, {
    identifier: doc["TLS.identifier"],
    sdkAppId: doc["TLS.sdkappid"],
    time: doc["TLS.time"],
    expire: doc["TLS.expire"],
  })
  if (expected !== doc["TLS.sig"]) return { ok: false, reason: "UserSig 签名不符" }
  if (doc["TLS.time"] + doc["TLS.expire"] <= Math.floor(now.getTime() / 1000)) {
    return { ok: false, reason: "UserSig 已过期" }
  }
  return { ok: true, doc }
}
