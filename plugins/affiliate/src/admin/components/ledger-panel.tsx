import { Badge, Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { adminApi, shanghaiDayBoundary, shanghaiTime, yuan } from "../lib/admin-api"

type Entry = {
  id: string
  affiliate_id: string
  kind: string
  kind_label: string
  bucket: string
  amount: number
  order_id: string | null
  product_id: string | null
  level: number | null
  created_at?: string
}
type Product = { id: string; title: string }
type Filters = { code: string; product_id: string; order_id: string; from: string; to: string }

const PAGE = 20
const BUCKET: Record<string, string> = {
  pending: "待结算",
  available: "可提现",
  withdrawing: "提现中",
  withdrawn: "已提现",
  spent: "已抵扣",
}
const EMPTY: Filters = { code: "", product_id: "", order_id: "", from: "", to: "" }

/** The query string for the ledger and its export: member (by code), product, order, period. */
async function ledgerQuery(filters: Filters): Promise<URLSearchParams | null> {
  const params = new URLSearchParams()
  if (filters.code.trim()) {
    const { affiliates } = await adminApi<{ affiliates: { id: string }[] }>(
      `/admin/affiliate/affiliates?code=${encodeURIComponent(filters.code.trim())}`
    )
    if (!affiliates.length) return null
    params.set("affiliate_id", affiliates[0].id)
  }
  if (filters.product_id) params.set("product_id", filters.product_id)
  if (filters.order_id.trim()) params.set("order_id", filters.order_id.trim())
  if (filters.from) params.set("from", shanghaiDayBoundary(filters.from))
  if (filters.to) params.set("to", shanghaiDayBoundary(filters.to, true))
  return params
}

/** 佣金流水: the append-only ledger filtered by member, product, order and period, with export. */
export const LedgerPanel = () => {
  const [draft, setDraft] = useState<Filters>(EMPTY)
  const [applied, setApplied] = useState<Filters>(EMPTY)
  const [offset, setOffset] = useState(0)
  const [entries, setEntries] = useState<Entry[]>([])
  const [count, setCount] = useState(0)
  const [products, setProducts] = useState<Product[]>([])
  const [query, setQuery] = useState("")
  const [error, setError] = useState<string>()
  const [loading, setLoading] = useState(false)

  useEffect(() => {
    adminApi<{ products: Product[] }>("/admin/products?fields=id,title&limit=100")
      .then(({ products }) => setProducts(products))
      .catch(() => setProducts([]))
  }, [])

  const load = useCallback(async () => {
    setLoading(true)
    setError(undefined)
    try {
      const params = await ledgerQuery(applied)
      if (!params) {
        setEntries([])
        setCount(0)
        setError(`没有推荐码为 ${applied.code.trim().toUpperCase()} 的分销会员`)
        return
      }
      setQuery(params.toString())
      params.set("limit", String(PAGE))
      params.set("offset", String(offset))
      const data = await adminApi<{ entries: Entry[]; count: number }>(
        `/admin/affiliate/ledger?${params}`
      )
      setEntries(data.entries)
      setCount(data.count)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setLoading(false)
    }
  }, [applied, offset])

  useEffect(() => {
    load()
  }, [load])

  const field = (key: keyof Filters) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) =>
      setDraft((current) => ({ ...current, [key]: event.target.value })),
  })
  const productTitle = (id: string | null) =>
    id ? (products.find((p) => p.id === id)?.title ?? id) : "—"

  return (
    <Container className="divide-y p-0" data-testid="ledger-panel">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">佣金流水（{count}）</Heading>
        <a
          href={`/admin/affiliate/ledger/export${query ? `?${query}` : ""}`}
          className="text-ui-fg-interactive"
        >
          按当前筛选导出 Excel
        </a>
      </div>
      <form
        className="grid grid-cols-6 items-end gap-3 px-6 py-4"
        onSubmit={(event) => {
          event.preventDefault()
          setOffset(0)
          setApplied(draft)
        }}
      >
        <div>
          <Label htmlFor="ledger-code">推荐码</Label>
          <Input id="ledger-code" placeholder="如 K7M2Q9P" {...field("code")} />
        </div>
        <div>
          <Label htmlFor="ledger-product">商品</Label>
          <select
            id="ledger-product"
            className="h-8 w-full rounded-md border px-2"
            {...field("product_id")}
          >
            <option value="">全部商品</option>
            {products.map((product) => (
              <option key={product.id} value={product.id}>
                {product.title}
              </option>
            ))}
          </select>
        </div>
        <div>
          <Label htmlFor="ledger-order">订单 ID</Label>
          <Input id="ledger-order" placeholder="order_…" {...field("order_id")} />
        </div>
        <div>
          <Label htmlFor="ledger-from">开始日期</Label>
          <Input id="ledger-from" type="date" {...field("from")} />
        </div>
        <div>
          <Label htmlFor="ledger-to">结束日期</Label>
          <Input id="ledger-to" type="date" {...field("to")} />
        </div>
        <div className="flex gap-2">
          <Button type="submit" size="small">
            筛选
          </Button>
          <Button
            type="button"
            size="small"
            variant="secondary"
            onClick={() => {
              setDraft(EMPTY)
              setApplied(EMPTY)
              setOffset(0)
            }}
          >
            清除
          </Button>
        </div>
      </form>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
      {!error && !loading && entries.length === 0 ? (
        <Text className="px-6 py-4 text-ui-fg-subtle">没有符合条件的流水。</Text>
      ) : (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>时间</Table.HeaderCell>
              <Table.HeaderCell>类型</Table.HeaderCell>
              <Table.HeaderCell>账户</Table.HeaderCell>
              <Table.HeaderCell>级别</Table.HeaderCell>
              <Table.HeaderCell>商品</Table.HeaderCell>
              <Table.HeaderCell>订单</Table.HeaderCell>
              <Table.HeaderCell className="text-right">金额</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {entries.map((entry) => (
              <Table.Row key={entry.id}>
                <Table.Cell>{entry.created_at ? shanghaiTime(entry.created_at) : "—"}</Table.Cell>
                <Table.Cell>{entry.kind_label}</Table.Cell>
                <Table.Cell>
                  <Badge size="2xsmall">{BUCKET[entry.bucket] ?? entry.bucket}</Badge>
                </Table.Cell>
                <Table.Cell>{entry.level ? `${entry.level} 级` : "—"}</Table.Cell>
                <Table.Cell>{productTitle(entry.product_id)}</Table.Cell>
                <Table.Cell>{entry.order_id ?? "—"}</Table.Cell>
                <Table.Cell
                  className={`text-right ${entry.amount < 0 ? "text-ui-fg-error" : "text-ui-fg-base"}`}
                >
                  {entry.amount < 0 ? `-${yuan(-entry.amount)}` : `+${yuan(entry.amount)}`}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <div className="flex items-center justify-end gap-2 px-6 py-3">
        <Text className="text-ui-fg-subtle">
          第 {Math.floor(offset / PAGE) + 1} / {Math.max(1, Math.ceil(count / PAGE))} 页
        </Text>
        <Button
          size="small"
          variant="secondary"
          disabled={offset === 0}
          onClick={() => setOffset(Math.max(0, offset - PAGE))}
        >
          上一页
        </Button>
        <Button
          size="small"
          variant="secondary"
          disabled={offset + PAGE >= count}
          onClick={() => setOffset(offset + PAGE)}
        >
          下一页
        </Button>
      </div>
    </Container>
  )
}
