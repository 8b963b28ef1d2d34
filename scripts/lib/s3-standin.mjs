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
  const S3rver = require("s3rver")
  const server = new S3rver({
    address: "127.0.0.1",
    port,
    directory,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name, configs: [OPEN_CORS] })),
  })
  server.middleware.unshift(awsChunkedDecoder())
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
