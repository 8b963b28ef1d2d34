// A local stand-in for Tencent Cloud FaceID (人脸核身, faceid.tencentcloudapi.com), speaking
// its API 3.0 protocol: POST / with a JSON body, the action in X-TC-Action, version
// 2018-03-01, signed TC3-HMAC-SHA256 over content-type and host. Requests with an unknown
// SecretId, a wrong signature or a timestamp more than 5 minutes off are refused as Tencent
// refuses them (AuthFailure.SecretIdNotFound / SignatureFailure / SignatureExpire).
// Actions:
//   IdCardVerification {IdCard, Name} → {Result, Description}: "-2" for an ID number with a
//     wrong length, birth date or check digit, "-3" for a malformed name, "-1" when the ID
//     number was registered (below) under another name, "0" otherwise.
//   GetFaceIdResult {FaceIdToken} → {Result, Description, IdCard, Name, Similarity} for a token
//     registered below; an unknown token is refused as FailedOperation.TokenExpired.
// Test knobs: POST /__standin/people {"name", "id_number"} (the registry's record of a person),
// POST /__standin/face-tokens {"token", "name", "id_number", "result"?} (a finished face capture),
// GET /__standin/calls (each accepted call's action, masked ID number and result).
// Run: node scripts/identity-verification-standin.mjs [port]   (default 9402; prints "listening <url>")
// Credentials: TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY, else the development pair.
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto"
import http from "node:http"

export const STANDIN_SECRET_ID = "AKIDstandinidentity0000000000000000"
export const STANDIN_SECRET_KEY = "standin-identity-secret-key-000000"

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = "10X98765432"

function validIdNumber(value) {
  const id = String(value ?? "").toUpperCase()
  if (!/^\d{17}[\dX]$/.test(id)) return false
  const [y, m, d] = [id.slice(6, 10), id.slice(10, 12), id.slice(12, 14)].map(Number)
  const birth = new Date(Date.UTC(y, m - 1, d))
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) {
    return false
  }
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(id[i]), 0)
  return CHECK[sum % 11] === id[17]
}

const validName = (value) => /^[\u4e00-\u9fa5·]{2,30}$/.test(String(value ?? ""))
const sha256Hex = (text) => createHash("sha256").update(text, "utf8").digest("hex")
const hmac = (key, text) => createHmac("sha256", key).update(text, "utf8").digest()
const mask = (id) => `${id.slice(0, 4)}${"*".repeat(Math.max(id.length - 8, 0))}${id.slice(-4)}`

