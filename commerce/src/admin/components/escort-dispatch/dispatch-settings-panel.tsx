import { Button, Input, Select, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { RecordTable } from "../shared/record-table"
import { DISPATCH_MESSAGES as M } from "./dispatch-messages"

type Setting = { city: string; mode: "grab" | "auto"; accept_minutes: number }

/** 派单设置: per city, grab (抢单) or auto-dispatch with its accept deadline. */
export function DispatchSettingsPanel() {
  const [settings, setSettings] = useState<Setting[]>()
  const [draft, setDraft] = useState<{ city: string; mode: "grab" | "auto"; minutes: string }>({
    city: "",
    mode: "grab",
    minutes: "10",
  })
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()

  const load = useCallback(() => {
    adminRequest<{ settings: Setting[] }>("/admin/escort-dispatch/settings")
      .then((answer) => setSettings(answer.settings))
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const save = async () => {
    setError(undefined)
    setNotice(undefined)
    try {
      await adminRequest("/admin/escort-dispatch/settings", {
        method: "POST",
        body: { city: draft.city, mode: draft.mode, accept_minutes: Number(draft.minutes) },
      })
      setNotice(`${draft.city}已设为${M.modes[draft.mode]}`)
      load()
    } catch (e) {
      setError(errorText(e))
    }
  }

  return (
    <div className="flex flex-col gap-3">
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      <RecordTable
        rows={settings ?? []}
        rowKey={(row) => row.city}
        empty={settings ? M.noSettings : undefined}
        onRowClick={(row) =>
          setDraft({ city: row.city, mode: row.mode, minutes: String(row.accept_minutes) })
        }
        columns={[
          { header: "城市", cell: (row) => row.city },
          { header: "派单模式", cell: (row) => M.modes[row.mode] },
          { header: "接单时限", cell: (row) => `${row.accept_minutes} 分钟` },
        ]}
      />
      <div className="flex items-center gap-2">
        <Input
          placeholder="城市，如：长沙市"
          value={draft.city}
          onChange={(event) => setDraft({ ...draft, city: event.target.value })}
          className="max-w-[12rem]"
        />
        <Select
          value={draft.mode}
          onValueChange={(mode) => setDraft({ ...draft, mode: mode as "grab" | "auto" })}
        >
          <Select.Trigger className="max-w-[10rem]">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            <Select.Item value="grab">{M.modes.grab}</Select.Item>
            <Select.Item value="auto">{M.modes.auto}</Select.Item>
          </Select.Content>
        </Select>
        <Input
          type="number"
          min={1}
          max={240}
          value={draft.minutes}
          onChange={(event) => setDraft({ ...draft, minutes: event.target.value })}
          className="max-w-[7rem]"
          aria-label="接单时限（分钟）"
        />
        <Button size="small" onClick={save} disabled={!draft.city.trim()}>
          {M.save}
        </Button>
      </div>
    </div>
  )
}
