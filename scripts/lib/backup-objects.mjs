// The object store's side of a backup: every key of the bucket (commerce/ and cms/), or the
// local upload folders when S3 is off. Files are copied as stored: health files stay
// encrypted (their keys are not part of any backup).
import { createWriteStream } from "node:fs"
import { cp, mkdir, readdir, readFile } from "node:fs/promises"
import { createRequire } from "node:module"
import path from "node:path"
import { pipeline } from "node:stream/promises"
import { describeFile } from "./backup-manifest.mjs"
import { isPublicKey } from "./backup-settings.mjs"
import { at } from "./paths.mjs"

const requireFromRoot = createRequire(at("package.json"))

function s3Client(store) {
  const { S3Client } = requireFromRoot("@aws-sdk/client-s3")
  return new S3Client({
    region: store.region,
    endpoint: store.endpoint,
    forcePathStyle: store.forcePathStyle,
    credentials: { accessKeyId: store.accessKeyId, secretAccessKey: store.secretAccessKey },
    // Several S3-compatible stores refuse the SDK's default checksums (see file-storage.ts).
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  })
}

async function* bucketKeys(client, bucket) {
  const { ListObjectsV2Command } = requireFromRoot("@aws-sdk/client-s3")
  let token
  do {
    const page = await client.send(
      new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token })
    )
    for (const object of page.Contents ?? []) yield object.Key
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
}

/** A key as a path inside `root`; keys that would leave it are refused. */
function fileForKey(root, key) {
  const file = path.resolve(root, key)
  if (!file.startsWith(root + path.sep)) throw new Error(`object key ${key} leaves the folder`)
  return file
}

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
}

/** Copies every object (or upload folder) into `<folder>/objects`; answers the manifest part. */
export async function backUpObjects(store, folder) {
  const root = path.join(folder, "objects")
  await mkdir(root, { recursive: true })
  if (store.kind === "local") {
    const files = []
    for (const { name, dir } of store.folders) {
      await cp(dir, path.join(root, name), { recursive: true }).catch((error) => {
        if (error.code !== "ENOENT") throw error
      })
      for (const file of await filesUnder(path.join(root, name)))
        files.push(await describeFile(folder, file, { folder: name }))
    }
    return { kind: "local", folders: store.folders.map(({ name }) => name), files }
  }
  const { GetObjectCommand } = requireFromRoot("@aws-sdk/client-s3")
  const client = s3Client(store)
  const files = []
  for await (const key of bucketKeys(client, store.bucket)) {
    const file = fileForKey(root, key)
    await mkdir(path.dirname(file), { recursive: true })
    const object = await client.send(new GetObjectCommand({ Bucket: store.bucket, Key: key }))
    await pipeline(object.Body, createWriteStream(file))
    files.push(
      await describeFile(folder, file, {
        key,
        content_type: object.ContentType ?? "application/octet-stream",
      })
    )
  }
  client.destroy()
  return { kind: "s3", bucket: store.bucket, files }
}

/** True when the bucket holds no key, or every upload folder is missing or empty. */
export async function objectStoreIsEmpty(store) {
  if (store.kind === "local") {
    for (const { dir } of store.folders) if ((await filesUnder(dir)).length) return false
    return true
  }
  const client = s3Client(store)
  try {
    for await (const key of bucketKeys(client, store.bucket)) return !key
    return true
  } finally {
    client.destroy()
  }
}

/** Puts the backed-up objects back; public keys public-read again unless ACLs are off. */
export async function restoreObjects(store, folder, part) {
  if (part.kind !== store.kind) {
    throw new Error(
      `the backup holds ${part.kind === "s3" ? "an S3 bucket" : "local upload folders"} but ` +
        `this environment uses ${store.kind === "s3" ? "S3 (S3_BUCKET)" : "local folders"}`
    )
  }
  if (store.kind === "local") {
    for (const { name, dir } of store.folders) {
      await cp(path.join(folder, "objects", name), dir, { recursive: true }).catch((error) => {
        if (error.code !== "ENOENT") throw error
      })
    }
    return part.files.length
  }
  const { PutObjectCommand } = requireFromRoot("@aws-sdk/client-s3")
  const client = s3Client(store)
  try {
    for (const entry of part.files) {
      await client.send(
        new PutObjectCommand({
          Bucket: store.bucket,
          Key: entry.key,
          Body: await readFile(path.join(folder, entry.path)),
          ContentType: entry.content_type,
          ...(store.acls && isPublicKey(entry.key) ? { ACL: "public-read" } : {}),
        })
      )
    }
  } finally {
    client.destroy()
  }
  return part.files.length
}
