import { defineRouteConfig } from "@medusajs/admin-sdk"
import { UserGroup } from "@medusajs/icons"
import { Button, Container, Heading, Tabs, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../../components/finance/finance-format"
import { RecordTable } from "../../components/shared/record-table"
import { ApplicationReview } from "./application-review"
import { ESCORT_ADMISSION_MESSAGES as M } from "./escort-admission-messages"
import type { EscortApplication } from "./escort-application-types"

type Status = keyof typeof M.tabs

/** 陪诊员审核: applications by state; opening one reviews its documents item by item. */
const EscortAdmissionPage = () => {
  const [status, setStatus] = useState<Status>("submitted")
  const [applications, setApplications] = useState<EscortApplication[]>()
  const [openId, setOpenId] = useState<string | null>(null)
  const [open, setOpen] = useState<EscortApplication | null>(null)
  const [error, setError] = useState<string>()

  const load = useCallback(() => {
    setError(undefined)
    adminRequest<{ applications: EscortApplication[] }>(`/admin/escort-admission?status=${status}`)
      .then((answer) => setApplications(answer.applications))
      .catch((e) => setError(errorText(e)))
  }, [status])
  useEffect(load, [load])

  // The detail read is the audited one: each opening of an application is recorded.
  const loadOpen = useCallback(() => {
    if (!openId) return setOpen(null)
    adminRequest<{ application: EscortApplication }>(
      `/admin/escort-admission/${encodeURIComponent(openId)}`
    )
      .then((answer) => setOpen(answer.application))
      .catch((e) => setError(errorText(e)))
  }, [openId])
  useEffect(loadOpen, [loadOpen])

  return (
    <Container className="flex flex-col gap-y-4 p-6" data-testid="escort-admission-page">
      <div>
        <Heading level="h1">{M.title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {M.intro}
        </Text>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {open ? (
        <div className="flex flex-col gap-3">
          <Button variant="secondary" size="small" onClick={() => setOpenId(null)}>
            {M.back}
          </Button>
          <ApplicationReview
            application={open}
            onChanged={() => {
              loadOpen()
              load()
            }}
          />
        </div>
      ) : (
        <Tabs value={status} onValueChange={(value) => setStatus(value as Status)}>
          <Tabs.List>
            {Object.entries(M.tabs).map(([value, label]) => (
              <Tabs.Trigger key={value} value={value}>
                {label}
              </Tabs.Trigger>
            ))}
          </Tabs.List>
          <div className="pt-4">
            <RecordTable
              rows={applications ?? []}
              rowKey={(row) => row.id}
              empty={applications ? M.empty : undefined}
              columns={[
                { header: "姓名", cell: (row) => row.real_name ?? "—" },
                { header: "身份证号", cell: (row) => row.id_number_masked ?? "—" },
                { header: "城市", cell: (row) => row.city ?? "—" },
                {
                  header: "提交时间",
                  cell: (row) => (row.submitted_at ? formatBeijingTime(row.submitted_at) : "—"),
                },
                {
                  header: "待办",
                  cell: (row) =>
                    row.requirements
                      .filter((requirement) => !requirement.met)
                      .map((requirement) => requirement.label)
                      .join("、") || "可启用",
                },
                {
                  header: "",
                  cell: (row) => (
                    <Button size="small" variant="secondary" onClick={() => setOpenId(row.id)}>
                      {M.review}
                    </Button>
                  ),
                },
              ]}
            />
          </div>
        </Tabs>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "陪诊员审核", icon: UserGroup })

export default EscortAdmissionPage
