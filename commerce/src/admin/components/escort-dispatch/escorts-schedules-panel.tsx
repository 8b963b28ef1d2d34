import { Button, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { RecordTable } from "../shared/record-table"
import { DISPATCH_MESSAGES as M } from "./dispatch-messages"
import { describeSchedule, type Schedule } from "./schedule-text"

type Escort = {
  id: string
  name: string
  phone: string
  city: string
  level: string
  status: string
}

const LEVELS: Record<string, string> = { trainee: "见习", silver: "银牌", gold: "金牌" }

/** 陪诊员与排班: every escort with their city and level; a row's schedule on demand. */
export function EscortsSchedulesPanel() {
  const [escorts, setEscorts] = useState<Escort[]>()
  const [schedules, setSchedules] = useState<Record<string, string>>({})
  const [error, setError] = useState<string>()

  useEffect(() => {
    adminRequest<{ escorts: Escort[] }>("/admin/escorts")
      .then((answer) => setEscorts(answer.escorts))
      .catch((e) => setError(errorText(e)))
  }, [])

  const showSchedule = async (escort: Escort) => {
    try {
      const { schedule } = await adminRequest<{ schedule: Schedule | null }>(
        `/admin/escort-dispatch/schedules/${encodeURIComponent(escort.id)}`
      )
      setSchedules((all) => ({ ...all, [escort.id]: describeSchedule(schedule) }))
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={escorts ?? []}
        rowKey={(row) => row.id}
        empty={escorts ? M.noEscorts : undefined}
        columns={[
          { header: "姓名", cell: (row) => row.name },
          { header: "城市", cell: (row) => row.city },
          { header: "等级", cell: (row) => LEVELS[row.level] ?? row.level },
          {
            header: "状态",
            cell: (row) =>
              row.status === "active"
                ? "在岗"
                : row.status === "applicant"
                  ? "入驻审核中"
                  : "已停用",
          },
          {
            header: "排班",
            cell: (row) =>
              schedules[row.id] ?? (
                <Button size="small" variant="transparent" onClick={() => showSchedule(row)}>
                  查看排班
                </Button>
              ),
          },
        ]}
      />
    </div>
  )
}
