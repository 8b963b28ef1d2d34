import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Users } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Input, Label, Table, Text } from "@medusajs/ui"
import { useCallback, useEffect, useState } from "react"
import { LedgerPanel } from "../../components/ledger-panel"
import { personName, ReferralTree } from "../../components/referral-tree"
import { adminApi as api, yuan } from "../../lib/admin-api"
import { statusActions, type StatusAction } from "../../lib/status-actions"
import { payeeMemberLabel, STATUS_LABEL as STATUS } from "../../lib/withdrawal-status"

type Settings = { rates_percent: number[]; hold_days: number; min_withdrawal: number }
type Withdrawal = {
  id: string
  affiliate_id: string
  amount: number
  method: "wechat" | "bank"
  status: string
  payee: { holder?: string; bank?: string; account_no?: string } | null
  created_at: string
}
type AffiliateRow = {
  id: string
  code: string
  status: string
  customer: {
    email?: string | null
    phone?: string | null
    first_name?: string | null
    last_name?: string | null
  } | null
  balances: { pending: number; available: number; withdrawn: number }
  direct_referrals: number
}

type Payee = { code: string; customer: AffiliateRow["customer"] }

/**
 * Affiliates whose customer matches a name or phone number: the affiliate list filters by
 * code and customer, so the customers are found first (Medusa's own customer search).
 */
async function affiliatesByPerson(text: string, status: string): Promise<AffiliateRow[]> {
  const { customers } = await api<{ customers: { id: string }[] }>(
    `/admin/customers?q=${encodeURIComponent(text)}&limit=20&fields=id`
  )
  const lists = await Promise.all(
    customers.map((c) =>
      api<{ affiliates: AffiliateRow[] }>(
        `/admin/affiliate/affiliates?limit=1&customer_id=${encodeURIComponent(c.id)}${
          status ? `&status=${status}` : ""
        }`
      )
    )
  )
  return lists.flatMap((list) => list.affiliates)
}

