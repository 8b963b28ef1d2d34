/**
 * A push service stand-in (what fcm.googleapis.com or Mozilla's autopush are to a browser),
 * speaking the real protocol: it takes `POST /push/<id>` over HTTPS, checks the VAPID
 * authorization (RFC 8292: an ES256 JWT for this origin, signed by the key named in `k`),
 * and decrypts the aes128gcm body (RFC 8188) with the subscription's private key and auth
 * secret as RFC 8291 says, using only node's crypto. It also plays the browser: it creates
 * the subscriptions (P-256 key pair, 16-byte auth secret) that the app is handed.
 */
import { execFileSync } from "node:child_process"
import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  randomBytes,
  randomUUID,
  verify,
  type ECDH,
} from "node:crypto"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createServer, type Server } from "node:https"
import { tmpdir } from "node:os"
import path from "node:path"

export type BrowserSubscription = {
  id: string
  /** PushSubscription.toJSON(), as a browser hands it to the page. */
  json: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } }
}

export type ReceivedPush = {
  subscription_id: string
  /** The decrypted payload, parsed as JSON. */
  payload: any
  ttl: number
  urgency: string | null
  vapid: { aud: string; sub: string; exp: number; public_key: string }
}

export type WebPushStandin = {
  /** https://127.0.0.1:<port> */
  origin: string
  /** The self-signed certificate's path, for WEB_PUSH_EXTRA_CA_FILE. */
  caFile: string
  /** A new browser subscription at this push service. */
  subscribe(): BrowserSubscription
  /** Messages taken and decrypted, oldest first. */
  received: ReceivedPush[]
  /** Requests refused (bad VAPID, undecryptable body), with the reason. */
  refused: { subscription_id: string; reason: string }[]
  /** The browser dropped this subscription: the service answers 410 Gone from now on. */
  expire(id: string): void
  stop(): Promise<void>
}

const hmac = (key: Buffer, data: Buffer) => createHmac("sha256", key).update(data).digest()
const b64u = (value: Buffer) => value.toString("base64url")

/** RFC 8291 section 3.4 and RFC 8188 section 2: one record, padding delimiter 0x02. */
export function decryptAes128gcm(body: Buffer, browserKeys: ECDH, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16)
  const recordSize = body.readUInt32BE(16)
  const idLength = body[20]
  const serverPublic = body.subarray(21, 21 + idLength)
  const record = body.subarray(21 + idLength)
  if (idLength !== 65 || serverPublic[0] !== 0x04) throw new Error("keyid is not a P-256 key")
  if (record.length > recordSize) throw new Error("more than one record")
  const browserPublic = browserKeys.getPublicKey()
  const ecdhSecret = browserKeys.computeSecret(serverPublic)
  // HKDF-Extract(auth_secret, ecdh_secret), then Expand with "WebPush: info" || ua || as.
  const prkKey = hmac(authSecret, ecdhSecret)
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), browserPublic, serverPublic])
  const ikm = hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])]))
  const prk = hmac(salt, ikm)
  const cek = hmac(prk, Buffer.from("Content-Encoding: aes128gcm\0\x01")).subarray(0, 16)
  const nonce = hmac(prk, Buffer.from("Content-Encoding: nonce\0\x01")).subarray(0, 12)
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce)
  decipher.setAuthTag(record.subarray(record.length - 16))
  const plain = Buffer.concat([
    decipher.update(record.subarray(0, record.length - 16)),
    decipher.final(),
  ])
  let end = plain.length - 1
  while (end >= 0 && plain[end] === 0) end--
  if (plain[end] !== 0x02) throw new Error("last record lacks the 0x02 padding delimiter")
  return plain.subarray(0, end)
}

