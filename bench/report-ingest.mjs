// Bulk lab report ingestion end to end: N generated report PDFs zipped, uploaded to
// /admin/health-archive/report-batches (each PDF sealed and stored in the upload request,
// which answers before any is read), then opened, read, matched and recorded a chunk per
// BullMQ job until the batch is done. The baseline, measured in the same run, is parsing the
// same PDFs in this process with the same library (unpdf): the work no pipeline can skip.
// Needs a running stack (npm start) and the commerce folder to prepare matching kits.
import { execFileSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import JSZip from "jszip"
import { PDFDocument, StandardFonts } from "pdf-lib"
import { extractText, getDocumentProxy } from "unpdf"

const here = path.dirname(fileURLToPath(import.meta.url))
const STAGES = ["encrypt", "store", "decrypt", "parse", "match", "record"]

async function reportPdf(barcode, font) {
  const doc = await PDFDocument.create()
  const helvetica = await doc.embedFont(font)
  for (let index = 0; index < 4; index++) {
    const page = doc.addPage([595, 842])
    const lines = [
      `Genetic Test Report  (page ${index + 1} of 4)`,
      "Laboratory: DAAN Gene Clinical Laboratory",
      `Sample barcode: ${barcode}`,
      "Report date: 2026-11-28",
      ...Array.from(
        { length: 30 },
        (_, row) => `Locus rs${100000 + row * 7}: genotype A/G, risk ordinary`
      ),
    ]
    lines.forEach((line, row) =>
      page.drawText(line, { x: 40, y: 800 - row * 22, size: 11, font: helvetica })
    )
  }
  return Buffer.from(await doc.save())
}

async function signIn(commerceUrl, email, password) {
  const response = await fetch(`${commerceUrl}/auth/user/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  if (!response.ok) throw new Error(`admin sign-in failed: ${response.status}`)
  return (await response.json()).token
}

export async function reportIngestBench({ commerceUrl, files = 500, adminEmail, adminPassword }) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), "bench-kits-")), "kits.json")
  execFileSync(
    "npx",
    ["medusa", "exec", "./src/scripts/prepare-bench-kits.ts", String(files), out],
    {
      cwd: path.join(here, "..", "commerce"),
      stdio: ["ignore", "ignore", "inherit"],
    }
  )
  const barcodes = JSON.parse(readFileSync(out, "utf8"))
  const pdfs = await Promise.all(
    barcodes.map((barcode) => reportPdf(barcode, StandardFonts.Helvetica))
  )

  // Baseline: parse every PDF here, one after another.
  let began = performance.now()
  for (const pdf of pdfs) {
    const document = await getDocumentProxy(new Uint8Array(pdf))
    await extractText(document, { mergePages: true })
    await document.loadingTask.destroy()
  }
  const baselineSeconds = (performance.now() - began) / 1000

  // Candidate: one zip through the admin API, then poll the batch until every file is done.
  const zip = new JSZip()
  pdfs.forEach((pdf, index) => zip.file(`${barcodes[index]}.pdf`, pdf))
  const body = new FormData()
  body.append("files", new Blob([await zip.generateAsync({ type: "uint8array" })]), "reports.zip")
  const headers = {
    authorization: `Bearer ${await signIn(commerceUrl, adminEmail, adminPassword)}`,
  }
  began = performance.now()
  const created = await fetch(`${commerceUrl}/admin/health-archive/report-batches`, {
    method: "POST",
    headers,
    body,
  })
  if (created.status !== 202)
    throw new Error(`upload refused: ${created.status} ${await created.text()}`)
  const batchId = (await created.json()).batch.id
  let batch
  for (;;) {
    batch = (
      await (
        await fetch(`${commerceUrl}/admin/health-archive/report-batches/${batchId}`, { headers })
      ).json()
    ).batch
    if (batch.status === "done") break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const pipelineSeconds = (performance.now() - began) / 1000

  const totals = Object.fromEntries(STAGES.map((stage) => [stage, 0]))
  for (const file of batch.files)
    for (const stage of STAGES) totals[stage] += file.timings?.[stage] ?? 0
  const staged = STAGES.reduce((sum, stage) => sum + totals[stage], 0)
  const baselineRate = files / baselineSeconds
  const pipelineRate = files / pipelineSeconds
  return {
    name: `report ingestion: ${files} PDFs uploaded as a zip, end to end vs parsing them alone (baseline)`,
    files,
    done: batch.counts.done,
    failed: batch.counts.failed,
    baseline: { files_per_second: baselineRate, seconds: baselineSeconds },
    candidate: { files_per_second: pipelineRate, seconds: pipelineSeconds },
    ratio: pipelineRate / baselineRate,
    // Share of the summed per-file stage time; the rest of the wall time is upload,
    // queueing and bookkeeping between stages.
    stage_share: Object.fromEntries(
      STAGES.map((stage) => [stage, staged ? totals[stage] / staged : 0])
    ),
  }
}
