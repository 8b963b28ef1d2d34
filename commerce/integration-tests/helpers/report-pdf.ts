import { PDFDocument, StandardFonts } from "pdf-lib"

/**
 * A lab report PDF like the ones labs send: a few pages of text with the sample
 * barcode, the lab and the report date. (Standard fonts carry Latin text only, which
 * is all a fixture needs; real reports' Chinese text parses the same way.)
 */
export async function makeReportPdf(input: {
  barcode?: string
  lab?: string
  date?: string
  pages?: number
  extraLines?: string[]
}): Promise<Buffer> {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const pages = input.pages ?? 2
  for (let index = 0; index < pages; index++) {
    const page = doc.addPage([595, 842])
    const lines = [
      `Genetic Test Report  (page ${index + 1} of ${pages})`,
      `Laboratory: ${input.lab ?? "DAAN Gene Clinical Laboratory"}`,
      ...(input.barcode ? [`Sample barcode: ${input.barcode}`] : []),
      `Report date: ${input.date ?? "2026-11-28"}`,
      "BRCA1 c.68_69del: not detected",
      "BRCA2 c.5946del: not detected",
      ...(input.extraLines ?? []),
    ]
    lines.forEach((line, row) => page.drawText(line, { x: 48, y: 780 - row * 20, size: 12, font }))
  }
  return Buffer.from(await doc.save())
}
