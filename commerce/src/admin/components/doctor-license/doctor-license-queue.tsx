import { Button, Input, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { DOCTOR_LICENSE_MESSAGES as M } from "./doctor-license-messages"

export type LicenseDocument = {
  id: string
  doctor_id: string
  doctor_name: string | null
  license_number: string | null
  kind_label: string
  status: "pending" | "approved" | "rejected"
  status_label: string
  rejection_reason: string | null
  created_at: string
}

/** Where staff open a document (decrypted by the server; each open is audited). */
export const licenseDocumentPath = (doc: Pick<LicenseDocument, "id" | "doctor_id">) =>
  `/admin/consultations/doctors/${encodeURIComponent(doc.doctor_id)}/license-documents/${encodeURIComponent(doc.id)}`

/** One status's documents; pending ones are approved or rejected (with a reason) in place. */
export function DoctorLicenseQueue({ status }: { status: LicenseDocument["status"] }) {
  const [rows, setRows] = useState<LicenseDocument[]>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState<string | null>(null)
  const [reasons, setReasons] = useState<Record<string, string>>({})

  const load = useCallback(() => {
    adminRequest<{ documents: LicenseDocument[] }>(`/admin/doctor-licenses?status=${status}`)
      .then((answer) => setRows(answer.documents))
      .catch((e) => setError(errorText(e)))
  }, [status])
  useEffect(load, [load])

  const review = async (doc: LicenseDocument, decision: "approve" | "reject") => {
    const reason = (reasons[doc.id] ?? "").trim()
    if (decision === "reject" && !reason) return setError(M.needReason)
    setBusy(doc.id)
    setError(undefined)
    try {
      await adminRequest(`${licenseDocumentPath(doc)}/review`, {
        method: "POST",
        body: decision === "reject" ? { decision, reason } : { decision },
      })
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={rows ?? []}
        rowKey={(row) => row.id}
        empty={rows ? M.empty : undefined}
        columns={[
          { header: "上传时间", cell: (row) => formatBeijingTime(row.created_at) },
          { header: "医生", cell: (row) => row.doctor_name ?? "—" },
          { header: "执业证号", cell: (row) => row.license_number ?? "—" },
          { header: "材料", cell: (row) => row.kind_label },
          {
            header: "材料文件",
            cell: (row) => (
              <a href={licenseDocumentPath(row)} target="_blank" rel="noreferrer">
                {M.view}
              </a>
            ),
          },
          {
            header: reviewColumnHeader(status),
            cell: (row) =>
              row.status === "pending" ? (
                <div className="flex items-center gap-2">
                  <Input
                    size="small"
                    placeholder={M.rejectReason}
                    value={reasons[row.id] ?? ""}
                    onChange={(e) => setReasons({ ...reasons, [row.id]: e.target.value })}
                  />
                  <Button
                    size="small"
                    isLoading={busy === row.id}
                    onClick={() => review(row, "approve")}
                  >
                    {M.approve}
                  </Button>
                  <Button
                    size="small"
                    variant="danger"
                    isLoading={busy === row.id}
                    onClick={() => review(row, "reject")}
                  >
                    {M.reject}
                  </Button>
                </div>
              ) : (
                (row.rejection_reason ?? row.status_label)
              ),
          },
        ]}
      />
    </div>
  )
}

const reviewColumnHeader = (status: LicenseDocument["status"]) =>
  status === "pending" ? "审核" : "结果"
