import crypto, { createHmac, createHash } from "node:crypto"
import { createRequire } from "node:module"
import { mkdirSync } from "node:fs"
import path from "node:path"
import { Readable } from "node:stream"
import { fileURLToPath } from "node:url"
import { at } from "./paths.mjs"

const require = createRequire(at("package.json"))

/** s3rver's only account; any other access key id is refused with InvalidAccessKeyId. */
const ACCESS_KEY_ID = "S3RVER"
const SECRET_ACCESS_KEY = "S3RVER"

/**
 * Browsers read public files (product images, CMS media) from another origin and the admin
 * may upload with presigned PUTs, so every stand-in bucket answers CORS like a dev bucket would.
 */
const OPEN_CORS = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>*</AllowedOrigin>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`

/**
 * Strips the aws-chunked framing ("<hex size>[;chunk-signature=...]\r\n<bytes>\r\n", ending
 * with a zero-size chunk and optional trailers) and returns the payload.
 */
function decodeAwsChunked(body) {
  const parts = []
  let offset = 0
  for (;;) {
    const lineEnd = body.indexOf("\r\n", offset)
    if (lineEnd < 0) throw new Error("aws-chunked body ends inside a chunk header")
    const size = Number.parseInt(
      body.subarray(offset, lineEnd).toString("latin1").split(";")[0],
      16
    )
    if (!Number.isInteger(size) || size < 0) throw new Error("aws-chunked chunk size is not hex")
    if (size === 0) break
    const start = lineEnd + 2
    if (start + size > body.length) throw new Error("aws-chunked chunk is shorter than its size")
    parts.push(body.subarray(start, start + size))
    offset = start + size + 2
  }
  return Buffer.concat(parts)
}

async function readAll(stream) {
  const chunks = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/**
 * AWS SDK v3 (since 3.729) streams uploads with `Content-Encoding: aws-chunked` and a CRC32
 * trailer; s3rver 3.7 predates that and would store the framing as object bytes. This Koa
 * middleware runs first and hands s3rver the plain payload, as real S3 does.
 */
function awsChunkedDecoder() {
  return async function decodeAwsChunkedBody(ctx, next) {
    const headers = ctx.req.headers
    const encodings = (headers["content-encoding"] ?? "")
      .split(",")
      .map((value) => value.trim())
      .filter(Boolean)
    const streaming = (headers["x-amz-content-sha256"] ?? "").startsWith("STREAMING-")
    if (!encodings.includes("aws-chunked") && !streaming) return next()

    const payload = decodeAwsChunked(await readAll(ctx.req))
    const declared = headers["x-amz-decoded-content-length"]
    if (declared !== undefined && Number(declared) !== payload.length) {
      ctx.status = 400
      ctx.type = "application/xml"
      ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>IncompleteBody</Code><Message>x-amz-decoded-content-length is ${declared}, body has ${payload.length} bytes</Message></Error>`
      return
    }
    const remaining = encodings.filter((value) => value !== "aws-chunked")
    if (remaining.length) headers["content-encoding"] = remaining.join(",")
    else delete headers["content-encoding"]
    delete headers["x-amz-decoded-content-length"]
    delete headers["x-amz-trailer"]
    delete headers["transfer-encoding"]
    headers["content-length"] = String(payload.length)
    headers["x-amz-content-sha256"] = "UNSIGNED-PAYLOAD"
    ctx.req = Readable.from([payload])
    return next()
  }
}

