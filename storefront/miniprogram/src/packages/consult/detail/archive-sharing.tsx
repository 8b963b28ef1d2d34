import { Button, Text, View } from "@tarojs/components"
import type { MemberSharedItem } from "@health/core"
import { useState } from "react"
import { consultations, healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { useLoad } from "../../../lib/use-load"

type Item = { item_type: "report" | "upload"; item_id: string; label: string }

/**
 * 共享健康档案 as on the web: the member's reports and uploaded records, each shared with this
 * consultation's doctor or taken back. Every time the doctor opens one it is in the access log.
 */
export function ArchiveSharing(props: {
  token: string
  consultationId: string
  shared: MemberSharedItem[]
  onChanged: () => Promise<void>
}) {
  const { result } = useLoad(async (): Promise<Item[]> => {
    const [kits, uploads] = await Promise.all([
      healthArchive
        .listKits(props.token)
        .then((answer) => answer.kits)
        .catch(() => []),
      healthArchive.uploads(props.token).catch(() => []),
    ])
    return [
      ...kits
        .filter((kit) => kit.report)
        .map((kit) => ({
          item_type: "report" as const,
          item_id: kit.report!.id,
          label: `检测报告 · ${kit.product_title}`,
        })),
      ...uploads.map((upload) => ({
        item_type: "upload" as const,
        item_id: upload.id,
        label: `上传资料 · ${upload.filename}`,
      })),
    ]
  }, [props.token])
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const shareOf = (item: Item) =>
    props.shared.find(
      (s) => s.item_type === item.item_type && s.item_id === item.item_id && !s.withdrawn_at
    )
  const toggle = async (item: Item) => {
    setBusy(true)
    setProblem(null)
    try {
      const share = shareOf(item)
      if (share) await consultations.withdrawShare(props.token, props.consultationId, share.id)
      else
        await consultations.share(props.token, props.consultationId, {
          item_type: item.item_type,
          item_id: item.item_id,
        })
      await props.onChanged()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }
  const items = result.state === "ready" ? result.data : []
  return (
    <View className="section" data-testid="consult-archive-sharing">
      <Text className="section__title">共享健康档案给医生</Text>
      <Text className="muted">
        仅本次问诊的医生可查看，可随时收回；医生每次查看都会记入您的档案访问记录。
      </Text>
      {result.state === "ready" && items.length === 0 ? (
        <View>
          <Text className="muted">健康档案里还没有报告或上传的资料。</Text>
        </View>
      ) : null}
      {items.map((item) => {
        const share = shareOf(item)
        return (
          <View key={`${item.item_type}:${item.item_id}`} className="list-item">
            <Text>{item.label}</Text>
            <Button
              size="mini"
              data-testid="consult-share-toggle"
              disabled={busy}
              onClick={() => toggle(item)}
            >
              {share ? "收回" : "共享给医生"}
            </Button>
          </View>
        )
      })}
      {problem ? (
        <Text className="error-text" data-testid="consult-share-error">
          {problem}
        </Text>
      ) : null}
    </View>
  )
}
