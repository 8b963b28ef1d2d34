import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type PutObjectCommandInput,
} from "@aws-sdk/client-s3"
import { getSignedUrl } from "@aws-sdk/s3-request-presigner"
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

  const clientWith = (accessKeyId: string, secretAccessKey: string) =>
    new S3Client({
      endpoint: s3.endpoint,
      region: "us-east-1",
      forcePathStyle: true,
      credentials: { accessKeyId, secretAccessKey },
    })

  it("checks SigV4 signatures: an unknown key or a wrong secret is refused", async () => {
    for (const [key, secret, code] of [
      ["NOT-S3RVER", "x", "InvalidAccessKeyId"],
      ["S3RVER", "wrong-secret", "SignatureDoesNotMatch"],
    ]) {
      const stranger = clientWith(key, secret)
      await expect(
        stranger.send(new PutObjectCommand({ Bucket: "files", Key: "x", Body: "x" }))
      ).rejects.toMatchObject({ name: code, $metadata: { httpStatusCode: 403 } })
      stranger.destroy()
    }
  })

  it("pages through a listing longer than max-keys with continuation tokens", async () => {
    for (const n of [1, 2, 3]) await put({ Key: `paged/${n}.bin`, Body: String(n) })
    const keys: string[] = []
    let token: string | undefined
    do {
      const page = await client.send(
        new ListObjectsV2Command({
          Bucket: "files",
          Prefix: "paged/",
          MaxKeys: 2,
          ContinuationToken: token,
        })
      )
      keys.push(...(page.Contents ?? []).map((object) => object.Key!))
      token = page.NextContinuationToken
    } while (token)
    expect(keys).toEqual(["paged/1.bin", "paged/2.bin", "paged/3.bin"])
  })

  it("verifies signatures over encoded keys, list queries and presigned URLs", async () => {
    const key = "cms/报告 (1)+final.pdf"
    await put({ Key: key, Body: "signed" })
    const listed = await client.send(
      new ListObjectsV2Command({ Bucket: "files", Prefix: "cms/报告", MaxKeys: 5 })
    )
    expect(listed.Contents?.map((object) => object.Key)).toEqual([key])

    const url = await getSignedUrl(client, new GetObjectCommand({ Bucket: "files", Key: key }), {
      expiresIn: 60,
    })
    const presigned = await fetch(url)
    expect([presigned.status, await presigned.text()]).toEqual([200, "signed"])
    const tampered = await fetch(url.replace(/X-Amz-Signature=[0-9a-f]/, "X-Amz-Signature=z"))
    expect(tampered.status).toBe(403)
  })
})
