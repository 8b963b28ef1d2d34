import {
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from "@aws-sdk/client-s3"
import { mkdtempSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { Readable } from "stream"
import { startS3Standin, type S3Standin } from "../s3-standin"

jest.setTimeout(30_000)

describe("the S3 stand-in (s3rver)", () => {
  let s3: S3Standin
  let client: S3Client

  beforeAll(async () => {
    s3 = await startS3Standin(mkdtempSync(path.join(tmpdir(), "s3-standin-")), ["files"])
    // The SDK's defaults: CRC32 checksums, aws-chunked bodies for streams.
    client = new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    })
  })

  afterAll(async () => {
    client?.destroy()
    await s3?.stop()
  })

  const put = (input: Omit<PutObjectCommandInput, "Bucket">) =>
    client.send(new PutObjectCommand({ Bucket: "files", ...input }))
  const read = async (key: string) => {
    const object = await client.send(new GetObjectCommand({ Bucket: "files", Key: key }))
    return Buffer.from(await object.Body!.transformToByteArray())
  }

  it("stores a streamed (aws-chunked) upload as its plain bytes", async () => {
    await put({
      Key: "commerce/streamed.bin",
      Body: Readable.from([Buffer.from("first "), Buffer.from("second")]),
      ContentLength: 12,
    })
    expect((await read("commerce/streamed.bin")).toString()).toBe("first second")
  })

  it("accepts the ACL headers Medusa sends and serves public objects without credentials", async () => {
    await put({ Key: "commerce/public/a.txt", Body: "public", ACL: "public-read" })
    await put({ Key: "commerce/private/b.bin", Body: "sealed", ACL: "private" })
    expect((await read("commerce/private/b.bin")).toString()).toBe("sealed")
    const anonymous = await fetch(`${s3.endpoint}/files/commerce/public/a.txt`)
    expect([anonymous.status, await anonymous.text()]).toEqual([200, "public"])
  })

  it("refuses an access key it does not know", async () => {
    const stranger = new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId: "NOT-S3RVER", secretAccessKey: "x" },
    })
    await expect(
      stranger.send(new PutObjectCommand({ Bucket: "files", Key: "x", Body: "x" }))
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 403 } })
    stranger.destroy()
  })
})