/** RFC 8292: `vapid t=<ES256 JWT>, k=<P-256 public key>`, for this push service's origin. */
export function checkVapid(authorization: string | undefined, origin: string) {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "")
  if (!match) throw new Error(`not a vapid authorization: ${authorization}`)
  const [, token, k] = match
  const [header, claims, signature] = token.split(".")
  const publicKey = Buffer.from(k, "base64url")
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: b64u(publicKey.subarray(1, 33)),
      y: b64u(publicKey.subarray(33, 65)),
    },
    format: "jwk",
  })
  const signed = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url")
  )
  if (!signed) throw new Error("the JWT signature does not match k")
  if (JSON.parse(Buffer.from(header, "base64url").toString()).alg !== "ES256") {
    throw new Error("alg is not ES256")
  }
  const body = JSON.parse(Buffer.from(claims, "base64url").toString())
  const now = Math.floor(Date.now() / 1000)
  if (body.aud !== origin) throw new Error(`aud ${body.aud} is not ${origin}`)
  if (!(body.exp > now && body.exp <= now + 24 * 60 * 60)) throw new Error("exp out of range")
  if (!/^(mailto:|https:)/.test(body.sub ?? "")) throw new Error("sub is not mailto: or https:")
  return { aud: body.aud, sub: body.sub, exp: body.exp, public_key: k }
}

/** A self-signed certificate for 127.0.0.1 (openssl), in a temporary folder. */
function selfSignedCertificate() {
  const dir = mkdtempSync(path.join(tmpdir(), "web-push-standin-"))
  const keyFile = path.join(dir, "key.pem")
  const certFile = path.join(dir, "cert.pem")
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: "ignore" }
  )
  return { dir, key: readFileSync(keyFile), cert: readFileSync(certFile), certFile }
}

/** Starts the stand-in on `port` (0: any free port). */
export async function startWebPushStandin(port = 0): Promise<WebPushStandin> {
  const tls = selfSignedCertificate()
  const browsers = new Map<string, { keys: ECDH; auth: Buffer; gone: boolean }>()
  const received: ReceivedPush[] = []
  const refused: WebPushStandin["refused"] = []
  let origin = ""

  const server: Server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (chunk: Buffer) => chunks.push(chunk))
    req.on("end", () => {
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? "")?.[1] ?? ""
      const browser = browsers.get(id)
      if (req.method !== "POST" || !browser) return void res.writeHead(404).end()
      if (browser.gone) return void res.writeHead(410).end("push subscription has unsubscribed")
      try {
        const vapid = checkVapid(req.headers.authorization, origin)
        if (req.headers["content-encoding"] !== "aes128gcm") throw new Error("not aes128gcm")
        const ttl = Number(req.headers.ttl)
        if (!Number.isInteger(ttl) || ttl < 0) throw new Error("TTL header missing")
        const plain = decryptAes128gcm(Buffer.concat(chunks), browser.keys, browser.auth)
        received.push({
          subscription_id: id,
          payload: JSON.parse(plain.toString("utf8")),
          ttl,
          urgency: (req.headers.urgency as string | undefined) ?? null,
          vapid,
        })
        res.writeHead(201, { location: `${origin}/message/${randomUUID()}` }).end()
      } catch (error) {
        refused.push({ subscription_id: id, reason: (error as Error).message })
        res.writeHead(400).end((error as Error).message)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve))
  const address = server.address()
  origin = `https://127.0.0.1:${typeof address === "object" && address ? address.port : port}`

  return {
    origin,
    caFile: tls.certFile,
    received,
    refused,
    subscribe() {
      const keys = createECDH("prime256v1")
      keys.generateKeys()
      const auth = randomBytes(16)
      const id = randomUUID()
      browsers.set(id, { keys, auth, gone: false })
      return {
        id,
        json: {
          endpoint: `${origin}/push/${id}`,
          expirationTime: null,
          keys: { p256dh: b64u(keys.getPublicKey()), auth: b64u(auth) },
        },
      }
    },
    expire(id) {
      const browser = browsers.get(id)
      if (browser) browser.gone = true
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(tls.dir, { recursive: true, force: true })
          resolve()
        })
      }),
  }
}
