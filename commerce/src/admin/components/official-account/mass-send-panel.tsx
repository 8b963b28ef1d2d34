import { Badge, Button, Input, Select, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { RecordTable } from "../shared/record-table"
import { OFFICIAL_ACCOUNT_MESSAGES as M } from "./official-account-messages"

type ContentType = keyof typeof M.massContentTypes
type Audience = keyof typeof M.massAudiences
type Status = keyof typeof M.massStatuses
type MassSend = {
  id: string
  content_type: ContentType
  title: string
  audience: Audience
  tag_id: number | null
  status: Status
  errcode: number | null
  errmsg: string | null
  sent_count: number | null
  error_count: number | null
  filter_count: number | null
  created_at: string
}

const MASS_SENDS = "/admin/official-account/mass-sends"

const beijing = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "short",
  timeStyle: "short",
})

const COLOR: Record<Status, "green" | "orange" | "red" | "grey" | "blue"> = {
  sending: "blue",
  submitted: "blue",
  finished: "green",
  send_failed: "red",
  refused: "orange",
  failed: "red",
}

/** 群发: send a micro-site article or landing page to all followers or a tag; the record of sends. */
export function MassSendPanel() {
  const [sends, setSends] = useState<MassSend[]>()
  const [error, setError] = useState<string>()
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [contentType, setContentType] = useState<ContentType>("article")
  const [contentId, setContentId] = useState("")
  const [audience, setAudience] = useState<Audience>("all")
  const [tagId, setTagId] = useState("")

  const load = useCallback(() => {
    adminRequest<{ mass_sends: MassSend[] }>(`${MASS_SENDS}?limit=50`)
      .then((answer) => setSends(answer.mass_sends))
      .catch((e) => setError(errorText(e)))
  }, [])
  useEffect(load, [load])

  const send = async () => {
    setBusy(true)
    setError(undefined)
    setNotice(undefined)
    try {
      await adminRequest(MASS_SENDS, {
        method: "POST",
        body: {
          content_type: contentType,
          content_id: contentId.trim(),
          audience,
          ...(audience === "tag" ? { tag_id: Number(tagId) } : {}),
        },
      })
      setNotice(M.massSent)
      setContentId("")
    } catch (e) {
      setError(errorText(e))
    } finally {
      setBusy(false)
      load()
    }
  }

  return (
    <div className="flex flex-col gap-3">
      <Text size="small" className="text-ui-fg-subtle">
        {M.massHint}
      </Text>
      {error && <Text className="text-ui-fg-error">{error}</Text>}
      {notice && <Text className="text-ui-fg-interactive">{notice}</Text>}
      <div className="flex flex-wrap items-start gap-2">
        <Select
          size="small"
          value={contentType}
          onValueChange={(v) => setContentType(v as ContentType)}
        >
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(M.massContentTypes).map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        <Input
          size="small"
          placeholder={M.massContentId}
          value={contentId}
          onChange={(e) => setContentId(e.target.value)}
        />
        <Select size="small" value={audience} onValueChange={(v) => setAudience(v as Audience)}>
          <Select.Trigger>
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(M.massAudiences).map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
        {audience === "tag" && (
          <Input
            size="small"
            type="number"
            placeholder={M.massTagId}
            value={tagId}
            onChange={(e) => setTagId(e.target.value)}
          />
        )}
        <Button
          size="small"
          isLoading={busy}
          disabled={!contentId.trim() || (audience === "tag" && !/^\d+$/.test(tagId))}
          onClick={send}
        >
          {M.massSend}
        </Button>
      </div>
      <RecordTable
        rows={sends ?? []}
        rowKey={(row) => row.id}
        empty={sends ? M.noMassSends : undefined}
        columns={[
          { header: "时间", cell: (row) => beijing.format(new Date(row.created_at)) },
          {
            header: "内容",
            cell: (row) => `${M.massContentTypes[row.content_type]}：${row.title}`,
          },
          {
            header: "对象",
            cell: (row) => (row.audience === "tag" ? `标签 ${row.tag_id}` : M.massAudiences.all),
          },
          {
            header: "状态",
            cell: (row) => (
              <Badge size="2xsmall" color={COLOR[row.status]}>
                {M.massStatuses[row.status]}
              </Badge>
            ),
          },
          {
            header: "送达 / 失败 / 过滤后",
            cell: (row) =>
              row.sent_count === null
                ? "—"
                : `${row.sent_count} / ${row.error_count ?? 0} / ${row.filter_count ?? "—"}`,
          },
          {
            header: "errcode",
            cell: (row) => (row.errcode === null ? "—" : `${row.errcode} ${row.errmsg ?? ""}`),
          },
        ]}
      />
    </div>
  )
}
