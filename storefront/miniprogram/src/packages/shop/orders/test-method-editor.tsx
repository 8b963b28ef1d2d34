import { Button, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  formatAppointmentDay,
  TEST_METHOD_LABELS,
  TEST_METHOD_PRICE_RULE,
  type CollectionSite,
  type OrderLineTestMethod,
  type OrderTestMethods,
} from "@health/core"
import { useEffect, useState } from "react"
import { cms, orderTestMethods } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { CollectionPicker, NO_PICK, type CollectionPick } from "../checkout/collection-picker"

/**
 * 采样方式 of an opened order: each kit's method and slot, and 修改检测方式/改约 until the
 * kit ships or the sample is taken — a mailed kit, or a site and slot picked with the
 * checkout's collection picker. Commerce refuses a full slot or a passed time (409).
 */
export function OrderTestMethodsSection({ token, orderId }: { token: string; orderId: string }) {
  const [methods, setMethods] = useState<OrderTestMethods | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const [problem, setProblem] = useState<string | null>(null)

  async function load() {
    try {
      setMethods(await orderTestMethods.get(token, orderId))
    } catch (error) {
      setProblem(explainError(error))
    }
  }
  useEffect(() => {
    load()
  }, [token, orderId])

  if (!methods) {
    return problem ? (
      <Text className="form-error" data-testid="test-method-problem">
        {problem}
      </Text>
    ) : null
  }
  if (!methods.lines.length) return null
  return (
    <View data-testid="order-test-methods">
      <Text className="section__title">采样方式</Text>
      {methods.lines.map((line) => (
        <View key={line.line_item_id} data-testid="test-method-line">
          <Text data-testid="test-method">
            {`${line.title}：${TEST_METHOD_LABELS[line.method]}`}
            {line.collection
              ? `（${line.collection.site_name ?? "采集点"} ${formatAppointmentDay(line.collection.date)} ${line.collection.slot}）`
              : ""}
          </Text>
          {methods.change.allowed && editing !== line.line_item_id ? (
            <Button size="mini" onClick={() => setEditing(line.line_item_id)}>
              {line.method === "on_site" ? "改约/修改检测方式" : "修改检测方式"}
            </Button>
          ) : null}
          {editing === line.line_item_id ? (
            <TestMethodEditor
              token={token}
              orderId={orderId}
              line={line}
              onDone={() => {
                setEditing(null)
                load()
              }}
            />
          ) : null}
        </View>
      ))}
      {methods.change.allowed ? (
        <Text className="muted">{TEST_METHOD_PRICE_RULE}</Text>
      ) : (
        <Text className="muted" data-testid="test-method-reason">
          {`不能再修改采样方式：${methods.change.reason ?? ""}`}
        </Text>
      )}
    </View>
  )
}

function TestMethodEditor({
  token,
  orderId,
  line,
  onDone,
}: {
  token: string
  orderId: string
  line: OrderLineTestMethod
  onDone: () => void
}) {
  const [sites, setSites] = useState<CollectionSite[] | null | undefined>(undefined)
  const [pick, setPick] = useState<CollectionPick>(NO_PICK)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    cms.listCollectionSites().then(setSites, () => setSites(null))
  }, [])

  async function send(change: Parameters<typeof orderTestMethods.change>[2], question: string) {
    const { confirm } = await Taro.showModal({ title: "修改采样方式", content: question })
    if (!confirm) return
    setBusy(true)
    try {
      await orderTestMethods.change(token, orderId, change)
      Taro.showToast({ title: "采样方式已修改", icon: "none" })
      setProblem(null)
      onDone()
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  const [date, slot] = pick.slot.split(" ")
  return (
    <View data-testid="test-method-editor">
      {line.method === "on_site" ? (
        <Button
          size="mini"
          disabled={busy}
          onClick={() =>
            send(
              { line_item_id: line.line_item_id, method: "mail_in" },
              "改为寄送采样盒吗？检测盒将寄到订单的收货地址，已预约的时段将被取消。"
            )
          }
        >
          改为寄送采样盒
        </Button>
      ) : null}
      {sites !== undefined ? (
        <CollectionPicker token={token} sites={sites} pick={pick} onPick={setPick} />
      ) : null}
      <Button
        size="mini"
        disabled={busy || !date || !slot}
        onClick={() =>
          send(
            {
              line_item_id: line.line_item_id,
              method: "on_site",
              collection: { site_id: pick.siteId, date, slot },
            },
            `改为到${pick.siteName} ${formatAppointmentDay(date)} ${slot} 现场采集吗？`
          )
        }
      >
        {line.method === "on_site" ? "确认改约" : "改为现场采集"}
      </Button>
      {problem ? (
        <Text className="form-error" data-testid="test-method-error">
          {problem}
        </Text>
      ) : null}
    </View>
  )
}
