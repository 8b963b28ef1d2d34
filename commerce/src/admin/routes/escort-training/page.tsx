import { defineRouteConfig } from "@medusajs/admin-sdk"
import { AcademicCap } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { formatBeijingTime } from "../../components/finance/finance-format"
import { RecordTable } from "../../components/shared/record-table"
import { ESCORT_TRAINING_MESSAGES as M } from "./escort-training-messages"

type CourseProgress = {
  course_id: string
  state: string
  label: string
  last_score_percent: number | null
  certificate: { expires_at: string; score_percent: number } | null
  lessons_read: number
  lesson_count: number
}
type Course = { id: string; title: string; required: boolean }
type EscortRow = {
  id: string
  name: string
  city: string
  status: string
  qualified: boolean
  missing_required: string[]
  courses: CourseProgress[]
}
type Certificate = {
  id: string
  course_title: string
  score_percent: number
  issued_at: string
  expires_at: string
}

/** One cell: the escort's standing on a course, with the certificate's last day when passed. */
function ProgressCell({ progress }: { progress: CourseProgress | undefined }) {
  if (!progress) return <Text size="small">—</Text>
  const color =
    progress.state === "passed" ? "green" : progress.state === "not_started" ? "grey" : "red"
  return (
    <div className="flex flex-col gap-1">
      <Badge size="2xsmall" color={color}>
        {progress.label}
      </Badge>
      {progress.lesson_count > 0 ? (
        <Text size="xsmall" className="text-ui-fg-subtle" data-testid="training-reading">
          {M.lessonsRead(progress.lessons_read, progress.lesson_count)}
        </Text>
      ) : null}
      {progress.certificate ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {progress.certificate.score_percent} 分 · 至{" "}
          {formatBeijingTime(progress.certificate.expires_at)}
        </Text>
      ) : progress.last_score_percent !== null ? (
        <Text size="xsmall" className="text-ui-fg-subtle">
          上次 {progress.last_score_percent} 分
        </Text>
      ) : null}
    </div>
  )
}

/** 培训考试: each escort's progress per course, whether they may take tasks, and certificates. */
const EscortTrainingPage = () => {
  const [courses, setCourses] = useState<Course[]>()
  const [escorts, setEscorts] = useState<EscortRow[]>()
  const [openId, setOpenId] = useState<string | null>(null)
  const [certificates, setCertificates] = useState<Certificate[]>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)

  const load = useCallback(() => {
    setError(undefined)
    adminRequest<{ courses: Course[]; escorts: EscortRow[] }>("/admin/escort-training")
      .then((answer) => {
        setCourses(answer.courses)
        setEscorts(answer.escorts)
      })
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  useEffect(() => {
    if (!openId) return setCertificates(undefined)
    adminRequest<{ certificates: Certificate[] }>(
      `/admin/escort-training/escorts/${encodeURIComponent(openId)}`
    )
      .then((answer) => setCertificates(answer.certificates))
      .catch((e) => setError(errorText(e)))
  }, [openId])

  const sync = async () => {
    setBusy(true)
    setNotice(undefined)
    try {
      const answer = await adminRequest<{ courses: number }>("/admin/escort-training/sync", {
        method: "POST",
        body: {},
      })
      setNotice(M.synced(answer.courses))
      load()
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  const open = escorts?.find((row) => row.id === openId)
  return (
    <Container className="flex flex-col gap-y-4 p-6" data-testid="escort-training-page">
      <div className="flex items-start justify-between gap-4">
        <div>
          <Heading level="h1">{M.title}</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {M.intro}
          </Text>
        </div>
        <Button size="small" variant="secondary" disabled={busy} onClick={() => void sync()}>
          {M.sync}
        </Button>
      </div>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {notice && <Text className="text-ui-fg-subtle">{notice}</Text>}
      {courses && courses.length === 0 && <Text className="text-ui-fg-subtle">{M.noCourses}</Text>}
      {open ? (
        <div className="flex flex-col gap-3" data-testid="escort-training-certificates">
          <Button variant="secondary" size="small" onClick={() => setOpenId(null)}>
            {M.back}
          </Button>
          <Heading level="h2">
            {open.name} · {M.detail}
          </Heading>
          <RecordTable
            rows={certificates ?? []}
            rowKey={(row) => row.id}
            empty={certificates ? M.noCertificates : undefined}
            columns={[
              { header: "课程", cell: (row) => row.course_title },
              { header: "成绩", cell: (row) => `${row.score_percent} 分` },
              { header: "发证时间", cell: (row) => formatBeijingTime(row.issued_at) },
              { header: "有效期至", cell: (row) => formatBeijingTime(row.expires_at) },
            ]}
          />
        </div>
      ) : (
        <RecordTable
          rows={escorts ?? []}
          rowKey={(row) => row.id}
          empty={escorts ? M.empty : undefined}
          columns={[
            { header: "陪诊员", cell: (row) => row.name },
            { header: "城市", cell: (row) => row.city },
            { header: "状态", cell: (row) => M.statusLabels[row.status] ?? row.status },
            {
              header: "接单资格",
              cell: (row) => (
                <Badge size="2xsmall" color={row.qualified ? "green" : "orange"}>
                  {row.qualified ? M.qualified : M.notQualified}
                </Badge>
              ),
            },
            ...(courses ?? []).map((course) => ({
              header: `${course.title}${course.required ? "（必修）" : ""}`,
              cell: (row: EscortRow) => (
                <ProgressCell progress={row.courses.find((c) => c.course_id === course.id)} />
              ),
            })),
            {
              header: "",
              cell: (row) => (
                <Button size="small" variant="secondary" onClick={() => setOpenId(row.id)}>
                  {M.detail}
                </Button>
              ),
            },
          ]}
        />
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "培训考试", icon: AcademicCap })

export default EscortTrainingPage
