import { RecordTable, type RecordColumn } from "../shared/record-table"

export type ChannelFigures = {
  channel: string
  targeted: number
  delivered: number
  failed: number
  skipped: number
  clicked: number
  opened: number | null
}

const CHANNEL_LABEL: Record<string, string> = {
  inbox: "站内消息",
  sms: "短信",
  wechat: "小程序订阅消息",
  "wechat-oa": "公众号模板消息",
  "web-push": "浏览器通知",
}

const COLUMNS: RecordColumn<ChannelFigures>[] = [
  { header: "渠道", cell: (row) => CHANNEL_LABEL[row.channel] ?? row.channel },
  { header: "目标", cell: (row) => row.targeted },
  { header: "送达", cell: (row) => row.delivered },
  { header: "失败", cell: (row) => row.failed },
  { header: "跳过（退订/无联系方式）", cell: (row) => row.skipped },
  { header: "已读", cell: (row) => (row.opened === null ? "—" : row.opened) },
  { header: "点击", cell: (row) => row.clicked },
]

/** 发送结果: one row per channel of a push. */
export function PushFiguresTable({ figures }: { figures: ChannelFigures[] }) {
  return (
    <RecordTable
      rows={figures}
      rowKey={(row) => row.channel}
      empty="尚未发送。"
      emptyClassName="text-ui-fg-subtle"
      columns={COLUMNS}
    />
  )
}
