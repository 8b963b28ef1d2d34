import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import { formatCNY, formatDateTime, messages, transferToConfirm } from "@health/core"
import { StateView } from "../../../components/state-view"
import { affiliateEarnings, member } from "../../../lib/clients"
import { isWeapp } from "../../../lib/config"
import { go, routes } from "../../../lib/navigate"
import { useReferralShare } from "../../../lib/share"
import { useMemberLoad } from "../../../lib/use-member-load"

/** 分销中心: share code and link, balances, monthly earnings, ledger, team, withdrawals. */
export default function AffiliateCentre() {
  useReferralShare(`${messages.brand} · 基因检测与健康管理`, routes.home)
  const { result, reload } = useMemberLoad(async (token) => {
    const [profile, ledger, team, withdrawals, months] = await Promise.all([
      member.affiliate.me(token),
      member.affiliate.commissions(token, 20),
      member.affiliate.team(token),
      member.affiliate.withdrawals(token, 10),
      // Summed by commerce over every entry: the first page of commissions would miss months.
      affiliateEarnings.monthly(token, 6),
    ])
    return { profile, ledger, team, withdrawals, months }
  })

  return (
    <View className="page" data-testid="affiliate-centre">
      <StateView result={result} onRetry={reload}>
        {({ profile, ledger, team, withdrawals, months }) => {
          const top = Math.max(1, ...months.map((m) => m.amount))
          return (
            <View>
              <View className="section">
                <Text className="section__title">我的推荐码</Text>
                <Text className="price" data-testid="share-code" style={{ fontSize: "44px" }}>
                  {profile.code}
                </Text>
                <Text className="muted" data-testid="share-link" selectable>
                  {profile.link}
                </Text>
                <Text className="muted">
                  佣金比例：
                  {profile.programme.rates_percent.map((r, i) => `${i + 1}级 ${r}%`).join(" · ")}
                </Text>
                <View className="row">
                  {isWeapp() ? (
                    <Button openType="share" className="btn-primary" size="mini">
                      分享给好友
                    </Button>
                  ) : (
                    <Button
                      size="mini"
                      className="btn-primary"
                      onClick={() =>
                        Taro.setClipboardData({ data: profile.link }).then(() =>
                          Taro.showToast({ title: "链接已复制", icon: "success" })
                        )
                      }
                    >
                      复制推荐链接
                    </Button>
                  )}
                  <Button size="mini" data-testid="open-poster" onClick={() => go(routes.poster)}>
                    生成分享海报
                  </Button>
                </View>
              </View>
              <View className="section" data-testid="balances">
                <Text className="section__title">收益</Text>
                <View className="row">
                  <Balance
                    label="可提现"
                    amount={profile.balances.available}
                    testId="balance-available"
                  />
                  <Balance label="待结算" amount={profile.balances.pending} />
                  <Balance label="已提现" amount={profile.balances.withdrawn} />
                </View>
                <Text className="muted">
                  订单完成或付款 {profile.programme.hold_days} 天后无退款即可提现，最低提现{" "}
                  {formatCNY(profile.programme.min_withdrawal)}。
                </Text>
                <WithdrawEntry
                  toConfirm={withdrawals.withdrawals.filter((w) => transferToConfirm(w)).length}
                />
              </View>
              <View className="section">
                <Text className="section__title">近 6 个月收益</Text>
                <View className="row" style={{ alignItems: "flex-end", height: "160px" }}>
                  {months.map((m) => (
                    <View
                      key={m.month}
                      style={{ flex: 1, textAlign: "center" }}
                      data-testid="earning-month"
                    >
                      <Text className="muted" style={{ fontSize: "20px" }}>
                        {formatCNY(m.amount)}
                      </Text>
                      <View
                        style={{
                          height: `${Math.round((m.amount / top) * 120)}px`,
                          background: "#0f766e",
                          borderRadius: "6px 6px 0 0",
                          margin: "0 8px",
                        }}
                      />
                      <Text className="muted">{m.label}</Text>
                    </View>
                  ))}
                </View>
              </View>
              <View className="section">
                <Text className="section__title">我的团队</Text>
                {team.map((level) => (
                  <View key={level.level} className="list-item" data-testid="team-level">
                    <Text>{level.level} 级</Text>
                    <Text className="muted">{level.count} 人</Text>
                  </View>
                ))}
              </View>
              <View className="section">
                <Text className="section__title">佣金明细</Text>
                {ledger.commissions.length === 0 ? (
                  <Text className="muted">暂无佣金记录，分享给好友，好友下单后即可获得佣金</Text>
                ) : (
                  ledger.commissions.slice(0, 20).map((entry) => (
                    <View key={entry.id} className="list-item">
                      <View>
                        <Text>{entry.kind_label}</Text>
                        <Text className="muted"> {formatDateTime(entry.created_at)}</Text>
                      </View>
                      <Text className={entry.amount < 0 ? "muted" : "price"}>
                        {formatCNY(entry.amount)}
                      </Text>
                    </View>
                  ))
                )}
              </View>
            </View>
          )
        }}
      </StateView>
    </View>
  )
}

/** 申请提现 and the history live on their own page; a payout waiting for 确认收款 is named here. */
function WithdrawEntry({ toConfirm }: { toConfirm: number }) {
  return (
    <View>
      {toConfirm ? (
        <Text className="notice-text" data-testid="withdrawals-to-confirm">
          有 {toConfirm} 笔提现已打款，待您确认收款
        </Text>
      ) : null}
      <Button
        size="mini"
        className={toConfirm ? "btn-primary" : undefined}
        data-testid="open-withdraw"
        onClick={() => go(routes.withdraw)}
      >
        {toConfirm ? `去${messages.affiliate.confirmReceipt}` : "申请提现 · 提现记录"}
      </Button>
    </View>
  )
}

function Balance({ label, amount, testId }: { label: string; amount: number; testId?: string }) {
  return (
    <View style={{ textAlign: "center", flex: 1 }}>
      <Text className="price" data-testid={testId}>
        {formatCNY(amount)}
      </Text>
      <View>
        <Text className="muted">{label}</Text>
      </View>
    </View>
  )
}
