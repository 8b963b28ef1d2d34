import { Badge, Button, Container, Heading, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { adminApi, shanghaiTime, yuan } from "../lib/admin-api"

type Customer = {
  first_name: string | null
  last_name: string | null
  phone: string | null
  email: string | null
} | null
type Person = {
  id: string
  code: string
  status: string
  bound_at: string | null
  customer: Customer
}
type Detail = Person & {
  balances: { pending: number; available: number; withdrawn: number }
  upline: Person[]
  team: { level: number; members: Person[] }[]
}

const ROLE: Record<string, string> = { member: "会员", distributor: "分销商", disabled: "已停用" }

export const personName = (customer: Customer) =>
  `${customer?.last_name ?? ""}${customer?.first_name ?? ""}` ||
  customer?.phone ||
  customer?.email ||
  "（未填写姓名）"

const PersonLine = ({ person, onOpen }: { person: Person; onOpen: (id: string) => void }) => (
  <div className="flex items-center gap-2">
    <button type="button" className="text-ui-fg-interactive" onClick={() => onOpen(person.id)}>
      {personName(person.customer)}
    </button>
    <Text size="small" className="text-ui-fg-subtle">
      {person.code}
    </Text>
    <Badge size="2xsmall">{ROLE[person.status] ?? person.status}</Badge>
    {person.bound_at && (
      <Text size="small" className="text-ui-fg-muted">
        绑定于 {shanghaiTime(person.bound_at)}
      </Text>
    )}
  </div>
)

/**
 * 推荐关系: who invited the affiliate (up to three levels above) and the team below,
 * level by level; any name opens that member's own tree.
 */
export const ReferralTree = ({
  affiliateId,
  onClose,
}: {
  affiliateId: string
  onClose: () => void
}) => {
  const [id, setId] = useState(affiliateId)
  const [detail, setDetail] = useState<Detail>()
  const [error, setError] = useState<string>()

  useEffect(() => setId(affiliateId), [affiliateId])
  useEffect(() => {
    setDetail(undefined)
    setError(undefined)
    adminApi<{ affiliate: Detail }>(`/admin/affiliate/affiliates/${id}`)
      .then(({ affiliate }) => setDetail(affiliate))
      .catch((e: Error) => setError(e.message))
  }, [id])

  return (
    <Container className="divide-y p-0" data-testid="referral-tree">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">推荐关系{detail ? `：${personName(detail.customer)}` : ""}</Heading>
        <Button size="small" variant="secondary" onClick={onClose}>
          关闭
        </Button>
      </div>
      {error && <Text className="px-6 py-4 text-ui-fg-error">{error}</Text>}
      {!detail && !error && <Text className="px-6 py-4 text-ui-fg-subtle">加载中…</Text>}
      {detail && (
        <div className="flex flex-col gap-4 px-6 py-4">
          <Text className="text-ui-fg-subtle">
            待结算 {yuan(detail.balances.pending)} · 可提现 {yuan(detail.balances.available)} ·
            已提现 {yuan(detail.balances.withdrawn)}
          </Text>
          <div>
            <Text weight="plus">上级</Text>
            {detail.upline.length === 0 ? (
              <Text className="text-ui-fg-subtle">没有推荐人（自然注册）。</Text>
            ) : (
              // Nearest first: 1 级推荐人 invited this member directly.
              detail.upline.map((person, index) => (
                <div key={person.id} className="flex items-center gap-2">
                  <Text size="small" className="w-16 text-ui-fg-muted">
                    {index + 1} 级上级
                  </Text>
                  <PersonLine person={person} onOpen={setId} />
                </div>
              ))
            )}
          </div>
          <div>
            <Text weight="plus">团队</Text>
            {detail.team.every((level) => level.members.length === 0) ? (
              <Text className="text-ui-fg-subtle">还没有邀请到会员。</Text>
            ) : (
              detail.team.map((level) => (
                <div key={level.level} style={{ paddingLeft: `${(level.level - 1) * 24}px` }}>
                  <Text size="small" className="text-ui-fg-muted">
                    {level.level} 级好友（{level.members.length} 人）
                  </Text>
                  {level.members.map((person) => (
                    <div key={person.id} className="border-l pl-3">
                      <PersonLine person={person} onOpen={setId} />
                    </div>
                  ))}
                </div>
              ))
            )}
          </div>
        </div>
      )}
    </Container>
  )
}
