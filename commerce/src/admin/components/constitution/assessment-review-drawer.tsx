import { Badge, Button, Drawer, Heading, Label, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatShanghaiTime } from "../lab/format-shanghai-time"
import {
  applies,
  emptySections,
  SECTIONS,
  SEX_LABELS,
  STATUS_LABELS,
  TYPE_CODES,
  TYPE_NAMES,
  type Sections,
} from "./constitution-labels"
import type { AssessmentDetail, StaffReview } from "./constitution-types"
import { ReviewVersions } from "./review-versions"
import { ScoreBars } from "./score-bars"

const MAX_REASON = 200

/**
 * One result opened by an expert (the server logs the read): the member, the scores and
 * verdicts, and the 养生评估报告 form: save a draft, or publish it to the member. A
 * published report is corrected by 修订: the editor opens on the current text, a 修订说明
 * is required, and every published version stays listed.
 */
export const AssessmentReviewDrawer = ({
  assessmentId,
  onClose,
  onChanged,
}: {
  assessmentId: string | null
  onClose: () => void
  onChanged: () => void
}) => {
  const [detail, setDetail] = useState<AssessmentDetail>()
  const [sections, setSections] = useState<Sections>(emptySections())
  const [problem, setProblem] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState<"save" | "publish" | "revise">()
  const [revising, setRevising] = useState(false)
  const [reason, setReason] = useState("")

  const load = (id: string) =>
    adminRequest<{ assessment: AssessmentDetail }>(
      `/admin/constitution/assessments/${encodeURIComponent(id)}`
    ).then(({ assessment }) => {
      setDetail(assessment)
      setSections({ ...emptySections(), ...(assessment.review?.sections ?? {}) })
    })

  useEffect(() => {
    setDetail(undefined)
    setProblem(undefined)
    setNotice(undefined)
    setRevising(false)
    setReason("")
    if (!assessmentId) return
    load(assessmentId).catch((error) => setProblem(errorText(error)))
  }, [assessmentId])

  const published = detail?.review?.status === "published"
  const editable = !published || revising

  const startRevision = () => {
    if (!detail?.review) return
    setSections({ ...emptySections(), ...detail.review.sections })
    setReason("")
    setNotice(undefined)
    setProblem(undefined)
    setRevising(true)
  }

  const cancelRevision = () => {
    setSections({ ...emptySections(), ...(detail?.review?.sections ?? {}) })
    setReason("")
    setRevising(false)
  }

  const revise = async () => {
    const current = detail?.review
    if (!detail || !current) return
    if (
      !window.confirm(
        `修订将作为第 ${current.revision + 1} 版发布，会员会收到「报告已更新」通知，并能看到修订说明和此前的版本。确认发布修订？`
      )
    )
      return
    setBusy("revise")
    setProblem(undefined)
    setNotice(undefined)
    try {
      const { review } = await adminRequest<{ review: StaffReview }>(
        `/admin/constitution/assessments/${encodeURIComponent(detail.id)}/review/revise`,
        {
          method: "POST",
          // The version edited: a colleague's newer 修订 is refused (409), not overwritten.
          body: { sections, reason, base_revision: current.revision },
        }
      )
      setDetail({ ...detail, review, review_status: review.status })
      setSections({ ...emptySections(), ...review.sections })
      setRevising(false)
      setReason("")
      setNotice(`已发布第 ${review.revision} 版，会员已收到更新通知`)
      onChanged()
    } catch (error) {
      setProblem(errorText(error))
    } finally {
      setBusy(undefined)
    }
  }

  const send = async (kind: "save" | "publish") => {
    if (!detail) return
    if (
      kind === "publish" &&
      !window.confirm(
        "发布后会员将收到通知并可查看；之后如需更正，只能以「修订」发布新版本。确认发布？"
      )
    )
      return
    setBusy(kind)
    setProblem(undefined)
    setNotice(undefined)
    try {
      const path = `/admin/constitution/assessments/${encodeURIComponent(detail.id)}/review${kind === "publish" ? "/publish" : ""}`
      const { review } = await adminRequest<{ review: StaffReview }>(path, {
        method: "POST",
        body: { sections },
      })
      setDetail({ ...detail, review, review_status: review.status })
      setNotice(kind === "publish" ? "已发布，会员已收到通知" : "草稿已保存")
      onChanged()
      // The version list comes with the result: read it again after a publish.
      if (kind === "publish") await load(detail.id)
    } catch (error) {
      setProblem(errorText(error))
    } finally {
      setBusy(undefined)
    }
  }

  const applied = detail ? TYPE_CODES.filter((code) => applies(detail.verdicts[code])) : []

  return (
    <Drawer open={Boolean(assessmentId)} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="max-w-2xl">
        <Drawer.Header>
          <Drawer.Title>体质辨识结果与养生评估</Drawer.Title>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
          {!detail && !problem && <Text className="text-ui-fg-subtle">正在加载…</Text>}
          {problem && <Text className="text-ui-fg-error">{problem}</Text>}
          {detail && (
            <>
              <section className="flex flex-col gap-y-1">
                <Heading level="h3">
                  {detail.customer.name}（{SEX_LABELS[detail.sex]}）
                </Heading>
                <Text size="small" className="text-ui-fg-subtle">
                  {[detail.customer.phone, detail.customer.email].filter(Boolean).join(" · ") ||
                    "未留联系方式"}
                </Text>
                <Text size="small" className="text-ui-fg-subtle">
                  测评时间 {formatShanghaiTime(detail.created_at)} · 问卷第{" "}
                  {detail.questionnaire_version ?? 1} 版（{detail.item_version}）
                </Text>
                <div className="mt-2 flex flex-wrap gap-1">
                  <Badge color="blue">主要体质：{TYPE_NAMES[detail.primary]}</Badge>
                  {applied
                    .filter((code) => code !== detail.primary)
                    .map((code) => (
                      <Badge key={code} color="orange">
                        {TYPE_NAMES[code]}：{detail.verdicts[code]}
                      </Badge>
                    ))}
                </div>
              </section>
              <section>
                <Heading level="h3" className="mb-2">
                  转化分（竖线为 30、40 分判定线）
                </Heading>
                <ScoreBars scores={detail.scores} verdicts={detail.verdicts} />
              </section>
              <details>
                <summary className="cursor-pointer text-ui-fg-subtle">
                  查看全部作答（1 没有 · 2 很少 · 3 有时 · 4 经常 · 5 总是）
                </summary>
                {detail.questions?.length ? (
                  // The questions as worded in the version answered, with each answer.
                  <ol className="mt-2 flex flex-col gap-y-1">
                    {detail.questions.map((question) => (
                      <li key={question.code}>
                        <Text size="xsmall">
                          <span className="tabular-nums text-ui-fg-subtle">{question.code}</span>{" "}
                          {question.text}：
                          <span className="tabular-nums">
                            {detail.answers[question.code] ?? "—"}
                          </span>
                        </Text>
                      </li>
                    ))}
                  </ol>
                ) : (
                  <div className="mt-2 grid grid-cols-6 gap-1">
                    {Object.entries(detail.answers)
                      .sort(([a], [b]) => a.localeCompare(b))
                      .map(([code, value]) => (
                        <Text key={code} size="xsmall" className="tabular-nums">
                          {code}: {value}
                        </Text>
                      ))}
                  </div>
                )}
              </details>
              <section className="flex flex-col gap-y-4">
                <div className="flex items-center gap-x-2">
                  <Heading level="h3">养生评估报告</Heading>
                  <Badge size="2xsmall" color={published ? "green" : "grey"}>
                    {STATUS_LABELS[detail.review?.status ?? "pending"]}
                  </Badge>
                  {published && (detail.review?.revision ?? 0) > 1 && (
                    <Badge size="2xsmall" color="orange">
                      第 {detail.review?.revision} 版
                    </Badge>
                  )}
                </div>
                {detail.review?.published_at && (
                  <Text size="small" className="text-ui-fg-subtle">
                    {detail.review.revised_at
                      ? `首次发布于 ${formatShanghaiTime(detail.review.published_at)}，${detail.review.expert_name ?? "专家"}最近修订于 ${formatShanghaiTime(detail.review.revised_at)}。`
                      : `${detail.review.expert_name ?? "专家"}发布于 ${formatShanghaiTime(detail.review.published_at)}。`}
                    {revising
                      ? "修改下方内容并填写修订说明；发布后会员会收到通知，此前的版本仍保留。"
                      : "已发布的报告如需更正，请点「修订」。"}
                  </Text>
                )}
                {SECTIONS.map((section) => (
                  <div key={section.key} className="flex flex-col gap-y-1">
                    <Label htmlFor={`review-${section.key}`}>{section.label}</Label>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {section.hint}
                    </Text>
                    <Textarea
                      id={`review-${section.key}`}
                      rows={section.key === "summary" ? 5 : 3}
                      value={sections[section.key]}
                      disabled={!editable}
                      maxLength={4000}
                      onChange={(event) =>
                        setSections({ ...sections, [section.key]: event.target.value })
                      }
                    />
                  </div>
                ))}
                {revising && (
                  <div className="flex flex-col gap-y-1">
                    <Label htmlFor="review-reason">修订说明（必填）</Label>
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      会员会在报告上看到：改了什么、为什么改（{MAX_REASON} 字以内）
                    </Text>
                    <Textarea
                      id="review-reason"
                      rows={2}
                      value={reason}
                      maxLength={MAX_REASON}
                      onChange={(event) => setReason(event.target.value)}
                    />
                  </div>
                )}
                {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
              </section>
              {!!detail.review?.versions?.length && (
                <ReviewVersions versions={detail.review.versions} />
              )}
            </>
          )}
        </Drawer.Body>
        {detail && published && (
          <Drawer.Footer>
            {revising ? (
              <>
                <Button variant="secondary" onClick={cancelRevision} disabled={!!busy}>
                  取消修订
                </Button>
                <Button
                  onClick={revise}
                  isLoading={busy === "revise"}
                  disabled={!!busy || !reason.trim() || !sections.summary.trim()}
                >
                  发布修订
                </Button>
              </>
            ) : (
              <Button variant="secondary" onClick={startRevision}>
                修订
              </Button>
            )}
          </Drawer.Footer>
        )}
        {detail && !published && (
          <Drawer.Footer>
            <Button
              variant="secondary"
              onClick={() => send("save")}
              isLoading={busy === "save"}
              disabled={!!busy}
            >
              保存草稿
            </Button>
            <Button
              onClick={() => send("publish")}
              isLoading={busy === "publish"}
              disabled={!!busy || !sections.summary.trim()}
            >
              发布给会员
            </Button>
          </Drawer.Footer>
        )}
      </Drawer.Content>
    </Drawer>
  )
}
