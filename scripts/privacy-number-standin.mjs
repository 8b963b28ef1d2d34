// A local stand-in for Aliyun 号码隐私保护 (Dyplsapi, dyplsapi.aliyuncs.com, API 2017-05-25),
// speaking its RPC protocol: POST / with form-encoded parameters signed HMAC-SHA1 (signature
// version 1.0, StringToSign = POST&%2F&<canonical query>). An unknown AccessKeyId, a wrong
// signature, a reused SignatureNonce or a Timestamp more than 15 minutes off are refused as
// Aliyun refuses them (InvalidAccessKeyId.NotFound / SignatureDoesNotMatch /
// SignatureNonceUsed / InvalidTimeStamp.Expired).
// Actions:
//   BindAxb {PoolKey, PhoneNoA, PhoneNoB, Expiration "yyyy-MM-dd HH:mm:ss", OutId?} →
//     {Code: "OK", SecretBindDTO: {SubsId, SecretNo, Extension}}: a middle number from the pool
//     (isv.INVALID_PARAMETERS for a bad phone or an expiration in the past).
//   UnbindSubscription {PoolKey, SubsId, SecretNo} → {Code: "OK"} (isv.NO_NOT_EXIST if unknown).
// Call records: POST /__standin/calls {subs_id, duration_seconds?, callback_url} makes one call
// through a live binding and POSTs its record (a JSON array, as Aliyun's HTTP push does) to
// callback_url, signed: header x-pls-signature = hex HMAC-SHA256(ALIYUN_PLS_CALLBACK_SECRET, body).
// GET /__standin/bindings lists live bindings (numbers masked).
// Run: node scripts/privacy-number-standin.mjs [port]   (default 9404; prints "listening <url>")
// Credentials: ALIYUN_PLS_ACCESS_KEY_ID / _SECRET / ALIYUN_PLS_CALLBACK_SECRET, else the dev set.
import { createHmac, randomUUID } from "node:crypto"
import http from "node:http"

export const STANDIN_ACCESS_KEY_ID = "LTAIstandinpls000000"
export const STANDIN_ACCESS_KEY_SECRET = "standin-pls-secret-000000000000"
export const STANDIN_CALLBACK_SECRET = "standin-pls-callback-secret-0000"

const keyId = process.env.ALIYUN_PLS_ACCESS_KEY_ID || STANDIN_ACCESS_KEY_ID
const keySecret = process.env.ALIYUN_PLS_ACCESS_KEY_SECRET || STANDIN_ACCESS_KEY_SECRET
const callbackSecret = process.env.ALIYUN_PLS_CALLBACK_SECRET || STANDIN_CALLBACK_SECRET

