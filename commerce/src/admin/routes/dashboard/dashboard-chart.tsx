import ReactECharts from "echarts-for-react"

/** One ECharts chart with a 保存图片 tool, named for the file it saves. */
export function DashboardChart({
  option,
  name,
}: {
  option: Record<string, unknown>
  name: string
}) {
  return (
    <ReactECharts
      notMerge
      style={{ height: 300, width: "100%" }}
      option={{
        ...option,
        toolbox: { feature: { saveAsImage: { title: "保存图片", name } } },
      }}
    />
  )
}
