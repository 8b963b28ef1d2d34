import { PDFDocument, StandardFonts } from "pdf-lib"
import { call, commerce, eventually, post } from "./commerce-api"

type AdminKit = { id: string; barcode: string | null; status: string; order_id: string }

/** A lab's PDF report for one sample, as the lab would send it. */
export async function labReport(barcode: string) {
  const doc = await PDFDocument.create()
  const font = await doc.embedFont(StandardFonts.Helvetica)
  const page = doc.addPage([595, 842])
  const lines = [
    "Genetic Test Report",
    "Laboratory: DAAN Gene Clinical Laboratory",
    `Sample barcode: ${barcode}`,
    "Report date: 2026-11-28",
    "BRCA1 c.68_69del: not detected",
  ]
  lines.forEach((line, row) => page.drawText(line, { x: 48, y: 780 - row * 20, size: 12, font }))
  return Buffer.from(await doc.save())
}

/** Lab staff ship the kit of a paid order: it gets its barcode. Answers the kit. */
export async function shipKitOfOrder(orderId: string, adminToken: string) {
  const admin = { token: adminToken, admin: true }
  const { order } = await call<{ order: { display_id: number } }>(
    `/admin/orders/${orderId}?fields=display_id`,
    admin
  )
  const kit = await eventually(
    async () =>
      (
        await call<{ kits: AdminKit[] }>(`/admin/health-archive/kits?q=${order.display_id}`, admin)
      ).kits.find((k) => k.order_id === orderId),
    (found) => !!found
  )
  const { kit: shipped } = await post<{ kit: AdminKit }>(
    `/admin/health-archive/kits/${kit!.id}/ship`,
    { carrier: "顺丰", tracking_number: `SF${Date.now().toString(36)}` },
    admin
  )
  return { id: shipped.id, barcode: shipped.barcode! }
}

/** The member activates the kit for themself, with the required consents. */
export async function activateKit(memberToken: string, barcode: string, name: string) {
  await post(
    "/store/health-archive/kits/activate",
    {
      barcode,
      person: { relation: "self", name, sex: "female", birth_date: "1980-03-08" },
      consents: [
        { kind: "testing", version: "2026-11" },
        { kind: "storage", version: "2026-11" },
      ],
    },
    { token: memberToken }
  )
}

/** The lab receives the sample and uploads its report; answers once it is matched. */
export async function releaseReport(kit: { id: string; barcode: string }, adminToken: string) {
  const admin = { token: adminToken, admin: true }
  await post(`/admin/health-archive/kits/${kit.id}/receive`, {}, admin)
  const form = new FormData()
  form.append(
    "files",
    new Blob([new Uint8Array(await labReport(kit.barcode))]),
    `${kit.barcode}.pdf`
  )
  const upload = await fetch(`${commerce()}/admin/health-archive/report-batches`, {
    method: "POST",
    headers: { authorization: `Bearer ${adminToken}` },
    body: form,
  })
  if (upload.status !== 202)
    throw new Error(`report upload → ${upload.status}: ${await upload.text()}`)
  const { batch } = (await upload.json()) as { batch: { id: string } }
  const done = await eventually(
    () =>
      call<{ batch: { status: string; counts: { done: number } } }>(
        `/admin/health-archive/report-batches/${batch.id}`,
        admin
      ),
    (answer) => answer.batch.status === "done"
  )
  if (done.batch.counts.done !== 1) {
    throw new Error(`the report was not matched to its kit: ${JSON.stringify(done.batch)}`)
  }
}
