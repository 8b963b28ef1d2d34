import { Button, Heading, Input, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import {
  REPORT_FINDING_RISK_LABELS,
  REPORT_FINDING_RISKS,
  type ReportFinding,
  type ReportFindings,
} from "../../../modules/health-archive/types"
import { adminRequest, errorText } from "../../lib/admin-request"

type Row = {
  item: string
  gene: string
  result: string
  risk: ReportFinding["risk"]
  reference: string
}

const blankRow = (): Row => ({ item: "", gene: "", result: "", risk: "low", reference: "" })

const SOURCE_LABELS = { parser: "由报告自动识别", staff: "实验室人工录入" } as const

/**
 * 结构化结果: the findings the parser read from the report (where its layout is known) or
 * that lab staff enter and correct. Saving replaces the whole list; the member sees it
 * grouped by risk beside the PDF.
 */
export const ReportFindingsEditor = ({ reportId }: { reportId: string }) => {
  const path = `/admin/health-archive/reports/${encodeURIComponent(reportId)}/findings`
  const [rows, setRows] = useState<Row[]>([])
  const [source, setSource] = useState<ReportFindings["source"]>(null)
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)

  const show = (answer: ReportFindings) => {
    setSource(answer.source)
    setRows(
      answer.findings.map((f) => ({
        item: f.item,
        gene: f.gene ?? "",
        result: f.result,
        risk: f.risk,
        reference: f.reference ?? "",
      }))
    )
  }

  useEffect(() => {
    setMessage(undefined)
    adminRequest<ReportFindings>(path)
      .then(show)
      .catch((failure) => setMessage(errorText(failure)))
  }, [path])

  const change = (index: number, patch: Partial<Row>) =>
    setRows((current) => current.map((row, i) => (i === index ? { ...row, ...patch } : row)))

  const save = async () => {
    setBusy(true)
    setMessage(undefined)
    try {
      show(await adminRequest<ReportFindings>(path, { method: "POST", body: { findings: rows } }))
      setMessage("已保存，会员的报告页将显示新的结果")
    } catch (failure) {
      setMessage(errorText(failure))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section>
      <Heading level="h3" className="mb-1">
        结构化结果
      </Heading>
      <Text size="xsmall" className="text-ui-fg-subtle mb-3">
        {source ? SOURCE_LABELS[source] : "尚未录入"}
        ：检测项目、基因、基因型或数值、风险等级与参考说明。
      </Text>
      <div className="flex flex-col gap-y-3">
        {rows.map((row, index) => (
          <div
            key={index}
            className="border-ui-border-base grid grid-cols-2 gap-2 rounded border p-2"
          >
            <Input
              size="small"
              placeholder="检测项目"
              aria-label="检测项目"
              value={row.item}
              onChange={(e) => change(index, { item: e.target.value })}
            />
            <Input
              size="small"
              placeholder="基因（可空）"
              aria-label="基因"
              value={row.gene}
              onChange={(e) => change(index, { gene: e.target.value })}
            />
            <Input
              size="small"
              placeholder="基因型或数值"
              aria-label="结果"
              value={row.result}
              onChange={(e) => change(index, { result: e.target.value })}
            />
            <select
              aria-label="风险等级"
              className="bg-ui-bg-field border-ui-border-base rounded border px-2 text-sm"
              value={row.risk}
              onChange={(e) => change(index, { risk: e.target.value as Row["risk"] })}
            >
              {REPORT_FINDING_RISKS.map((risk) => (
                <option key={risk} value={risk}>
                  {REPORT_FINDING_RISK_LABELS[risk]}
                </option>
              ))}
            </select>
            <Input
              size="small"
              placeholder="参考说明（可空）"
              aria-label="参考说明"
              value={row.reference}
              onChange={(e) => change(index, { reference: e.target.value })}
            />
            <Button
              size="small"
              variant="secondary"
              onClick={() => setRows((current) => current.filter((_, i) => i !== index))}
            >
              删除此条
            </Button>
          </div>
        ))}
      </div>
      <div className="mt-3 flex items-center gap-x-2">
        <Button size="small" variant="secondary" onClick={() => setRows([...rows, blankRow()])}>
          添加一条
        </Button>
        <Button size="small" isLoading={busy} onClick={save}>
          保存结果
        </Button>
      </div>
      {message && (
        <Text size="small" className="mt-2">
          {message}
        </Text>
      )}
    </section>
  )
}
