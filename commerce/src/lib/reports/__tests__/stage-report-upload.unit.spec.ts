import { createHash } from "crypto"
import type { IFileModuleService } from "@medusajs/framework/types"
import { makeReportPdf } from "../../../../integration-tests/helpers/report-pdf"
import { FieldCipher, fieldCipherFromEnv } from "../../crypto/field-cipher"
import { stageReportUpload } from "../stage-report-upload"

jest.setTimeout(30_000)

/** The file module as staging uses it: stored bytes kept in memory, one write failing on demand. */
function fakeFiles(failOn?: number) {
  const stored = new Map<string, Buffer>()
  let writes = 0
  const files = {
    createFiles: async ([file]: { filename: string; content: string }[]) => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      if (++writes === failOn) throw new Error("disk full")
      stored.set(file.filename, Buffer.from(file.content, "base64"))
      return [{ id: file.filename }]
    },
    deleteFiles: async (ids: string[]) => ids.forEach((id) => stored.delete(id)),
  }
  return { stored, files: files as unknown as IFileModuleService }
}

describe("staging a bulk report upload", () => {
  it("stores each PDF sealed, unread, in upload order, and refuses what is no PDF", async () => {
    const barcodes = ["GT1234567897", "GT0000000018", "GT0000000026"]
    const pdfs = await Promise.all(barcodes.map((barcode) => makeReportPdf({ barcode })))
    const { stored, files } = fakeFiles()
    const opened = jest.spyOn(FieldCipher.prototype, "openBytes")
    const staged = await stageReportUpload(files, [
      ...pdfs.map((bytes, index) => ({ filename: `${barcodes[index]}.pdf`, bytes })),
      { filename: "scan.pdf", bytes: await makeReportPdf({}) },
      { filename: "notes.txt", bytes: Buffer.from("not a report") },
    ])
    expect(opened).not.toHaveBeenCalled()
    opened.mockRestore()

    // A PDF without a barcode is the worker's to refuse: the upload does not read.
    expect(staged.map((file) => [file.filename, file.status, file.error_code])).toEqual([
      ["GT1234567897.pdf", "queued", null],
      ["GT0000000018.pdf", "queued", null],
      ["GT0000000026.pdf", "queued", null],
      ["scan.pdf", "queued", null],
      ["notes.txt", "failed", "not_pdf"],
    ])
    expect(staged.every((file) => file.reading === null)).toBe(true)
    // Only PDFs are stored, and only sealed.
    expect(stored.size).toBe(4)
    for (const bytes of stored.values()) expect(bytes.includes(Buffer.from("%PDF"))).toBe(false)
    const cipher = fieldCipherFromEnv()
    const [first] = staged
    expect(cipher.openBytes(first.key_id!, stored.get(first.file_id!)!).equals(pdfs[0])).toBe(true)
    expect(first.sha256).toBe(createHash("sha256").update(pdfs[0]).digest("hex"))
    expect(Object.keys(first.timings!).sort()).toEqual(["encrypt", "store"])
  })

  it("removes what it stored when a write fails", async () => {
    const pdfs = await Promise.all(
      ["GT1234567897", "GT0000000018", "GT0000000026"].map((barcode) => makeReportPdf({ barcode }))
    )
    const { stored, files } = fakeFiles(2)
    await expect(
      stageReportUpload(
        files,
        pdfs.map((bytes, index) => ({ filename: `report-${index}.pdf`, bytes }))
      )
    ).rejects.toThrow("disk full")
    expect(stored.size).toBe(0)
  })
})
