import { Button, Input, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { DISPATCH_MESSAGES as M } from "./dispatch-messages"

type Alert = {
  id: string
  booking_id: string
  kind_label: string
  city: string
  message: string
  raised_at: string
  sms_sent_at: string | null
}

/** 异常告警: open alerts (raised once each, texted to the on-duty staff), resolved with a note. */
export function DispatchAlertsPanel() {
  const [alerts, setAlerts] = useState<Alert[]>()
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()

  const load = useCallback(() => {
    adminRequest<{ alerts: Alert[] }>("/admin/escort-dispatch/alerts?status=open")
      .then((answer) => setAlerts(answer.alerts))
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const resolve = async (alert: Alert) => {
    setError(undefined)
    try {
      await adminRequest(`/admin/escort-dispatch/alerts/${encodeURIComponent(alert.id)}/resolve`, {
        method: "POST",
        body: { note: notes[alert.id] ?? "" },
      })
      load()
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={alerts ?? []}
        rowKey={(row) => row.id}
        empty={alerts ? M.noAlerts : undefined}
        columns={[
          { header: "时间", cell: (row) => formatBeijingTime(row.raised_at) },
          { header: "类型", cell: (row) => row.kind_label },
          { header: "城市", cell: (row) => row.city },
          { header: "说明", cell: (row) => row.message },
          { header: "订单", cell: (row) => row.booking_id },
          { header: "短信", cell: (row) => (row.sms_sent_at ? "已通知值班" : "待发送") },
          {
            header: M.resolve,
            cell: (row) => (
              <div className="flex gap-2">
                <Input
                  size="small"
                  placeholder={M.resolveNote}
                  value={notes[row.id] ?? ""}
                  onChange={(event) => setNotes({ ...notes, [row.id]: event.target.value })}
                />
                <Button size="small" variant="secondary" onClick={() => resolve(row)}>
                  {M.resolve}
                </Button>
              </div>
            ),
          },
        ]}
      />
    </div>
  )
}
