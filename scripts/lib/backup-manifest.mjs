// The manifest of a backup folder: what is in it (sizes, sha256), from which versions, and
// the check a restore runs before touching anything.
import { createHash } from "node:crypto"
import { createReadStream } from "node:fs"
import { readFile, stat, writeFile } from "node:fs/promises"
import path from "node:path"

export const MANIFEST = "manifest.json"
export const FORMAT = 1

export async function sha256Of(file) {
  const hash = createHash("sha256")
  for await (const chunk of createReadStream(file)) hash.update(chunk)
  return hash.digest("hex")
}

/** One file of the backup as the manifest lists it (path relative to the folder). */
export async function describeFile(folder, file, extra = {}) {
  return {
    path: path.relative(folder, file).split(path.sep).join("/"),
    bytes: (await stat(file)).size,
    sha256: await sha256Of(file),
    ...extra,
  }
}

export async function writeManifest(folder, manifest) {
  await writeFile(path.join(folder, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`)
}

/**
 * Reads the manifest and checks every file it lists (size and sha256): a restore from a
 * truncated or altered backup stops here, before any database or bucket is touched.
 */
export async function readVerifiedManifest(folder) {
  let manifest
  try {
    manifest = JSON.parse(await readFile(path.join(folder, MANIFEST), "utf8"))
  } catch {
    throw new Error(`${folder} has no readable ${MANIFEST}: not a backup folder`)
  }
  if (manifest.format !== FORMAT) {
    throw new Error(`${MANIFEST} has format ${manifest.format}; this restore reads ${FORMAT}`)
  }
  const files = [...manifest.databases, ...manifest.objects.files]
  const bad = []
  for (const entry of files) {
    const file = path.join(folder, entry.path)
    if (path.relative(folder, file).startsWith("..")) {
      bad.push(`${entry.path}: outside the backup folder`)
      continue
    }
    const actual = await describeFile(folder, file).catch(() => null)
    if (!actual) bad.push(`${entry.path}: missing`)
    else if (actual.bytes !== entry.bytes || actual.sha256 !== entry.sha256)
      bad.push(`${entry.path}: size or sha256 differs from the manifest`)
  }
  if (bad.length) throw new Error(`the backup is damaged:\n  ${bad.join("\n  ")}`)
  return manifest
}
