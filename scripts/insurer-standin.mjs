// A local stand-in for a liability insurer's API, speaking the signed JSON contract our
// adapter (commerce/src/modules/escort-case/insurers/signed-json-insurer.ts) is written to;
// a real insurer's gateway is adapted to the same contract (README "陪诊保险对接").
// Signature, both ways: HMAC-SHA256 (hex) with the shared secret over
//   `${appId}\n${timestamp}\n${nonce}\n${rawBody}`
// in headers X-Insurer-AppId, X-Insurer-Timestamp (Unix seconds, ±300 s), X-Insurer-Nonce
// (each used once), X-Insurer-Signature. Unsigned, wrongly signed, stale or replayed requests
// are refused 401 { code: "SIGN_ERROR" }.
// API (answers { code: "SUCCESS", data } or { code, message }):
//   POST /v1/policies {booking_id, service_name, service_date, city, price_fen}
//     → {policy_no, premium_fen, coverage_fen}; the same booking_id answers the same policy.
//   POST /v1/claims {case_id, policy_no, amount_fen, description}
//     → {claim_no, status: "filed"}; the same case_id answers the same claim; an unknown
//     policy is { code: "POLICY_NOT_FOUND" } (404); more than the cover { code: "OVER_COVERAGE" }.
// Callbacks: the stand-in POSTs {claim_no, status: "approved"|"rejected"|"paid", paid_fen, reason}
// signed the same way to INSURER_CALLBACK_URL when a claim is decided (test knob below).
// Test knobs: POST /__standin/claims/<claim_no>/decide {status, paid_fen?, reason?, callback_url?}
//   → {callback_status} (the HTTP status our hook answered); GET /__standin/calls.
// Run: node scripts/insurer-standin.mjs [port]   (default 9403; prints "listening <url>")
// Credentials: INSURER_APP_ID / INSURER_SECRET, else the development pair below.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto"
import http from "node:http"

export const STANDIN_APP_ID = "standin-insurer-app"
export const STANDIN_SECRET = "standin-insurer-secret-0000000000"

const appId = process.env.INSURER_APP_ID || STANDIN_APP_ID
const secret = process.env.INSURER_SECRET || STANDIN_SECRET
const COVERAGE_FEN = 5_000_000 // ¥50,000 per service
const WINDOW_SECONDS = 300

const sign = (timestamp, nonce, body) =>
  createHmac("sha256", secret)
    .update(`${appId}\n${timestamp}\n${nonce}\n${body}`, "utf8")
    .digest("hex")

const policies = new Map() // booking_id → policy
const policiesByNo = new Map()
const claims = new Map() // case_id → claim
const claimsByNo = new Map()
const seenNonces = new Set()
const calls = []
let sequence = 0

function verify(req, body) {
  const timestamp = String(req.headers["x-insurer-timestamp"] ?? "")
  const nonce = String(req.headers["x-insurer-nonce"] ?? "")
  const given = Buffer.from(String(req.headers["x-insurer-signature"] ?? ""))
  if (req.headers["x-insurer-appid"] !== appId) return "unknown app id"
  if (
    !/^\d{1,12}$/.test(timestamp) ||
    Math.abs(Date.now() / 1000 - Number(timestamp)) > WINDOW_SECONDS
  ) {
    return "timestamp outside the window"
  }
  if (!nonce || seenNonces.has(nonce)) return "nonce missing or replayed"
  const expected = Buffer.from(sign(timestamp, nonce, body))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "bad signature"
  seenNonces.add(nonce)
  return null
}

const next = (prefix) =>
  `${prefix}${new Date().toISOString().slice(0, 10).replace(/-/g, "")}${String(++sequence).padStart(6, "0")}`

function answer(res, status, payload) {
  res.writeHead(status, { "content-type": "application/json" })
  res.end(JSON.stringify(payload))
}