/** The TC3-HMAC-SHA256 signature Tencent Cloud computes for this request. */
function expectedSignature({ secretKey, date, service, timestamp, headers, signedHeaders, body }) {
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${String(headers[name] ?? "")
          .trim()
          .toLowerCase()}\n`
    )
    .join("")
  const canonicalRequest = [
    "POST",
    "/",
    "",
    canonicalHeaders,
    signedHeaders.join(";"),
    sha256Hex(body),
  ].join("\n")
  const stringToSign = [
    "TC3-HMAC-SHA256",
    timestamp,
    `${date}/${service}/tc3_request`,
    sha256Hex(canonicalRequest),
  ].join("\n")
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, date), service), "tc3_request")
  return createHmac("sha256", signing).update(stringToSign, "utf8").digest("hex")
}

export function startIdentityVerificationStandin({
  port = 9402,
  secretId = process.env.TENCENTCLOUD_SECRET_ID || STANDIN_SECRET_ID,
  secretKey = process.env.TENCENTCLOUD_SECRET_KEY || STANDIN_SECRET_KEY,
  now = () => Date.now(),
} = {}) {
  const people = new Map()
  const faceTokens = new Map()
  const calls = []

  const fail = (res, requestId, code, message) =>
    send(res, { Response: { Error: { Code: code, Message: message }, RequestId: requestId } })
  const send = (res, body) => {
    res.writeHead(200, { "content-type": "application/json; charset=utf-8" })
    res.end(JSON.stringify(body))
  }

  /** The caller's signature, checked as Tencent checks it; an error code or null. */
  function authFailure(req, body) {
    const authorization = String(req.headers.authorization ?? "")
    const match =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/.exec(
        authorization
      )
    if (!match) return ["AuthFailure.InvalidAuthorization", "Authorization 格式不正确"]
    const [, id, date, service, signed, signature] = match
    if (id !== secretId) return ["AuthFailure.SecretIdNotFound", "SecretId 不存在"]
    if (service !== "faceid") return ["AuthFailure.InvalidAuthorization", "服务名不正确"]
    const timestamp = Number(req.headers["x-tc-timestamp"])
    if (!Number.isInteger(timestamp) || Math.abs(now() / 1000 - timestamp) > 300) {
      return ["AuthFailure.SignatureExpire", "签名过期，请检查本机时间"]
    }
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) {
      return ["AuthFailure.SignatureFailure", "Credential 日期与时间戳不一致"]
    }
    const signedHeaders = signed.split(";")
    if (!signedHeaders.includes("content-type") || !signedHeaders.includes("host")) {
      return ["AuthFailure.SignatureFailure", "须签名 content-type 与 host"]
    }
    const expected = expectedSignature({
      secretKey,
      date,
      service,
      timestamp: String(timestamp),
      headers: req.headers,
      signedHeaders,
      body,
    })
    const same =
      expected.length === signature.length &&
      timingSafeEqual(Buffer.from(expected), Buffer.from(signature))
    return same ? null : ["AuthFailure.SignatureFailure", "签名不正确"]
  }

  function idCardVerification(params) {
    const id = String(params.IdCard ?? "").toUpperCase()
    if (!validIdNumber(id))
      return { Result: "-2", Description: "非法身份证号（长度、校验位等不正确）" }
    if (!validName(params.Name))
      return { Result: "-3", Description: "非法姓名（长度、格式等不正确）" }
    const registered = people.get(id)
    if (registered && registered !== params.Name) {
      return { Result: "-1", Description: "姓名和身份证号不一致" }
    }
    return { Result: "0", Description: "姓名和身份证号一致" }
  }

  function getFaceIdResult(params) {
    const capture = faceTokens.get(String(params.FaceIdToken ?? ""))
    if (!capture) return null
    return {
      Result: capture.result,
      Description: capture.result === "0" ? "成功" : "比对失败",
      IdCard: capture.id_number,
      Name: capture.name,
      Similarity: capture.result === "0" ? 92.5 : 31.2,
    }
  }

  const readBody = (req) =>
    new Promise((resolve, reject) => {
      const chunks = []
      req.on("data", (chunk) => chunks.push(chunk))
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
      req.on("error", reject)
    })

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://standin")
    const body = await readBody(req)
    const json = () => {
      try {
        return JSON.parse(body || "{}")
      } catch {
        return null
      }
    }
    if (url.pathname === "/__standin/people" && req.method === "POST") {
      const { name, id_number } = json() ?? {}
      people.set(String(id_number).toUpperCase(), String(name))
      return send(res, { ok: true })
    }
    if (url.pathname === "/__standin/face-tokens" && req.method === "POST") {
      const { token, name, id_number, result = "0" } = json() ?? {}
      faceTokens.set(String(token), {
        name: String(name),
        id_number: String(id_number).toUpperCase(),
        result: String(result),
      })
      return send(res, { ok: true })
    }
    if (url.pathname === "/__standin/calls" && req.method === "GET") return send(res, { calls })
    const requestId = randomUUID()
    if (url.pathname !== "/" || req.method !== "POST") {
      return fail(res, requestId, "UnsupportedOperation", "仅支持 POST /")
    }
    const refused = authFailure(req, body)
    if (refused) return fail(res, requestId, ...refused)
    if (req.headers["x-tc-version"] !== "2018-03-01") {
      return fail(res, requestId, "InvalidParameter", "X-TC-Version 须为 2018-03-01")
    }
    const params = json()
    if (!params) return fail(res, requestId, "InvalidParameter", "请求体不是合法的 JSON")
    const action = String(req.headers["x-tc-action"] ?? "")
    let result
    if (action === "IdCardVerification") result = idCardVerification(params)
    else if (action === "GetFaceIdResult") {
      result = getFaceIdResult(params)
      if (!result)
        return fail(res, requestId, "FailedOperation.TokenExpired", "FaceIdToken 不存在或已过期")
    } else return fail(res, requestId, "InvalidAction", `不支持的接口 ${action}`)
    calls.push({
      action,
      id_number: mask(String(params.IdCard ?? result.IdCard ?? "")),
      result: result.Result,
    })
    send(res, { Response: { ...result, RequestId: requestId } })
  })

  return new Promise((resolve) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address()
      const url = `http://127.0.0.1:${address.port}`
      resolve({
        url,
        port: address.port,
        secretId,
        secretKey,
        registerPerson: (name, idNumber) => people.set(idNumber.toUpperCase(), name),
        registerFaceToken: (token, capture) =>
          faceTokens.set(token, {
            result: "0",
            ...capture,
            id_number: capture.id_number.toUpperCase(),
          }),
        calls: () => [...calls],
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const standin = await startIdentityVerificationStandin({ port: Number(process.argv[2] || 9402) })
  console.log(`listening ${standin.url}`)
}
