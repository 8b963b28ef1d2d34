const { spawn } = require("child_process")
const { existsSync, mkdtempSync, readFileSync } = require("fs")
const { tmpdir } = require("os")
const path = require("path")
const sharp = require("sharp")
const request = require("supertest")
const { startCms } = require("./strapi-harness")

const BUCKET = "health-media"
const S3_ENV = [
  "S3_BUCKET",
  "S3_ENDPOINT",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
]

/** scripts/lib/s3-standin.mjs (s3rver) as a child process: jest here loads CommonJS only. */
function startS3Standin(directory) {
  const script = path.join(__dirname, "..", "..", "scripts", "lib", "s3-standin.mjs")
  const child = spawn(process.execPath, [script, "0", directory, BUCKET], {
    stdio: ["ignore", "pipe", "inherit"],
  })
  const exited = new Promise((resolve) => child.once("exit", resolve))
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      const match = /listening (\S+)/.exec(chunk.toString())
      if (match) {
        resolve({
          endpoint: match[1],
          async stop() {
            if (child.exitCode === null) child.kill("SIGTERM")
            await exited
          },
        })
      }
    })
    child.once("exit", (code) => reject(new Error(`S3 stand-in exited with ${code}`)))
  })
}

describe("the CMS with media in object storage", () => {
  const directory = mkdtempSync(path.join(tmpdir(), "cms-s3-"))
  /** Where s3rver keeps an object's bytes. */
  const storedAt = (key) => path.join(directory, BUCKET, `${key}._S3rver_object`)
  let s3
  let cms
  let http
  let auth

  beforeAll(async () => {
    s3 = await startS3Standin(directory)
    Object.assign(process.env, {
      S3_BUCKET: BUCKET,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
    })
    // Fresh: the seed must upload the demo covers into the bucket, not find them in place.
    cms = await startCms({ fresh: true })
    http = request(cms.strapi.server.httpServer)
    const token = await cms.strapi
      .service("admin::api-token")
      .create({ name: "media-test", type: "full-access", lifespan: null })
    auth = { Authorization: `Bearer ${token.accessKey}` }
  })

  afterAll(async () => {
    await cms?.stop()
    await s3?.stop()
    for (const name of S3_ENV) delete process.env[name]
  })

  it("stores an upload through the upload API in the bucket under cms/, public over HTTP", async () => {
    const png = await sharp({
      create: { width: 8, height: 8, channels: 3, background: "#3a7d5c" },
    })
      .png()
      .toBuffer()
    const res = await http.post("/api/upload").set(auth).attach("files", png, "封面.png")
    expect(res.status).toBe(201)
    const [file] = res.body
    expect(file.provider).toBe("aws-s3")
    expect(file.url.startsWith(`${s3.endpoint}/${BUCKET}/cms/`)).toBe(true)
    const key = file.url.slice(`${s3.endpoint}/${BUCKET}/`.length)
    expect(existsSync(storedAt(key))).toBe(true)

    const served = await fetch(file.url)
    expect(served.status).toBe(200)
    const bytes = Buffer.from(await served.arrayBuffer())
    // Strapi re-encodes pictures on upload, so the object is a PNG of the same picture.
    expect(bytes.equals(readFileSync(storedAt(key)))).toBe(true)
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "png", width: 8, height: 8 })

    // Deleting the media item deletes the object.
    await http.delete(`/api/upload/files/${file.id}`).set(auth).expect(200)
    expect(existsSync(storedAt(key))).toBe(false)
  })

  it("seeds article covers into the bucket rather than public/uploads", async () => {
    const res = await http.get("/api/articles?populate=cover&filters[slug][$eq]=qixu-tiaoyang")
    expect(res.status).toBe(200)
    const cover = res.body.data[0].cover.url
    expect(cover.startsWith(`${s3.endpoint}/${BUCKET}/cms/`)).toBe(true)
    expect((await fetch(cover)).status).toBe(200)
  })

  it("lets the admin show media from the bucket's origin (CSP img-src and media-src)", async () => {
    const res = await http.get("/api/articles")
    const policy = res.headers["content-security-policy"]
    const directive = (name) => policy.split(";").find((d) => d.trim().startsWith(`${name} `))
    expect(directive("img-src")).toContain(s3.endpoint)
    expect(directive("media-src")).toContain(s3.endpoint)
  })
})