const s3Error = (ctx, status, code, message) => {
  ctx.status = status
  ctx.type = "application/xml"
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`
}

/** RFC 3986 encoding, as SigV4 wants it for query names and values. */
const encodeRfc3986 = (text) =>
  encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )

const hmac = (key, text) => createHmac("sha256", key).update(text, "utf8").digest()

/**
 * Signature Version 4 of one request, from its method, raw path and query and the headers it
 * signed (https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-authenticating-requests.html).
 */
function signatureV4({
  method,
  rawPath,
  rawQuery,
  headers,
  signedHeaders,
  payloadHash,
  amzDate,
  scope,
  secret,
}) {
  const query = rawQuery
    .split("&")
    .filter(Boolean)
    .map((pair) => {
      const at = pair.indexOf("=")
      const [name, value] = at < 0 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)]
      return [encodeRfc3986(decodeURIComponent(name)), encodeRfc3986(decodeURIComponent(value))]
    })
    .filter(([name]) => name !== "X-Amz-Signature")
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&")
  const canonicalHeaders = signedHeaders
    .map(
      (name) =>
        `${name}:${String(headers[name] ?? "")
          .trim()
          .replace(/\s+/g, " ")}\n`
    )
    .join("")
  const canonicalRequest = [
    method,
    rawPath,
    query,
    canonicalHeaders,
    signedHeaders.join(";"),
    payloadHash,
  ].join("\n")
  const stringToSign = [
    "AWS4-HMAC-SHA256",
    amzDate,
    scope.join("/"),
    createHash("sha256").update(canonicalRequest, "utf8").digest("hex"),
  ].join("\n")
  const [date, region, service, terminator] = scope
  const signingKey = [region, service, terminator].reduce(hmac, hmac(`AWS4${secret}`, date))
  return createHmac("sha256", signingKey).update(stringToSign, "utf8").digest("hex")
}

/**
 * s3rver 3.7 accepts any SigV4 signature of a known access key. Real S3 checks it, and so does
 * this middleware (header and presigned-URL signatures), so a wrong secret fails here as it
 * would in production. Unsigned requests pass on as anonymous reads, as on a public bucket.
 */
function sigV4Verifier(secrets) {
  return async function verifySignatureV4(ctx, next) {
    const headers = ctx.req.headers
    const [rawPath, rawQuery = ""] = ctx.req.url.split(/\?(.*)/s)
    const params = new URLSearchParams(rawQuery)
    const header = headers.authorization ?? ""
    let credential, signedHeaders, signature, amzDate, payloadHash
    if (header.startsWith("AWS4-HMAC-SHA256 ")) {
      const parts = Object.fromEntries(
        header
          .slice("AWS4-HMAC-SHA256 ".length)
          .split(",")
          .map((part) => part.trim().split("="))
      )
      credential = parts.Credential
      signedHeaders = parts.SignedHeaders
      signature = parts.Signature
      amzDate = headers["x-amz-date"]
      payloadHash = headers["x-amz-content-sha256"]
    } else if (params.get("X-Amz-Algorithm") === "AWS4-HMAC-SHA256") {
      credential = params.get("X-Amz-Credential")
      signedHeaders = params.get("X-Amz-SignedHeaders")
      signature = params.get("X-Amz-Signature")
      amzDate = params.get("X-Amz-Date")
      payloadHash = "UNSIGNED-PAYLOAD"
    } else {
      return next()
    }
    const [accessKeyId, ...scope] = (credential ?? "").split("/")
    const secret = secrets.get(accessKeyId)
    // Unknown keys: s3rver answers InvalidAccessKeyId itself.
    if (secret === undefined) return next()
    if (!signedHeaders || !signature || !amzDate || !payloadHash || scope.length !== 4) {
      return s3Error(ctx, 400, "AuthorizationHeaderMalformed", "The authorization is incomplete")
    }
    const expected = signatureV4({
      method: ctx.req.method,
      rawPath,
      rawQuery,
      headers,
      signedHeaders: signedHeaders.split(";"),
      payloadHash,
      amzDate,
      scope,
      secret,
    })
    if (expected !== signature) {
      return s3Error(
        ctx,
        403,
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match the signature you provided. Check your key and signing method."
      )
    }
    return next()
  }
}

/**
 * s3rver seals ListObjectsV2 continuation tokens with DES, which OpenSSL 3 (Node 17+) no longer
 * offers: every truncated listing (more than max-keys objects) failed with InternalError. The
 * token only needs to round-trip, so "des" becomes a pass-through; other ciphers are untouched.
 */
function letS3rverContinueListings() {
  if (crypto.createCipheriv.s3rverTokens) return
  const passThrough = (data, encoding) =>
    Buffer.isBuffer(data) ? data : Buffer.from(data, encoding)
  const plain = () => ({ update: passThrough, final: () => Buffer.alloc(0) })
  const { createCipheriv, createDecipheriv } = crypto
  crypto.createCipheriv = Object.assign(
    (algorithm, ...rest) => (algorithm === "des" ? plain() : createCipheriv(algorithm, ...rest)),
    { s3rverTokens: true }
  )
  crypto.createDecipheriv = (algorithm, ...rest) =>
    algorithm === "des" ? plain() : createDecipheriv(algorithm, ...rest)
}

/**
 * Starts a local S3-compatible server (s3rver) for development and tests.
 *
 * @param {object} options
 * @param {number} [options.port] TCP port on 127.0.0.1; 0 picks a free one.
 * @param {string} options.directory where objects are kept (s3rver's filesystem layout).
 * @param {string[]} [options.buckets] buckets created before the server answers.
 * @returns {Promise<{ endpoint: string, accessKeyId: string, secretAccessKey: string, stop(): Promise<void> }>}
 */
export async function startS3Standin({ port = 0, directory, buckets = [] }) {
  if (!directory) throw new Error("startS3Standin needs a directory for the objects")
  mkdirSync(directory, { recursive: true })
  letS3rverContinueListings()
  const S3rver = require("s3rver")
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    directory,
    silent: !process.env.S3_STANDIN_LOG,
    configureBuckets: buckets.map((name) => ({ name, configs: [OPEN_CORS] })),
  })
  // Checked in this order: the signature covers the headers as the client sent them.
  server.middleware.unshift(
    sigV4Verifier(new Map([[ACCESS_KEY_ID, SECRET_ACCESS_KEY]])),
    awsChunkedDecoder()
  )
  const address = await server.run()
  const endpoint = `http://127.0.0.1:${address.port}`
  return {
    endpoint,
    accessKeyId: ACCESS_KEY_ID,
    secretAccessKey: SECRET_ACCESS_KEY,
    async stop() {
      server.httpServer.closeIdleConnections?.()
      const closed = server.close()
      const forceAfter = setTimeout(() => server.httpServer.closeAllConnections?.(), 2000)
      await closed.finally(() => clearTimeout(forceAfter))
    },
  }
}

// Run: node scripts/lib/s3-standin.mjs <port> <directory> [bucket...]   (prints "listening <endpoint>";
// tests that cannot import ES modules start it as a child process and stop it with SIGTERM)
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [port = "4569", directory, ...buckets] = process.argv.slice(2)
  const standin = await startS3Standin({ port: Number(port), directory, buckets })
  console.log(`listening ${standin.endpoint}`)
  const stop = () => standin.stop().then(() => process.exit(0))
  process.once("SIGTERM", stop)
  process.once("SIGINT", stop)
}
