import { S3FileService } from "@medusajs/file-s3/dist/services/s3-file"
import type { FileTypes } from "@medusajs/framework/types"

/** Mirrors file-s3's ACL rule: only files asked for as public are public. */
const folderFor = (access?: "public" | "private") => (access === "public" ? "public/" : "private/")

/**
 * Medusa's S3 provider, with public files under `<prefix>public/` and private ones (the
 * encrypted health files, exports) under `<prefix>private/`. Stores that grant public reads
 * by bucket policy rather than object ACLs (MinIO, buckets with ACLs disabled) can then
 * open `public/` alone.
 */
export class ObjectStorageFileService extends S3FileService {
  static identifier = "object-storage"

  upload(file: FileTypes.ProviderUploadFileDTO) {
    return super.upload({ ...file, filename: folderFor(file.access) + file.filename })
  }

  getUploadStream(file: FileTypes.ProviderUploadStreamDTO) {
    return super.getUploadStream({ ...file, filename: folderFor(file.access) + file.filename })
  }

  getPresignedUploadUrl(file: FileTypes.ProviderGetPresignedUploadUrlDTO) {
    return super.getPresignedUploadUrl({
      ...file,
      filename: folderFor(file.access) + file.filename,
    })
  }
}
