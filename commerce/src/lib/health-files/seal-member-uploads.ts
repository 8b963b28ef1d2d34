import type { IFileModuleService } from "@medusajs/framework/types"
import type { CheckedUpload } from "../../modules/health-archive/member-upload-rules"
import { SealedFileStore } from "./sealed-file-store"

export type SealedUpload = Omit<CheckedUpload, "bytes"> & {
  size: number
  file_id: string
  key_id: string
}

/**
 * Stores a member's checked files encrypted, before the workflow records them, so their
 * plain bytes never travel through the workflow engine. All or nothing: what was stored
 * is removed again when one file fails.
 */
export async function sealMemberUploads(
  files: IFileModuleService,
  uploads: CheckedUpload[]
): Promise<SealedUpload[]> {
  const store = new SealedFileStore(files)
  const sealed: SealedUpload[] = []
  try {
    for (const { bytes, ...upload } of uploads) {
      const { file_id, key_id } = await store.put(bytes)
      sealed.push({ ...upload, size: bytes.length, file_id, key_id })
    }
    return sealed
  } catch (error) {
    await store.remove(sealed.map((upload) => upload.file_id))
    throw error
  }
}
