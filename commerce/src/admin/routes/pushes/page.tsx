import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PaperPlane } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { RecordTable, type RecordColumn } from "../../components/shared/record-table"
import { adminRequest, errorText } from "../../lib/admin-request"

type Push = {
  document_id: string
  title: string
  slug: string | null
  tags: string[]
  scanned: number
  targeted: number
  inbox: number
  sms: number
  wechat: number
  skipped_opt_out: { sms: number; wechat: number }
  created_at: string
}

const beijing = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "short",
  timeStyle: "short",
})

const PUSH_COLUMNS: RecordColumn<Push>[] = [
  { header: "文章", cell: (push) => push.title },
  {
    header: "标签",
    cell: (push) => (
      <div className="flex flex-wrap gap-1">
        {push.tags.map((tag) => (
          <Badge key={tag} size="2xsmall">
            {tag}
          </Badge>
        ))}
      </div>
    ),
  },
  { header: "已检查会员", cell: (push) => push.scanned },
  { header: "匹配会员", cell: (push) => push.targeted },
  { header: "站内消息", cell: (push) => push.inbox },
  { header: "短信", cell: (push) => push.sms },
  { header: "微信", cell: (push) => push.wechat },
  {
    header: "退订跳过（短信/微信）",
    cell: (push) => `${push.skipped_opt_out.sms} / ${push.skipped_opt_out.wechat}`,
  },
  { header: "首次推送", cell: (push) => beijing.format(new Date(push.created_at)) },
]

/** 推送记录: per pushed CMS article, who it targeted and what each channel delivered. */
const PushesPage = () => {
  const [pushes, setPushes] = useState<Push[]>([])
  const [problem, setProblem] = useState<string>()
  const [loading, setLoading] = useState(true)

  const load = useCallback(() => {
    setLoading(true)
    adminRequest<{ pushes: Push[] }>("/admin/cms/pushes")
      .then(({ pushes }) => {
        setPushes(pushes)
        setProblem(undefined)
      })
      .catch((error) => setProblem(errorText(error)))
      .finally(() => setLoading(false))
  }, [])

  useEffect(load, [load])

  return (
    <Container className="flex flex-col gap-y-4">
      <div className="flex items-center justify-between">
        <div>
          <Heading level="h1">推送记录</Heading>
          <Text className="text-ui-fg-subtle">
            内容平台发布「推送」且「发布到微官网」的文章后，按会员标签（体质、已购检测类别、年龄段）推送；
            站内消息必达，短信和微信订阅消息尊重会员的退订设置。
          </Text>
        </div>
        <Button variant="secondary" size="small" onClick={load} isLoading={loading}>
          刷新
        </Button>
      </div>
      {problem && <Text className="text-ui-fg-error">{problem}</Text>}
      <RecordTable
        rows={pushes}
        rowKey={(push) => push.document_id}
        empty={!problem && !loading && "还没有推送过的文章。"}
        emptyClassName="text-ui-fg-subtle"
        columns={PUSH_COLUMNS}
      />
    </Container>
  )
}

export const config = defineRouteConfig({ label: "推送记录", icon: PaperPlane })

export default PushesPage
