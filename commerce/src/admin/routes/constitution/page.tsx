import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Heart } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { AssessmentReviewDrawer } from "../../components/constitution/assessment-review-drawer"
import {
  applies,
  SEX_LABELS,
  STATUS_LABELS,
  STATUS_TABS,
  TYPE_CODES,
  TYPE_NAMES,
  type StatusTab,
} from "../../components/constitution/constitution-labels"
import type { AssessmentRow } from "../../components/constitution/constitution-types"
import { formatShanghaiTime } from "../../components/lab/format-shanghai-time"
import { AdminPagination } from "../../components/shared/admin-pagination"
import { adminRequest, errorText, isForbidden } from "../../lib/admin-request"

const PAGE = 20

/**
 * 体质评估 for experts (专家): members' constitution results by report status; opening one
 * shows its scores (logged as a health-data read) and the 养生评估报告 form.
 */
const ConstitutionPage = () => {
  const [tab, setTab] = useState<StatusTab>("pending")
  const [offset, setOffset] = useState(0)
  const [rows, setRows] = useState<AssessmentRow[]>([])
  const [count, setCount] = useState(0)
  const [problem, setProblem] = useState<string>()
  const [loading, setLoading] = useState(true)
  const [openId, setOpenId] = useState<string | null>(null)

  const load = useCallback(() => {
    setLoading(true)
    const status = tab === "all" ? "" : `&status=${tab}`
    adminRequest<{ assessments: AssessmentRow[]; count: number }>(
      `/admin/constitution/assessments?limit=${PAGE}&offset=${offset}${status}`
    )
      .then(({ assessments, count }) => {
        setRows(assessments)
        setCount(count)
        setProblem(undefined)
      })
      .catch((error) =>
        setProblem(isForbidden(error) ? errorText(error) : `加载失败：${errorText(error)}`)
      )
      .finally(() => setLoading(false))
  }, [tab, offset])

  useEffect(load, [load])

  return (
    <Container className="flex flex-col gap-y-4">
      <div className="flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h1">体质评估</Heading>
          <Text className="text-ui-fg-subtle">
            会员完成中医体质辨识后，结果出现在「待评估」。打开一条查看转化分与判定，撰写养生评估报告，保存草稿或发布给会员（会员会收到站内消息和短信通知）。每次查看都会记入会员的健康档案访问记录。
          </Text>
        </div>
        <Button
          variant="secondary"
          size="small"
          className="shrink-0"
          onClick={load}
          isLoading={loading}
        >
          刷新
        </Button>
      </div>
      <div className="flex gap-x-2" role="tablist" aria-label="评估状态">
        {STATUS_TABS.map((t) => (
          <Button
            key={t.id}
            size="small"
            role="tab"
            aria-selected={t.id === tab}
            variant={t.id === tab ? "primary" : "transparent"}
            onClick={() => {
              setTab(t.id)
              setOffset(0)
            }}
          >
            {t.label}
          </Button>
        ))}
      </div>
      {problem && <Text className="text-ui-fg-error">{problem}</Text>}
      {!problem && !loading && rows.length === 0 && (
        <Text className="text-ui-fg-subtle">
          {tab === "pending" ? "没有待评估的结果。" : "这里还没有记录。"}
        </Text>
      )}
      {rows.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>测评时间</Table.HeaderCell>
              <Table.HeaderCell>会员</Table.HeaderCell>
              <Table.HeaderCell>性别</Table.HeaderCell>
              <Table.HeaderCell>主要体质</Table.HeaderCell>
              <Table.HeaderCell>兼夹 / 倾向</Table.HeaderCell>
              <Table.HeaderCell>报告</Table.HeaderCell>
              <Table.HeaderCell />
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {rows.map((row) => (
              <Table.Row key={row.id}>
                <Table.Cell>{formatShanghaiTime(row.created_at)}</Table.Cell>
                <Table.Cell>{row.customer.name}</Table.Cell>
                <Table.Cell>{SEX_LABELS[row.sex]}</Table.Cell>
                <Table.Cell>
                  {TYPE_NAMES[row.primary]}（{row.verdicts[row.primary]}）
                </Table.Cell>
                <Table.Cell>
                  {TYPE_CODES.filter((c) => c !== row.primary && applies(row.verdicts[c]))
                    .map((c) => `${TYPE_NAMES[c]}${row.verdicts[c] === "倾向是" ? "倾向" : ""}`)
                    .join("、") || "—"}
                </Table.Cell>
                <Table.Cell>
                  <Badge
                    size="2xsmall"
                    color={
                      row.review_status === "published"
                        ? "green"
                        : row.review_status === "draft"
                          ? "orange"
                          : "grey"
                    }
                  >
                    {STATUS_LABELS[row.review_status]}
                  </Badge>
                </Table.Cell>
                <Table.Cell>
                  <Button size="small" variant="secondary" onClick={() => setOpenId(row.id)}>
                    {row.review_status === "published" ? "查看 · 修订" : "撰写评估"}
                  </Button>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {count > PAGE && (
        <AdminPagination
          count={count}
          pageSize={PAGE}
          page={offset / PAGE}
          onPageChange={(page) => setOffset(page * PAGE)}
        />
      )}
      <AssessmentReviewDrawer
        assessmentId={openId}
        onClose={() => setOpenId(null)}
        onChanged={load}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "体质评估", icon: Heart })

export default ConstitutionPage
