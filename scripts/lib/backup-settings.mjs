// What `npm run backup` and `npm run restore` work on, from the same variables the services
// read (docs/operations.md): the commerce and CMS databases, and the object-store bucket
// (S3_*) or, with S3 off, the local upload folders.
import path from "node:path"
import { at } from "./paths.mjs"

const value = (env, name) => env[name]?.trim() || undefined

/** The two databases, as commerce (DATABASE_URL) and the CMS (CMS_DATABASE_URL) find them. */
export function databasesFromEnv(env = process.env) {
  return [
    {
      name: "commerce",
      url: value(env, "DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/health_commerce",
    },
    {
      name: "cms",
      url: value(env, "CMS_DATABASE_URL") ?? "postgres://postgres@127.0.0.1:5432/health_cms",
    },
  ]
}

/**
 * The bucket when S3_BUCKET is set (every key: commerce/ and cms/ share it), else the
 * folders the local-disk providers write to.
 */
export function objectStoreFromEnv(env = process.env) {
  const bucket = value(env, "S3_BUCKET")
  if (bucket) {
    const missing = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !value(env, name))
    if (missing.length) throw new Error(`S3_BUCKET is set but ${missing.join(", ")} is empty`)
    return {
      kind: "s3",
      bucket,
      region: value(env, "S3_REGION") ?? "us-east-1",
      endpoint: value(env, "S3_ENDPOINT"),
      forcePathStyle: value(env, "S3_FORCE_PATH_STYLE") === "true",
      accessKeyId: value(env, "S3_ACCESS_KEY_ID"),
      secretAccessKey: value(env, "S3_SECRET_ACCESS_KEY"),
      // Buckets that refuse ACL headers get none; public reads come from their policy.
      acls: value(env, "S3_ACL")?.toLowerCase() !== "off",
    }
  }
  const commerceDir = path.resolve(value(env, "COMMERCE_DIR") ?? at("commerce"))
  const privateDir = value(env, "PRIVATE_UPLOAD_DIR") ?? "private-uploads"
  return {
    kind: "local",
    folders: [
      { name: "commerce-public", dir: path.resolve(commerceDir, "static") },
      { name: "commerce-private", dir: path.resolve(commerceDir, privateDir) },
      {
        name: "cms-uploads",
        dir: path.resolve(value(env, "CMS_UPLOAD_DIR") ?? at("cms", "public", "uploads")),
      },
    ],
  }
}

/** Keys browsers read without signing (docs/storage.md): they are restored public-read. */
export const isPublicKey = (key) => key.startsWith("commerce/public/") || key.startsWith("cms/")

/** Where backups go unless `--out` says otherwise. */
export const defaultBackupRoot = (env = process.env) =>
  path.resolve(value(env, "BACKUP_DIR") ?? at(".data", "backups"))
