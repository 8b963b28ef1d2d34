import { defineRouteConfig } from "@medusajs/admin-sdk"
import { PaperPlane } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
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
      {!problem && !loading && pushes.length === 0 && (
        <Text className="text-ui-fg-subtle">还没有推送过的文章。</Text>
      )}
      {pushes.length > 0 && (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>文章</Table.HeaderCell>
              <Table.HeaderCell>标签</Table.HeaderCell>
              <Table.HeaderCell>已检查会员</Table.HeaderCell>
              <Table.HeaderCell>匹配会员</Table.HeaderCell>
              <Table.HeaderCell>站内消息</Table.HeaderCell>
              <Table.HeaderCell>短信</Table.HeaderCell>
              <Table.HeaderCell>微信</Table.HeaderCell>
              <Table.HeaderCell>退订跳过（短信/微信）</Table.HeaderCell>
              <Table.HeaderCell>首次推送</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {pushes.map((push) => (
              <Table.Row key={push.document_id}>
                <Table.Cell>{push.title}</Table.Cell>
                <Table.Cell>
                  <div className="flex flex-wrap gap-1">
                    {push.tags.map((tag) => (
                      <Badge key={tag} size="2xsmall">
                        {tag}
                      </Badge>
                    ))}
                  </div>
                </Table.Cell>
                <Table.Cell>{push.scanned}</Table.Cell>
                <Table.Cell>{push.targeted}</Table.Cell>
                <Table.Cell>{push.inbox}</Table.Cell>
                <Table.Cell>{push.sms}</Table.Cell>
                <Table.Cell>{push.wechat}</Table.Cell>
                <Table.Cell>
                  {push.skipped_opt_out.sms} / {push.skipped_opt_out.wechat}
                </Table.Cell>
                <Table.Cell>{beijing.format(new Date(push.created_at))}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({ label: "推送记录", icon: PaperPlane })

export default PushesPage