/** 分销管理: programme settings, the withdrawal queue and the affiliates. */
const AffiliatePage = () => {
  const [settings, setSettings] = useState<Settings>()
  const [rates, setRates] = useState("")
  const [holdDays, setHoldDays] = useState("")
  const [minimum, setMinimum] = useState("")
  const [queue, setQueue] = useState<Withdrawal[]>([])
  const [affiliates, setAffiliates] = useState<AffiliateRow[]>([])
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [roleFilter, setRoleFilter] = useState("")
  const [codeFilter, setCodeFilter] = useState("")
  const [personFilter, setPersonFilter] = useState("")
  const [payees, setPayees] = useState<Record<string, Payee>>({})
  const [treeOf, setTreeOf] = useState<string>()

  const load = useCallback(async () => {
    const [s, requested, approved, paying, list] = await Promise.all([
      api<{ settings: Settings }>("/admin/affiliate/settings"),
      api<{ withdrawals: Withdrawal[] }>("/admin/affiliate/withdrawals?status=requested"),
      api<{ withdrawals: Withdrawal[] }>("/admin/affiliate/withdrawals?status=approved"),
      api<{ withdrawals: Withdrawal[] }>("/admin/affiliate/withdrawals?status=paying"),
      personFilter.trim()
        ? affiliatesByPerson(personFilter.trim(), roleFilter).then((affiliates) => ({ affiliates }))
        : api<{ affiliates: AffiliateRow[] }>(
            `/admin/affiliate/affiliates?limit=50${roleFilter ? `&status=${roleFilter}` : ""}${
              codeFilter.trim() ? `&code=${encodeURIComponent(codeFilter.trim())}` : ""
            }`
          ),
    ])
    setSettings(s.settings)
    setRates(s.settings.rates_percent.join(", "))
    setHoldDays(String(s.settings.hold_days))
    setMinimum(String(s.settings.min_withdrawal))
    const pending = [...requested.withdrawals, ...approved.withdrawals, ...paying.withdrawals]
    setQueue(pending)
    setAffiliates(list.affiliates)
    // Who each payout goes to: the queue carries only the affiliate id.
    const ids = [...new Set(pending.map((w) => w.affiliate_id))]
    const people = await Promise.all(
      ids.map((id) =>
        api<{ affiliate: Payee }>(`/admin/affiliate/affiliates/${id}`).then(
          ({ affiliate }) => [id, { code: affiliate.code, customer: affiliate.customer }] as const,
          () => [id, undefined] as const
        )
      )
    )
    setPayees(
      Object.fromEntries(people.filter((p): p is readonly [string, Payee] => Boolean(p[1])))
    )
  }, [roleFilter, codeFilter, personFilter])

  useEffect(() => {
    load().catch((error) => setMessage({ ok: false, text: error.message }))
  }, [load])

  const run = async (action: () => Promise<unknown>, done: string) => {
    try {
      await action()
      setMessage({ ok: true, text: done })
      await load()
    } catch (error) {
      setMessage({ ok: false, text: (error as Error).message })
    }
  }

  const changeStatus = (a: AffiliateRow, action: StatusAction) => {
    if (action.confirm && !window.confirm(action.confirm)) return
    return run(() => api(`/admin/affiliate/affiliates/${a.id}`, { status: action.to }), action.done)
  }

  const saveSettings = () =>
    run(
      () =>
        api("/admin/affiliate/settings", {
          rates_percent: rates
            .split(/[,，\s]+/)
            .filter(Boolean)
            .map(Number),
          hold_days: Number(holdDays),
          min_withdrawal: Number(minimum),
        }),
      "设置已保存"
    )

  // The host app provides the transfer route when it wires the WeChat Pay plugin.
  const transfer = (w: Withdrawal) =>
    run(
      () => api("/admin/affiliate/wechat-transfers", { withdrawal_id: w.id }),
      "已发起微信转账，会员在微信中确认收款后自动标记为已打款"
    )

  const review = (w: Withdrawal, action: "approve" | "reject" | "pay") => {
    const body: Record<string, string> = {}
    if (action === "reject") {
      const reason = window.prompt("驳回原因（会告知会员）")
      if (!reason) return
      body.reason = reason
    }
    if (action === "pay") {
      const reference = window.prompt("打款流水号（银行或微信转账单号）")
      if (!reference) return
      body.payout_reference = reference
    }
    return run(
      () => api(`/admin/affiliate/withdrawals/${w.id}/${action}`, body),
      { approve: "已批准", reject: "已驳回，金额已退回可提现余额", pay: "已标记为已打款" }[action]
    )
  }

  return (
    <div className="flex flex-col gap-y-3">
      {message && (
        <Container className={message.ok ? "text-ui-fg-interactive" : "text-ui-fg-error"}>
          <Text>{message.text}</Text>
        </Container>
      )}
      <Container className="divide-y p-0">
        <div className="px-6 py-4">
          <Heading level="h1">分销设置</Heading>
          <Text className="text-ui-fg-subtle">
            最多 3 级（法规限制）。佣金按买家实付金额（不含运费）计算。
          </Text>
        </div>
        {settings && (
          <div className="grid grid-cols-4 items-end gap-4 px-6 py-4">
            <div>
              <Label htmlFor="rates">各级比例（%）</Label>
              <Input id="rates" value={rates} onChange={(e) => setRates(e.target.value)} />
            </div>
            <div>
              <Label htmlFor="hold">结算等待期（天）</Label>
              <Input id="hold" value={holdDays} onChange={(e) => setHoldDays(e.target.value)} />
            </div>
            <div>
              <Label htmlFor="minimum">最低提现（元）</Label>
              <Input id="minimum" value={minimum} onChange={(e) => setMinimum(e.target.value)} />
            </div>
            <Button onClick={saveSettings}>保存设置</Button>
          </div>
        )}
      </Container>

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <Heading level="h2">提现审核（{queue.length}）</Heading>
          <a href="/admin/affiliate/ledger/export" className="text-ui-fg-interactive">
            导出佣金流水（Excel）
          </a>
        </div>
        {queue.length === 0 ? (
          <Text className="px-6 py-4 text-ui-fg-subtle">没有待处理的提现申请。</Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>申请时间</Table.HeaderCell>
                <Table.HeaderCell>会员</Table.HeaderCell>
                <Table.HeaderCell>金额</Table.HeaderCell>
                <Table.HeaderCell>方式</Table.HeaderCell>
                <Table.HeaderCell>状态</Table.HeaderCell>
                <Table.HeaderCell>操作</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {queue.map((w) => (
                <Table.Row key={w.id}>
                  <Table.Cell>
                    {new Date(w.created_at).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai" })}
                  </Table.Cell>
                  <Table.Cell data-testid="withdrawal-member">
                    {payeeMemberLabel(payees[w.affiliate_id])}
                  </Table.Cell>
                  <Table.Cell>{yuan(w.amount)}</Table.Cell>
                  <Table.Cell>
                    {w.method === "bank"
                      ? `${w.payee?.holder ?? ""} ${w.payee?.bank ?? ""} ${w.payee?.account_no ?? ""}`
                      : "微信零钱"}
                  </Table.Cell>
                  <Table.Cell>
                    <Badge>{STATUS[w.status] ?? w.status}</Badge>
                  </Table.Cell>
                  <Table.Cell className="flex gap-2">
                    {w.status === "requested" && (
                      <Button size="small" onClick={() => review(w, "approve")}>
                        批准
                      </Button>
                    )}
                    {w.status === "approved" && w.method === "wechat" && (
                      <Button size="small" onClick={() => transfer(w)}>
                        微信转账
                      </Button>
                    )}
                    {w.status === "approved" && (
                      <Button size="small" variant="secondary" onClick={() => review(w, "pay")}>
                        标记已打款
                      </Button>
                    )}
                    {w.status !== "paying" && (
                      <Button size="small" variant="secondary" onClick={() => review(w, "reject")}>
                        驳回
                      </Button>
                    )}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>

      <Container className="divide-y p-0">
        <div className="flex items-center justify-between gap-4 px-6 py-4">
          <Heading level="h2">分销会员</Heading>
          <div className="flex items-center gap-2">
            <select
              aria-label="按身份筛选"
              className="h-8 rounded-md border px-2"
              value={roleFilter}
              onChange={(e) => setRoleFilter(e.target.value)}
            >
              <option value="">全部身份</option>
              <option value="member">会员</option>
              <option value="distributor">分销商</option>
              <option value="disabled">已停用</option>
            </select>
            <Input
              aria-label="按推荐码查找"
              placeholder="推荐码"
              value={codeFilter}
              onChange={(e) => setCodeFilter(e.target.value)}
            />
            <Input
              aria-label="按姓名或手机号查找"
              placeholder="姓名或手机号"
              value={personFilter}
              onChange={(e) => setPersonFilter(e.target.value)}
            />
          </div>
        </div>
        {affiliates.length === 0 ? (
          <Text className="px-6 py-4 text-ui-fg-subtle">
            还没有分销会员。会员在商城打开「分销中心」或通过推荐链接注册后会出现在这里。
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>会员</Table.HeaderCell>
                <Table.HeaderCell>推荐码</Table.HeaderCell>
                <Table.HeaderCell>身份</Table.HeaderCell>
                <Table.HeaderCell>直推人数</Table.HeaderCell>
                <Table.HeaderCell>待结算</Table.HeaderCell>
                <Table.HeaderCell>可提现</Table.HeaderCell>
                <Table.HeaderCell>已提现</Table.HeaderCell>
                <Table.HeaderCell>操作</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {affiliates.map((a) => (
                <Table.Row key={a.id}>
                  <Table.Cell>
                    <button
                      type="button"
                      className="text-ui-fg-interactive"
                      onClick={() => setTreeOf(a.id)}
                    >
                      {personName(a.customer ? { ...nullCustomer, ...a.customer } : null)}
                    </button>
                  </Table.Cell>
                  <Table.Cell>{a.code}</Table.Cell>
                  <Table.Cell>
                    <Badge>{STATUS[a.status] ?? a.status}</Badge>
                  </Table.Cell>
                  <Table.Cell>{a.direct_referrals}</Table.Cell>
                  <Table.Cell>{yuan(a.balances.pending)}</Table.Cell>
                  <Table.Cell>{yuan(a.balances.available)}</Table.Cell>
                  <Table.Cell>{yuan(a.balances.withdrawn)}</Table.Cell>
                  <Table.Cell className="flex gap-2">
                    {statusActions(a.status).map((action) => (
                      <Button
                        key={action.to}
                        size="small"
                        variant={action.variant}
                        onClick={() => changeStatus(a, action)}
                      >
                        {action.label}
                      </Button>
                    ))}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Container>

      {treeOf && <ReferralTree affiliateId={treeOf} onClose={() => setTreeOf(undefined)} />}

      <LedgerPanel />
    </div>
  )
}

const nullCustomer = { first_name: null, last_name: null, phone: null, email: null }

export const config = defineRouteConfig({ label: "分销管理", icon: Users })

export default AffiliatePage
