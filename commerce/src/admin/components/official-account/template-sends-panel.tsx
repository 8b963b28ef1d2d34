import { Badge, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { RecordTable } from "../shared/record-table"
import { OFFICIAL_ACCOUNT_MESSAGES as M } from "./official-account-messages"

type Send = {
  id: string
  notice_key: string
  customer_id: string
  template_id: string
  outcome: keyof typeof M.outcomes
  errcode: number | null
  errmsg: string | null
  delivery: keyof typeof M.deliveries | null
  created_at: string
}

type DeliveryCounts = Record<keyof typeof M.deliveries, number>

const beijing = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "short",
  timeStyle: "short",
})

const COLOR = { sent: "green", failed: "red", opted_out: "grey", not_following: "grey" } as const

const DELIVERY_COLOR = {
  delivered: "green",
  user_blocked: "orange",
  system_failed: "red",
  other: "grey",
  pending: "blue",
} as const

/**
 * 模板消息记录: the latest template messages, what WeChat answered (errcode) and its delivery
 * report, with the sent ones counted by delivery.
 */
export function TemplateSendsPanel() {
  const [sends, setSends] = useState<Send[]>()
  const [counts, setCounts] = useState<DeliveryCounts>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    adminRequest<{ template_sends: Send[]; delivery_counts: DeliveryCounts }>(
      "/admin/official-account/template-sends?limit=50"
    )
      .then((answer) => {
        setSends(answer.template_sends)
        setCounts(answer.delivery_counts)
      })
      .catch((e) => setError(errorText(e)))
  }, [])

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {counts && (
        <div className="flex flex-wrap items-center gap-2">
          <Text size="small" weight="plus">
            {M.deliveryTitle}
          </Text>
          {(Object.keys(M.deliveries) as (keyof typeof M.deliveries)[]).map((key) => (
            <Badge key={key} size="2xsmall" color={DELIVERY_COLOR[key]}>
              {M.deliveries[key]} {counts[key]}
            </Badge>
          ))}
        </div>
      )}
      <RecordTable
        rows={sends ?? []}
        rowKey={(send) => send.id}
        empty={sends ? M.noSends : undefined}
        columns={[
          { header: "时间", cell: (send) => beijing.format(new Date(send.created_at)) },
          { header: "通知", cell: (send) => send.notice_key },
          { header: "会员", cell: (send) => send.customer_id },
          {
            header: "结果",
            cell: (send) => (
              <Badge size="2xsmall" color={COLOR[send.outcome]}>
                {M.outcomes[send.outcome]}
              </Badge>
            ),
          },
          {
            header: "送达",
            cell: (send) =>
              send.outcome !== "sent" ? "—" : M.deliveries[send.delivery ?? "pending"],
          },
          {
            header: "errcode",
            cell: (send) => (send.errcode === null ? "—" : `${send.errcode} ${send.errmsg ?? ""}`),
          },
        ]}
      />
    </div>
  )
}
