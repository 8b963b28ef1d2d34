import { medusaIntegrationTestRunner } from "../helpers/http-test-runner"
import { Modules } from "@medusajs/framework/utils"
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from "@aws-sdk/client-s3"
import { existsSync, mkdtempSync, readdirSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import JSZip from "jszip"
import seed from "../../src/scripts/seed"
import { HEALTH_ARCHIVE_MODULE } from "../../src/modules/health-archive"
import type HealthArchiveModuleService from "../../src/modules/health-archive/service"
import { adminHeaders, registerCustomer } from "../helpers/actors"
import { cartReadyForPayment, YUEYANG_ADDRESS } from "../helpers/checkout"
import { eventually } from "../helpers/eventually"
import { confirmOfflinePayment } from "../helpers/offline-payment"
import { makeReportPdf } from "../helpers/report-pdf"
import { startS3Standin, type S3Standin } from "../helpers/s3-standin"

jest.setTimeout(300_000)

type Headers = { headers: Record<string, string> }

const BUCKET = "health-files"
const workDir = mkdtempSync(path.join(tmpdir(), "object-storage-"))
// With object storage on, nothing may land in the local private folder.
const localPrivateDir = path.join(workDir, "private-uploads")
const S3_ENV = [
  "S3_BUCKET",
  "S3_ENDPOINT",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
  "PRIVATE_UPLOAD_DIR",
]
let s3: S3Standin
let bucket: S3Client

// Runs before the runner's own beforeAll, which boots the app and reads S3_* then.
beforeAll(async () => {
  s3 = await startS3Standin(path.join(workDir, "s3"), [BUCKET])
  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: s3.endpoint,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
    PRIVATE_UPLOAD_DIR: localPrivateDir,
  })
  bucket = new S3Client({
    endpoint: s3.endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  })
})

afterAll(async () => {
  bucket?.destroy()
  await s3?.stop()
  for (const name of S3_ENV) delete process.env[name]
})

/** An object's bytes, read from the bucket with the S3 API rather than through commerce. */
async function objectBytes(key: string) {
  const object = await bucket.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

async function objectExists(key: string) {
  try {
    await bucket.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))
    return true
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) {
      return false
    }
    throw error
  }
}

async function keysUnder(prefix: string) {
  const listed = await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }))
  return (listed.Contents ?? []).map((object) => object.Key!)
}

function multipart(files: { name: string; bytes: Buffer; type: string }[]) {
  const form = new FormData()
  for (const file of files) {
    form.append("files", new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name)
  }
  return form
}