async function sendCallback(url, payload) {
  const body = JSON.stringify(payload)
  const timestamp = String(Math.floor(Date.now() / 1000))
  const nonce = randomUUID()
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-insurer-appid": appId,
      "x-insurer-timestamp": timestamp,
      "x-insurer-nonce": nonce,
      "x-insurer-signature": sign(timestamp, nonce, body),
    },
    body,
  }).catch(() => null)
  return response ? response.status : 0
}

const server = http.createServer((req, res) => {
  let body = ""
  req.on("data", (chunk) => (body += chunk))
  req.on("end", async () => {
    try {
      const url = new URL(req.url ?? "/", "http://standin")
      if (req.method === "GET" && url.pathname === "/__standin/calls") {
        return answer(res, 200, { calls })
      }
      const decide = /^\/__standin\/claims\/([^/]+)\/decide$/.exec(url.pathname)
      if (req.method === "POST" && decide) {
        const claim = claimsByNo.get(decodeURIComponent(decide[1]))
        if (!claim) return answer(res, 404, { code: "CLAIM_NOT_FOUND", message: "no such claim" })
        const input = JSON.parse(body || "{}")
        claim.status = input.status
        const payload = {
          claim_no: claim.claim_no,
          status: input.status,
          paid_fen: input.status === "paid" ? (input.paid_fen ?? claim.amount_fen) : null,
          reason: input.reason ?? null,
        }
        const target = input.callback_url || process.env.INSURER_CALLBACK_URL
        const callback_status = target ? await sendCallback(target, payload) : 0
        return answer(res, 200, { callback_status, payload })
      }
      if (req.method !== "POST" || !["/v1/policies", "/v1/claims"].includes(url.pathname)) {
        return answer(res, 404, { code: "NOT_FOUND", message: "no such API" })
      }
      const refused = verify(req, body)
      if (refused) return answer(res, 401, { code: "SIGN_ERROR", message: refused })
      const input = JSON.parse(body)
      if (url.pathname === "/v1/policies") {
        if (typeof input.booking_id !== "string" || !Number.isInteger(input.price_fen)) {
          return answer(res, 400, {
            code: "PARAM_ERROR",
            message: "booking_id and price_fen are required",
          })
        }
        let policy = policies.get(input.booking_id)
        if (!policy) {
          policy = {
            policy_no: next("PL"),
            // ¥2 per service plus 1% of the price, whole fen.
            premium_fen: 200 + Math.floor(input.price_fen / 100),
            coverage_fen: COVERAGE_FEN,
          }
          policies.set(input.booking_id, policy)
          policiesByNo.set(policy.policy_no, policy)
        }
        calls.push({
          action: "issue_policy",
          booking_id: input.booking_id,
          policy_no: policy.policy_no,
        })
        return answer(res, 200, { code: "SUCCESS", data: policy })
      }
      if (!policiesByNo.has(input.policy_no)) {
        return answer(res, 404, { code: "POLICY_NOT_FOUND", message: "no such policy" })
      }
      if (!Number.isInteger(input.amount_fen) || input.amount_fen <= 0) {
        return answer(res, 400, {
          code: "PARAM_ERROR",
          message: "amount_fen must be a positive integer",
        })
      }
      if (input.amount_fen > policiesByNo.get(input.policy_no).coverage_fen) {
        return answer(res, 400, { code: "OVER_COVERAGE", message: "amount over the cover" })
      }
      let claim = claims.get(input.case_id)
      if (!claim) {
        claim = { claim_no: next("CL"), status: "filed", amount_fen: input.amount_fen }
        claims.set(input.case_id, claim)
        claimsByNo.set(claim.claim_no, claim)
      }
      calls.push({ action: "file_claim", case_id: input.case_id, claim_no: claim.claim_no })
      return answer(res, 200, {
        code: "SUCCESS",
        data: { claim_no: claim.claim_no, status: "filed" },
      })
    } catch (error) {
      answer(res, 400, { code: "PARAM_ERROR", message: String(error?.message ?? error) })
    }
  })
})

const port = Number(process.argv[2] ?? 9403)
server.listen(port, "127.0.0.1", () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`)
})
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => server.close(() => process.exit(0)))
