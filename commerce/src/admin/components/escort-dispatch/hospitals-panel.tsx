import { Button, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../finance/finance-format"
import { RecordTable } from "../shared/record-table"
import { DISPATCH_MESSAGES as M } from "./dispatch-messages"

type Hospital = {
  id: string
  name: string
  level: string
  city: string
  address: string
  departments: { id: string; name: string; sop: unknown[] }[]
}

/** 医院目录: the hospitals synced from the CMS (edited there), and a sync on demand. */
export function HospitalsPanel() {
  const [catalogue, setCatalogue] = useState<{ hospitals: Hospital[]; synced_at: string | null }>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    adminRequest<{ hospitals: Hospital[]; synced_at: string | null }>("/admin/escort-hospitals")
      .then(setCatalogue)
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const sync = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await adminRequest("/admin/escort-hospitals/sync", { method: "POST" })
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <div className="flex items-center gap-3">
        <Button size="small" variant="secondary" onClick={sync} disabled={busy}>
          {busy ? "正在同步…" : M.sync}
        </Button>
        <Text size="small" className="text-ui-fg-subtle">
          {M.syncedAt}：{catalogue?.synced_at ? formatBeijingTime(catalogue.synced_at) : "从未"}
        </Text>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={catalogue?.hospitals ?? []}
        rowKey={(row) => row.id}
        empty={catalogue ? M.noHospitals : undefined}
        columns={[
          { header: "城市", cell: (row) => row.city },
          { header: "医院", cell: (row) => `${row.name}（${row.level}）` },
          { header: "地址", cell: (row) => row.address },
          {
            header: "科室（SOP 步骤数）",
            cell: (row) => row.departments.map((d) => `${d.name}(${d.sop.length})`).join("、"),
          },
        ]}
      />
    </div>
  )
}
