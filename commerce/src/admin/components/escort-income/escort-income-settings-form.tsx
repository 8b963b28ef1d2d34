import { Button, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { ESCORT_INCOME_MESSAGES as M, LEVEL_TEXT } from "./escort-income-messages"

type Rule = { min_completed: number; min_ratings: number; min_rating: number }
type Settings = {
  share_percent: Record<"trainee" | "silver" | "gold", number>
  level_rules: Record<"silver" | "gold", Rule>
  release_hours: number
}

const RULE_FIELDS: [keyof Rule, string][] = [
  ["min_completed", "完成单数 ≥"],
  ["min_ratings", "评分条数 ≥"],
  ["min_rating", "平均分 ≥"],
]

/** Shares by level, level rules and the auto-release hours; the server checks them. */
export function EscortIncomeSettingsForm() {
  const [settings, setSettings] = useState<Settings>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    adminRequest<{ settings: Settings }>("/admin/escort-income/settings")
      .then((answer) => setSettings(answer.settings))
      .catch((e) => setError(errorText(e)))
  }, [])

  if (!settings) return error ? <Text className="text-ui-fg-error">{error}</Text> : null

  const number = (value: string) => (value.trim() === "" ? Number.NaN : Number(value))
  const save = async () => {
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    try {
      const answer = await adminRequest<{ settings: Settings }>("/admin/escort-income/settings", {
        method: "POST",
        body: settings,
      })
      setSettings(answer.settings)
      setNotice(M.saved)
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="flex max-w-xl flex-col gap-4">
      <div className="grid grid-cols-3 gap-3">
        {(["trainee", "silver", "gold"] as const).map((level) => (
          <div key={level} className="flex flex-col gap-1">
            <Label size="xsmall">{LEVEL_TEXT[level]}分成（%）</Label>
            <Input
              type="number"
              size="small"
              value={String(settings.share_percent[level])}
              onChange={(e) =>
                setSettings({
                  ...settings,
                  share_percent: { ...settings.share_percent, [level]: number(e.target.value) },
                })
              }
            />
          </div>
        ))}
      </div>
      {(["silver", "gold"] as const).map((level) => (
        <div key={level} className="flex flex-col gap-1">
          <Text size="small" weight="plus">
            {LEVEL_TEXT[level]}条件
          </Text>
          <div className="grid grid-cols-3 gap-3">
            {RULE_FIELDS.map(([field, label]) => (
              <div key={field} className="flex flex-col gap-1">
                <Label size="xsmall">{label}</Label>
                <Input
                  type="number"
                  size="small"
                  value={String(settings.level_rules[level][field])}
                  onChange={(e) =>
                    setSettings({
                      ...settings,
                      level_rules: {
                        ...settings.level_rules,
                        [level]: {
                          ...settings.level_rules[level],
                          [field]: number(e.target.value),
                        },
                      },
                    })
                  }
                />
              </div>
            ))}
          </div>
        </div>
      ))}
      <div className="flex w-48 flex-col gap-1">
        <Label size="xsmall">服务完成后自动结算（小时）</Label>
        <Input
          type="number"
          size="small"
          value={String(settings.release_hours)}
          onChange={(e) => setSettings({ ...settings, release_hours: number(e.target.value) })}
        />
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      <div>
        <Button size="small" isLoading={busy} onClick={save}>
          {M.save}
        </Button>
      </div>
    </div>
  )
}
