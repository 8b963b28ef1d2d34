import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ChartPie } from "@medusajs/icons"
import { Button, Container, Heading, Input, Label, Text } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { BlockCard } from "./block-card"
import { granularityFor, PRESETS, presetOf, type Period } from "./dashboard-period"
import { BLOCKS, type DashboardFigures } from "./dashboard-types"

/** 本月 / 上月 / 近7天 / 近30天 / 自定义 (two Beijing dates). */
function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const preset = presetOf(value)
  return (
    <div className="flex flex-wrap items-end gap-2">
      {PRESETS.map((p) => (
        <Button
          key={p.key}
          size="small"
          variant={preset === p.key ? "primary" : "secondary"}
          onClick={() => onChange(p.period())}
        >
          {p.label}
        </Button>
      ))}
      <Text size="small" className={preset ? "text-ui-fg-subtle" : "font-medium"}>
        自定义
      </Text>
      <div className="flex flex-col gap-1">
        <Label size="xsmall">开始日期</Label>
        <Input
          type="date"
          size="small"
          value={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        />
      </div>
      <div className="flex flex-col gap-1">
        <Label size="xsmall">结束日期</Label>
        <Input
          type="date"
          size="small"
          value={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        />
      </div>
    </div>
  )
}

/** 数据统计: one chart per block over a period of Beijing days, each exportable. */
const DashboardPage = () => {
  const [period, setPeriod] = useState<Period>(PRESETS[0].period)
  const [figures, setFigures] = useState<DashboardFigures>()
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(false)
  const search = useMemo(
    () => new URLSearchParams({ ...period, granularity: granularityFor(period) }).toString(),
    [period]
  )

  useEffect(() => {
    let current = true
    setError(undefined)
    setLoading(true)
    adminRequest<DashboardFigures>(`/admin/dashboard/overview?${search}`)
      .then((answer) => current && setFigures(answer))
      .catch((e) => {
        if (!current) return
        setFigures(undefined)
        setError(errorText(e))
      })
      .finally(() => current && setLoading(false))
    return () => {
      current = false
    }
  }, [search])

  return (
    <div className="flex flex-col gap-y-4">
      <Container className="flex flex-col gap-y-4 p-6">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div>
            <Heading level="h1">数据统计</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              按北京时间统计所选期间的经营数据；金额单位为元。
            </Text>
          </div>
          <Button size="small" variant="secondary" asChild>
            <a href={`/admin/dashboard/export?${search}`} download>
              导出 Excel
            </a>
          </Button>
        </div>
        <PeriodPicker value={period} onChange={setPeriod} />
        {error && <Text className="text-ui-fg-error">{error}</Text>}
        {loading && <Text className="text-ui-fg-subtle">加载中…</Text>}
      </Container>
      {figures && (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          {BLOCKS.map(({ block, title }) => (
            <BlockCard
              key={block}
              block={block}
              title={title}
              figures={figures[block]}
              search={search}
            />
          ))}
        </div>
      )}
    </div>
  )
}

export const config = defineRouteConfig({ label: "数据统计", icon: ChartPie })

export default DashboardPage
