import { Badge, Button, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../../components/finance/finance-format"
import { RecordTable } from "../../components/shared/record-table"
import { ESCORT_ADMISSION_MESSAGES as M } from "./escort-admission-messages"
import type { AdmissionDocument, EscortApplication } from "./escort-application-types"

const path = (application: EscortApplication, doc?: AdmissionDocument) =>
  `/admin/escort-admission/${encodeURIComponent(application.id)}${
    doc ? `/documents/${encodeURIComponent(doc.id)}` : ""
  }`

/** One application: the applicant's details (ID masked), requirements and each document's review. */
export function ApplicationReview({
  application,
  onChanged,
}: {
  application: EscortApplication
  onChanged: (next?: EscortApplication) => void
}) {
  const [expiresOn, setExpiresOn] = useState<Record<string, string>>({})
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await run()
      setNotice(done)
      onChanged()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const review = (doc: AdmissionDocument, decision: "approve" | "reject") =>
    act(
      () =>
        adminRequest(`${path(application, doc)}/review`, {
          method: "POST",
          body:
            decision === "approve"
              ? { decision, expires_on: expiresOn[doc.id]?.trim() || undefined }
              : { decision, reason: reasons[doc.id]?.trim() || undefined },
        }),
      decision === "approve" ? "已通过" : "已驳回"
    )

  return (
    <div className="flex flex-col gap-3" data-testid="escort-admission-review">
      <div className="grid grid-cols-2 gap-2 text-sm">
        <Text>姓名：{application.real_name ?? "—"}</Text>
        <Text>身份证号：{application.id_number_masked ?? "—"}</Text>
        <Text>服务城市：{application.city ?? "—"}</Text>
        <Text>常驻地点：{application.base_location ?? "—"}</Text>
        <Text>擅长：{application.specialties.join("、") || "—"}</Text>
        <Text>状态：{application.status_label}</Text>
      </div>
      <div className="flex flex-wrap gap-2">
        {application.requirements.map((requirement) => (
          <Badge key={requirement.code} color={requirement.met ? "green" : "orange"}>
            {requirement.met ? "✓" : "✗"} {requirement.label}
          </Badge>
        ))}
      </div>
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={application.documents}
        rowKey={(doc) => doc.id}
        empty="尚未上传材料"
        columns={[
          { header: "材料", cell: (doc) => doc.title ?? doc.kind_label },
          { header: "上传时间", cell: (doc) => formatBeijingTime(doc.created_at) },
          {
            header: "文件",
            cell: (doc) => (
              <a href={path(application, doc)} target="_blank" rel="noreferrer">
                {M.view}
              </a>
            ),
          },
          {
            header: "状态",
            cell: (doc) =>
              `${doc.status_label}${doc.expires_on ? `（至 ${doc.expires_on}）` : ""}${
                doc.rejection_reason ? `：${doc.rejection_reason}` : ""
              }`,
          },
          {
            header: M.review,
            cell: (doc) =>
              doc.status === "pending" ? (
                <div className="flex flex-col gap-1 py-1">
                  <Input
                    size="small"
                    placeholder={M.expiresOn}
                    value={expiresOn[doc.id] ?? ""}
                    onChange={(e) => setExpiresOn({ ...expiresOn, [doc.id]: e.target.value })}
                  />
                  <Input
                    size="small"
                    placeholder={M.reason}
                    value={reasons[doc.id] ?? ""}
                    onChange={(e) => setReasons({ ...reasons, [doc.id]: e.target.value })}
                  />
                  <div className="flex gap-2">
                    <Button size="small" isLoading={busy} onClick={() => review(doc, "approve")}>
                      {M.approve}
                    </Button>
                    <Button
                      size="small"
                      variant="danger"
                      isLoading={busy}
                      onClick={() => review(doc, "reject")}
                    >
                      {M.reject}
                    </Button>
                  </div>
                </div>
              ) : (
                "—"
              ),
          },
        ]}
      />
      {application.status !== "approved" && application.status !== "draft" && (
        <Button
          isLoading={busy}
          onClick={() =>
            act(
              () => adminRequest(`${path(application)}/activate`, { method: "POST" }),
              M.activated
            )
          }
        >
          {M.activate}
        </Button>
      )}
    </div>
  )
}
