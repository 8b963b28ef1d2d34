import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminRequest, errorText, isForbidden } from "../lib/admin-request"

/** Medusa's system provider stands for money that reaches us outside WeChat (transfer, cash). */
const OFFLINE_PROVIDER_ID = "pp_system_default"

type Payment = {
  id: string
  amount: number
  currency_code: string
  provider_id: string
  captured_at: string | null
  canceled_at: string | null
}

const yuan = (amount: number) =>
  new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" }).format(Number(amount))

/**
 * 线下收款确认 on the order page: finance confirms the bank transfer or cash arrived, which
 * captures the payment, so the order becomes 已付款 and the kit can ship. Shown only for
 * orders paid offline (岳阳), and only to staff allowed to handle money.
 */
function OfflinePaymentConfirmation({ data: order }: DetailWidgetProps<AdminOrder>) {
  const prompt = usePrompt()
  const [payments, setPayments] = useState<Payment[] | null>(null)
  const [hidden, setHidden] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const { order: loaded } = await adminRequest<{
        order: { payment_collections?: { payments?: Payment[] }[] }
      }>(`/admin/orders/${order.id}?fields=id,*payment_collections,*payment_collections.payments`)
      setPayments(
        (loaded.payment_collections ?? [])
          .flatMap((collection) => collection.payments ?? [])
          .filter((payment) => payment.provider_id === OFFLINE_PROVIDER_ID)
      )
    } catch (error) {
      if (isForbidden(error)) setHidden(true)
      else toast.error(errorText(error))
    }
  }, [order.id])

  useEffect(() => {
    load()
  }, [load])

  if (hidden || !payments?.length) return null

  const confirm = async (payment: Payment) => {
    const ok = await prompt({
      title: "确认已收到线下付款？",
      description: `订单 #${order.display_id}，金额 ${yuan(payment.amount)}。请核对银行流水或现金收据后再确认；确认后订单变为已付款。`,
      confirmText: "确认已收款",
      cancelText: "再核对一下",
    })
    if (!ok) return
    setBusy(payment.id)
    try {
      await adminRequest(`/admin/payments/${payment.id}/capture`, { method: "POST" })
      toast.success("已确认收款")
      await load()
    } catch (error) {
      toast.error(errorText(error))
    } finally {
      setBusy(null)
    }
  }

  return (
    <Container className="divide-y p-0" data-testid="offline-payment">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">线下收款确认</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          银行转账 / 现场付款
        </Text>
      </div>
      {payments.map((payment) => (
        <div key={payment.id} className="flex items-center justify-between px-6 py-4">
          <div>
            <Text weight="plus">{yuan(payment.amount)}</Text>
            {payment.captured_at ? (
              <Badge color="green" size="2xsmall">
                已确认收款
              </Badge>
            ) : payment.canceled_at ? (
              <Badge color="grey" size="2xsmall">
                已取消
              </Badge>
            ) : (
              <Badge color="orange" size="2xsmall">
                待确认收款
              </Badge>
            )}
          </div>
          {!payment.captured_at && !payment.canceled_at && (
            <Button size="small" isLoading={busy === payment.id} onClick={() => confirm(payment)}>
              确认已收款
            </Button>
          )}
        </div>
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.side.before",
})

export default OfflinePaymentConfirmation
