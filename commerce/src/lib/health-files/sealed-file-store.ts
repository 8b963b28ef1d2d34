import { randomUUID } from "crypto"
import type { IFileModuleService } from "@medusajs/framework/types"
import { fieldCipherFromEnv, type FieldCipher, type Sealed } from "../crypto/field-cipher"

let sharedCipher: FieldCipher | null = null
const healthCipher = () => (sharedCipher ??= fieldCipherFromEnv())

export type StoredSealedFile = { file_id: string; key_id: string }

/**
 * Health files (reports, member uploads) go to Medusa's file module only encrypted
 * (AES-256-GCM, key id kept beside the file id so keys can rotate) and as private
 * files, under a meaningless name.
 */
export class SealedFileStore {
  constructor(
    private readonly files: IFileModuleService,
    private readonly cipher: FieldCipher = healthCipher()
  ) {}

  /** Encrypts and stores; `timings` (ms) feed the ingestion benchmark. */
  async put(
    bytes: Buffer
  ): Promise<StoredSealedFile & { timings: { encrypt: number; store: number } }> {
    const started = performance.now()
    const { key_id, bytes: sealed } = this.cipher.sealBytes(bytes)
    const encrypted = performance.now()
    const [file] = await this.files.createFiles([
      {
        // A unique flat name: the local provider keys files by millisecond + name, and
        // looks up private files by a "private-" prefix that a folder would hide.
        filename: `${randomUUID()}.bin`,
        mimeType: "application/octet-stream",
        content: sealed.toString("base64"),
        access: "private",
      },
    ])
    return {
      file_id: file.id,
      key_id,
      timings: { encrypt: encrypted - started, store: performance.now() - encrypted },
    }
  }

  /** Seals a file's companion data (a report's summary, its findings) with the same active key. */
  sealJson(value: unknown): Sealed {
    return this.cipher.sealJson(value)
  }

  async get({ file_id, key_id }: StoredSealedFile): Promise<Buffer> {
    return this.cipher.openBytes(key_id, await this.files.getAsBuffer(file_id))
  }

  async remove(fileIds: string[]) {
    if (fileIds.length) await this.files.deleteFiles(fileIds)
  }
}
