import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BellAlert } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { ComposePushForm } from "../../components/marketing-push/compose-push-form"
import {
  PushFiguresTable,
  type ChannelFigures,
} from "../../components/marketing-push/push-figures-table"
import { adminRequest, errorText } from "../../lib/admin-request"

type MarketingPush = {
  id: string
  title: string
  content_type: string
  status: "scheduled" | "sending" | "sent" | "canceled"
  send_at: string
  targeted: number
}

const STATUS_LABEL = { scheduled: "待发送", sending: "发送中", sent: "已发送", canceled: "已取消" }

const beijing = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  dateStyle: "short",
  timeStyle: "short",
})

/** 推送中心: compose a push for chosen members and channels, then read its figures. */
const MarketingPushesPage = () => {
  const [pushes, setPushes] = useState<MarketingPush[]>([])
  const [figures, setFigures] = useState<Record<string, ChannelFigures[]>>({})
  const [problem, setProblem] = useState<string>()

  const load = useCallback(() => {
    adminRequest<{ marketing_pushes: MarketingPush[] }>("/admin/marketing-pushes")
      .then(({ marketing_pushes }) => {
        setPushes(marketing_pushes)
        setProblem(undefined)
      })
      .catch((error) => setProblem(errorText(error)))
  }, [])
  useEffect(load, [load])

  const showFigures = (id: string) =>
    adminRequest<{ marketing_push: { figures: ChannelFigures[] } }>(`/admin/marketing-pushes/${id}`)
      .then(({ marketing_push }) => setFigures((all) => ({ ...all, [id]: marketing_push.figures })))
      .catch((error) => setProblem(errorText(error)))

  const cancel = (id: string) =>
    adminRequest(`/admin/marketing-pushes/${id}/cancel`, { method: "POST" })
      .then(load)
      .catch((error) => setProblem(errorText(error)))

  return (
    <div className="flex flex-col gap-y-4">
      <Container className="flex flex-col gap-y-4">
        <Heading level="h1">推送中心</Heading>
        <Text className="text-ui-fg-subtle">
          选择内容、目标会员、渠道和时间；每位会员每次推送在每个渠道只收到一次，短信和微信尊重会员的退订设置。
        </Text>
        <ComposePushForm onCreated={load} />
      </Container>
      <Container className="flex flex-col gap-y-3">
        <div className="flex items-center justify-between">
          <Heading level="h2">推送记录</Heading>
          <Button variant="secondary" size="small" onClick={load}>
            刷新
          </Button>
        </div>
        {problem && <Text className="text-ui-fg-error">{problem}</Text>}
        {!pushes.length && <Text className="text-ui-fg-subtle">还没有推送。</Text>}
        {pushes.map((push) => (
          <div key={push.id} className="flex flex-col gap-y-2 border-b pb-3">
            <div className="flex items-center gap-3">
              <Text weight="plus">{push.title}</Text>
              <Badge size="2xsmall">{STATUS_LABEL[push.status]}</Badge>
              <Text size="small" className="text-ui-fg-subtle">
                {beijing.format(new Date(push.send_at))} · 匹配 {push.targeted} 位
              </Text>
              <Button variant="transparent" size="small" onClick={() => showFigures(push.id)}>
                发送结果
              </Button>
              {push.status === "scheduled" && (
                <Button variant="danger" size="small" onClick={() => cancel(push.id)}>
                  取消
                </Button>
              )}
            </div>
            {figures[push.id] && <PushFiguresTable figures={figures[push.id]} />}
          </div>
        ))}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({ label: "推送中心", icon: BellAlert })

export default MarketingPushesPage
