import { Button, Input, Label, Prompt, Text, Textarea } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { errorText } from "../../lib/admin-request"
import type { AdminKit } from "./lab-types"

export type KitDialogKind = "ship" | "reject"

type Props = {
  kit: AdminKit | null
  kind: KitDialogKind | null
  onClose: () => void
  /** Resolves when the kit moved on; a rejection keeps the dialog open with the message. */
  onSubmit: (body: Record<string, string>) => Promise<void>
}

/** 发货/分配条码 and 退回样本: the two steps that need more than a click. */
export const KitActionDialog = ({ kit, kind, onClose, onSubmit }: Props) => {
  const [barcode, setBarcode] = useState("")
  const [carrier, setCarrier] = useState("")
  const [trackingNumber, setTrackingNumber] = useState("")
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    setBarcode(kit?.barcode ?? "")
    setCarrier(kit?.tracking?.carrier ?? "")
    setTrackingNumber(kit?.tracking?.number ?? "")
    setReason("")
    setError(undefined)
  }, [kit, kind])

  const onSite = kit?.collection_method === "on_site"
  const submit = async () => {
    if (kind === "reject" && !reason.trim()) {
      setError("请填写退回原因，会员将看到这段说明")
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      await onSubmit(
        kind === "ship"
          ? Object.fromEntries(
              Object.entries({
                barcode: barcode.trim(),
                carrier: carrier.trim(),
                tracking_number: trackingNumber.trim(),
              }).filter(([, value]) => value)
            )
          : { reason: reason.trim() }
      )
    } catch (failure) {
      setError(errorText(failure))
    } finally {
      setBusy(false)
    }
  }

  const who = kit
    ? `订单 #${kit.order_display_id ?? "—"} · ${kit.product_title}${kit.barcode ? ` · ${kit.barcode}` : ""}`
    : ""

  return (
    <Prompt
      open={Boolean(kit && kind)}
      onOpenChange={(open) => !open && !busy && onClose()}
      variant="confirmation"
    >
      <Prompt.Content>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            void submit()
          }}
        >
          <Prompt.Header>
            <Prompt.Title>
              {kind === "ship" ? (onSite ? "分配条码" : "发货/分配条码") : "退回样本"}
            </Prompt.Title>
            <Prompt.Description>{who}</Prompt.Description>
          </Prompt.Header>
          <div className="flex flex-col gap-y-3 px-6 pb-4 pt-4">
            {kind === "ship" ? (
              <>
                <div className="flex flex-col gap-y-1">
                  <Label htmlFor="ship-barcode">条码</Label>
                  <Input
                    id="ship-barcode"
                    placeholder="留空自动生成（GT + 10 位数字）"
                    value={barcode}
                    onChange={(event) => setBarcode(event.target.value)}
                    maxLength={40}
                    autoFocus
                  />
                  <Text size="small" className="text-ui-fg-subtle">
                    扫描采样管上的条码，或留空由系统生成后打印贴上。
                  </Text>
                </div>
                {onSite ? (
                  <Text size="small" className="text-ui-fg-subtle">
                    现场采样无需快递，分配条码后交给会员即可。
                  </Text>
                ) : (
                  <div className="grid grid-cols-2 gap-3">
                    <div className="flex flex-col gap-y-1">
                      <Label htmlFor="ship-carrier">快递公司</Label>
                      <Input
                        id="ship-carrier"
                        placeholder="如 顺丰速运"
                        value={carrier}
                        onChange={(event) => setCarrier(event.target.value)}
                        maxLength={40}
                      />
                    </div>
                    <div className="flex flex-col gap-y-1">
                      <Label htmlFor="ship-tracking">运单号</Label>
                      <Input
                        id="ship-tracking"
                        value={trackingNumber}
                        onChange={(event) => setTrackingNumber(event.target.value)}
                        maxLength={60}
                      />
                    </div>
                  </div>
                )}
              </>
            ) : (
              <div className="flex flex-col gap-y-1">
                <Label htmlFor="reject-reason">退回原因（必填，会员可见）</Label>
                <Textarea
                  id="reject-reason"
                  placeholder="如：唾液量不足，请按说明重新采样后寄回"
                  value={reason}
                  onChange={(event) => setReason(event.target.value)}
                  maxLength={500}
                  rows={4}
                  autoFocus
                />
              </div>
            )}
            {error && (
              <Text size="small" className="text-ui-fg-error" role="alert">
                {error}
              </Text>
            )}
          </div>
          <Prompt.Footer>
            <Button type="button" variant="secondary" onClick={onClose} disabled={busy}>
              取消
            </Button>
            <Button
              type="submit"
              variant={kind === "reject" ? "danger" : "primary"}
              isLoading={busy}
            >
              {kind === "ship" ? (onSite ? "分配条码" : "确认发货") : "确认退回"}
            </Button>
          </Prompt.Footer>
        </form>
      </Prompt.Content>
    </Prompt>
  )
}