const percentEncode = (value) =>
  encodeURIComponent(value)
    .replace(/\+/g, "%20")
    .replace(/\*/g, "%2A")
    .replace(/%7E/g, "~")
    .replace(/[!'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

function expectedSignature(params) {
  const query = Object.keys(params)
    .filter((k) => k !== "Signature")
    .sort()
    .map((k) => `${percentEncode(k)}=${percentEncode(params[k])}`)
    .join("&")
  const toSign = `POST&${percentEncode("/")}&${percentEncode(query)}`
  return createHmac("sha1", `${keySecret}&`).update(toSign).digest("base64")
}

const bindings = new Map()
const nonces = new Set()
let nextNumber = 1
const mask = (phone) => `${phone.slice(0, 3)}****${phone.slice(-4)}`
const mobile = (value) => /^1\d{10}$/.test(String(value ?? ""))

function answer(res, status, body) {
  res.writeHead(status, { "content-type": "application/json" })
  res.end(JSON.stringify({ RequestId: randomUUID(), ...body }))
}

function handleAction(params, res) {
  if (params.AccessKeyId !== keyId) {
    return answer(res, 404, {
      Code: "InvalidAccessKeyId.NotFound",
      Message: "Specified access key is not found.",
    })
  }
  if (params.Signature !== expectedSignature(params)) {
    return answer(res, 400, {
      Code: "SignatureDoesNotMatch",
      Message: "Specified signature is not matched with our calculation.",
    })
  }
  const at = Date.parse(params.Timestamp ?? "")
  if (!Number.isFinite(at) || Math.abs(Date.now() - at) > 15 * 60_000) {
    return answer(res, 400, {
      Code: "InvalidTimeStamp.Expired",
      Message: "Specified time stamp or date value is expired.",
    })
  }
  if (nonces.has(params.SignatureNonce)) {
    return answer(res, 400, {
      Code: "SignatureNonceUsed",
      Message: "Specified signature nonce was used already.",
    })
  }
  nonces.add(params.SignatureNonce)
  if (params.Version !== "2017-05-25") {
    return answer(res, 400, {
      Code: "InvalidVersion",
      Message: "Specified parameter Version is not valid.",
    })
  }
  if (params.Action === "BindAxb") {
    const expires = Date.parse(`${String(params.Expiration ?? "").replace(" ", "T")}+08:00`)
    if (
      !params.PoolKey ||
      !mobile(params.PhoneNoA) ||
      !mobile(params.PhoneNoB) ||
      params.PhoneNoA === params.PhoneNoB ||
      !(expires > Date.now())
    ) {
      return answer(res, 200, { Code: "isv.INVALID_PARAMETERS", Message: "参数错误" })
    }
    const binding = {
      SubsId: String(1000000000 + bindings.size + nonces.size),
      SecretNo: `1700000${String(nextNumber++).padStart(4, "0")}`,
      phone_a: params.PhoneNoA,
      phone_b: params.PhoneNoB,
      out_id: params.OutId ?? null,
      expires,
    }
    bindings.set(binding.SubsId, binding)
    return answer(res, 200, {
      Code: "OK",
      Message: "OK",
      SecretBindDTO: { SubsId: binding.SubsId, SecretNo: binding.SecretNo, Extension: "" },
    })
  }
  if (params.Action === "UnbindSubscription") {
    const binding = bindings.get(params.SubsId)
    if (!binding || binding.SecretNo !== params.SecretNo) {
      return answer(res, 200, { Code: "isv.NO_NOT_EXIST", Message: "号码不存在" })
    }
    bindings.delete(params.SubsId)
    return answer(res, 200, { Code: "OK", Message: "OK" })
  }
  return answer(res, 400, {
    Code: "InvalidAction.NotFound",
    Message: "Specified api is not found.",
  })
}

async function makeCall(input, res) {
  const binding = bindings.get(String(input.subs_id ?? ""))
  if (!binding) return answer(res, 404, { Code: "isv.NO_NOT_EXIST" })
  const duration = Number(input.duration_seconds ?? 120)
  const start = new Date(Date.now() - duration * 1000)
  const fmt = (d) =>
    new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " ")
  const record = {
    call_id: randomUUID().replace(/-/g, ""),
    sub_id: binding.SubsId,
    secret_no: binding.SecretNo,
    phone_no: binding.phone_a,
    peer_no: binding.phone_b,
    out_id: binding.out_id,
    call_type: 0,
    call_time: fmt(start),
    start_time: fmt(start),
    release_time: fmt(new Date()),
    release_dir: 1,
    release_cause: 16,
    pool_key: "standin",
  }
  const body = JSON.stringify([record])
  const signature = createHmac("sha256", callbackSecret).update(body).digest("hex")
  const delivered = await fetch(String(input.callback_url), {
    method: "POST",
    headers: { "content-type": "application/json", "x-pls-signature": signature },
    body,
  }).then(
    (r) => r.status,
    () => 0
  )
  return answer(res, 200, { Code: "OK", record, delivered })
}

const server = http.createServer((req, res) => {
  let raw = ""
  req.on("data", (chunk) => (raw += chunk))
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://standin")
    if (req.method === "GET" && url.pathname === "/__standin/bindings") {
      return answer(res, 200, {
        bindings: [...bindings.values()].map((b) => ({
          subs_id: b.SubsId,
          secret_no: b.SecretNo,
          phone_a: mask(b.phone_a),
          phone_b: mask(b.phone_b),
          out_id: b.out_id,
        })),
      })
    }
    if (req.method === "POST" && url.pathname === "/__standin/calls") {
      let input = {}
      try {
        input = JSON.parse(raw || "{}")
      } catch {
        return answer(res, 400, { Code: "BadJson" })
      }
      return void makeCall(input, res)
    }
    if (req.method === "POST" && url.pathname === "/") {
      return handleAction(Object.fromEntries(new URLSearchParams(raw)), res)
    }
    answer(res, 404, { Code: "NotFound" })
  })
})

const port = Number(process.argv[2] ?? 9404)
server.listen(port, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`)
})
