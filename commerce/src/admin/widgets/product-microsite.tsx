import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, Switch, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminRequest, errorText, isForbidden } from "../lib/admin-request"

type Microsite = { product_id: string; shown: boolean }

const TEXT = {
  title: "发布到微官网",
  hint: "开启后，小程序（微官网）的商品列表、搜索与详情页展示此商品，并可在“公众号 → 群发”中推送；关闭后仅官网展示。",
  shown: "已发布到微官网",
  hidden: "未发布到微官网（仅官网展示）",
  refused: "您的角色无权修改商品。",
  loading: "加载中…",
}

/**
 * 发布到微官网 on the product page (issue #23 item 3): whether the WeChat surfaces (the
 * mini-program's catalogue and search, 群发) show this product. On by default.
 */
function ProductMicrositeWidget({ data: product }: DetailWidgetProps<AdminProduct>) {
  const [microsite, setMicrosite] = useState<Microsite>()
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const path = `/admin/products/${encodeURIComponent(product.id)}/microsite`

  useEffect(() => {
    adminRequest<{ microsite: Microsite }>(path)
      .then((answer) => setMicrosite(answer.microsite))
      .catch((e) => setError(errorText(e)))
  }, [path])

  const toggle = async (shown: boolean) => {
    setBusy(true)
    setError(undefined)
    try {
      const answer = await adminRequest<{ microsite: Microsite }>(path, {
        method: "POST",
        body: { shown },
      })
      setMicrosite(answer.microsite)
    } catch (e) {
      setError(isForbidden(e) ? TEXT.refused : errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">{TEXT.title}</Heading>
        <Switch
          checked={microsite?.shown ?? false}
          disabled={!microsite || busy}
          onCheckedChange={toggle}
          aria-label={TEXT.title}
        />
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          {microsite ? (microsite.shown ? TEXT.shown : TEXT.hidden) : TEXT.loading}
        </Text>
        <Text size="small" className="text-ui-fg-subtle">
          {TEXT.hint}
        </Text>
        {error && (
          <Text size="small" className="text-ui-fg-error">
            {error}
          </Text>
        )}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "product.details.side.after" })

export default ProductMicrositeWidget