const CONSENTS = [
  { kind: "testing", version: "2026-11" },
  { kind: "storage", version: "2026-11" },
]

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let publishableKey: string
    let lab: Headers
    let ops: Headers
    let baseUrl: string

    beforeAll(async () => {
      const container = getContainer()
      await seed({ container, args: [] } as never)
      const [key] = await container.resolve(Modules.API_KEY).listApiKeys({ type: "publishable" })
      publishableKey = key.token
      lab = await adminHeaders(container, api as never, "lab@health.local", ["lab"])
      ops = await adminHeaders(container, api as never)
      baseUrl = (api as unknown as { defaults: { baseURL: string } }).defaults.baseURL
    })

    const fetchBytes = async (route: string, who: Headers) => {
      const response = await fetch(`${baseUrl}${route}`, { headers: who.headers })
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        bytes: Buffer.from(await response.arrayBuffer()),
      }
    }

    const postForm = async (route: string, form: FormData, who: Headers) => {
      const response = await fetch(`${baseUrl}${route}`, {
        method: "POST",
        headers: who.headers,
        body: form,
      })
      return { status: response.status, data: await response.json() }
    }

    /** One paid kit of the tumour test, shipped, activated and received by the lab. */
    async function receivedKit(member: Headers) {
      const { cartId, paymentCollectionId } = await cartReadyForPayment(
        api as never,
        member,
        "tumor-risk-gene-test",
        YUEYANG_ADDRESS
      )
      await api.post(
        `/store/payment-collections/${paymentCollectionId}/payment-sessions`,
        { provider_id: "pp_system_default" },
        member
      )
      const orderId = (await api.post(`/store/carts/${cartId}/complete`, {}, member)).data.order
        .id as string
      // Offline: the lab ships only once finance has the money.
      await confirmOfflinePayment(getContainer(), orderId)
      const [kit] = await eventually(
        async () =>
          (await api.get(`/store/health-archive/kits?order_id=${orderId}`, member)).data.kits as {
            id: string
          }[],
        (kits) => kits.length > 0
      )
      const { barcode } = (await api.post(`/admin/health-archive/kits/${kit.id}/ship`, {}, lab))
        .data.kit
      await api.post(
        "/store/health-archive/kits/activate",
        {
          barcode,
          person: { relation: "self", name: "王小明", sex: "male", birth_date: "1990-05-01" },
          consents: CONSENTS,
        },
        member
      )
      await api.post(`/admin/health-archive/kits/${kit.id}/receive`, {}, lab)
      return { kitId: kit.id, barcode: barcode as string }
    }

    it("keeps the seed's product images and staff uploads as public objects anyone can fetch", async () => {
      const { products } = (
        await api.get("/store/products?handle=tumor-risk-gene-test&fields=thumbnail", {
          headers: { "x-publishable-api-key": publishableKey },
        })
      ).data
      const thumbnail = products[0].thumbnail as string
      expect(thumbnail.startsWith(`${s3.endpoint}/${BUCKET}/commerce/public/`)).toBe(true)
      const image = await fetch(thumbnail)
      expect(image.status).toBe(200)
      expect(image.headers.get("content-type")).toBe("image/svg+xml")
      expect(await image.text()).toContain("<svg")

      // Medusa's upload route sends a public-read ACL header; the store takes it.
      const png = Buffer.from(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
          "1f15c4890000000d49444154789c6300010000050001" +
          "0d0a2db40000000049454e44ae426082",
        "hex"
      )
      const uploaded = await postForm(
        "/admin/uploads",
        multipart([{ name: "banner.png", bytes: png, type: "image/png" }]),
        ops
      )
      expect(uploaded.status).toBe(200)
      const [file] = uploaded.data.files as { id: string; url: string }[]
      expect(file.id).toMatch(/^commerce\/public\/banner-\w+\.png$/)
      expect(file.url).toBe(`${s3.endpoint}/${BUCKET}/${file.id}`)
      const served = await fetch(file.url)
      expect(served.status).toBe(200)
      expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true)
      expect((await objectBytes(file.id)).equals(png)).toBe(true)
    })

    it("stores a lab report encrypted under commerce/private/ and gives the member the original PDF", async () => {
      const member = await registerCustomer(api as never, publishableKey, "report@example.com")
      const { kitId, barcode } = await receivedKit(member)
      const report = await makeReportPdf({ barcode, pages: 2 })
      const upload = await postForm(
        "/admin/health-archive/report-batches",
        multipart([{ name: `${barcode}.pdf`, bytes: report, type: "application/pdf" }]),
        lab
      )
      expect(upload.status).toBe(202)
      await eventually(
        async () =>
          (await api.get(`/admin/health-archive/report-batches/${upload.data.batch.id}`, lab)).data
            .batch,
        (batch) => batch.status === "done" && batch.files[0].status === "done"
      )
      const reportId = (await api.get(`/store/health-archive/kits/${kitId}`, member)).data.kit
        .report.id as string

      const archive = getContainer().resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      const [row] = await archive.listLabReports({ id: reportId })
      expect(row.file_id).toMatch(/^commerce\/private\//)
      expect(await keysUnder("commerce/private/")).toContain(row.file_id)
      const stored = await objectBytes(row.file_id)
      expect(stored.length).toBeGreaterThan(report.length)
      expect(stored.includes(Buffer.from("%PDF"))).toBe(false)
      expect(stored.includes(Buffer.from(barcode))).toBe(false)
      expect(stored.includes(Buffer.from("BRCA1"))).toBe(false)

      const opened = await fetchBytes(`/store/health-archive/reports/${reportId}/file`, member)
      expect(opened.status).toBe(200)
      expect(opened.type).toBe("application/pdf")
      expect(opened.bytes.equals(report)).toBe(true)

      // The archive export reads the same object back and decrypts it into the zip.
      const exported = await JSZip.loadAsync(
        (await fetchBytes("/store/health-archive/export", member)).bytes
      )
      const pdfName = Object.keys(exported.files).find((name) => /^报告\/.+\.pdf$/.test(name))!
      expect((await exported.file(pdfName)!.async("nodebuffer")).equals(report)).toBe(true)
    })

    it("round-trips a member's upload through the bucket and removes the object with it", async () => {
      const member = await registerCustomer(api as never, publishableKey, "upload@example.com")
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from("胸片-2025")])
      const uploaded = await postForm(
        "/store/health-archive/uploads",
        multipart([{ name: "胸片.jpg", bytes: jpeg, type: "image/jpeg" }]),
        member
      )
      expect(uploaded.status).toBe(201)
      const uploadId = uploaded.data.uploads[0].id as string

      const archive = getContainer().resolve<HealthArchiveModuleService>(HEALTH_ARCHIVE_MODULE)
      const [row] = await archive.listMemberUploads({ id: uploadId })
      expect(row.file_id).toMatch(/^commerce\/private\//)
      const stored = await objectBytes(row.file_id)
      expect(stored.includes(Buffer.from("胸片-2025"))).toBe(false)

      const opened = await fetchBytes(`/store/health-archive/uploads/${uploadId}/file`, member)
      expect(opened.status).toBe(200)
      expect(opened.type).toBe("image/jpeg")
      expect(opened.bytes.equals(jpeg)).toBe(true)

      await api.delete(`/store/health-archive/uploads/${uploadId}`, member)
      expect(await objectExists(row.file_id)).toBe(false)
    })

    it("keeps every object under commerce/ and writes nothing to the local disk", async () => {
      const keys = await keysUnder("")
      expect(keys.length).toBeGreaterThan(0)
      expect(keys.filter((key) => !/^commerce\/(public|private)\//.test(key))).toEqual([])
      const local = existsSync(localPrivateDir) ? readdirSync(localPrivateDir) : []
      expect(local).toEqual([])
    })
  },
})
