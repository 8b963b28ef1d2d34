import { Button, Container, Heading, Text } from "@medusajs/ui"
import { chartOption, isEmptyBlock } from "./dashboard-charts"
import { DashboardChart } from "./dashboard-chart"
import type { DashboardBlock, DashboardFigures } from "./dashboard-types"

/** What a chart alone cannot say: the step without data, the turnaround figures. */
function BlockNotes({ block, figures }: { block: DashboardBlock; figures: unknown }) {
  if (block === "conversion") {
    const notes = (figures as DashboardFigures["conversion"]).filter((step) => step.note)
    return (
      <>
        {notes.map((step) => (
          <Text key={step.step} size="xsmall" className="text-ui-fg-subtle">
            {step.note}
          </Text>
        ))}
      </>
    )
  }
  if (block === "members") {
    return (
      <Text size="xsmall" className="text-ui-fg-subtle">
        微信公众号：公众号网页授权登录尚未上线，暂无数据
      </Text>
    )
  }
  if (block === "kits") {
    const { turnaround } = figures as DashboardFigures["kits"]
    const hours = (value: number | null) => (value === null ? "—" : `${value} 小时`)
    return (
      <Text size="small">
        出报告周期（支付 → 查看报告，{turnaround.reports} 份）：中位数{" "}
        {hours(turnaround.median_hours)}
        ，90 分位 {hours(turnaround.p90_hours)}
      </Text>
    )
  }
  if (block === "appointments") {
    return (
      <Text size="xsmall" className="text-ui-fg-subtle">
        {(figures as DashboardFigures["appointments"])
          .map((r) => `${r.site_name} ${r.slot}：${r.usage === null ? "—" : `${r.usage}%`}`)
          .join("；")}
      </Text>
    )
  }
  return null
}

/** One block of 数据统计: its chart (or 暂无数据), notes and its own Excel download. */
export function BlockCard<B extends DashboardBlock>({
  block,
  title,
  figures,
  search,
}: {
  block: B
  title: string
  figures: DashboardFigures[B] | undefined
  search: string
}) {
  const empty = figures === undefined || isEmptyBlock(block, figures)
  return (
    <Container className="flex flex-col gap-y-2 p-4">
      <div className="flex items-center justify-between gap-2">
        <Heading level="h2">{title}</Heading>
        <Button size="small" variant="transparent" asChild>
          <a href={`/admin/dashboard/export?${search}&block=${block}`} download>
            导出 Excel
          </a>
        </Button>
      </div>
      {empty ? (
        <Text className="text-ui-fg-subtle py-12 text-center">暂无数据</Text>
      ) : (
        <DashboardChart option={chartOption[block](figures)} name={`${title}_${search}`} />
      )}
      {figures !== undefined && <BlockNotes block={block} figures={figures} />}
    </Container>
  )
}
