import { Button, Checkbox, Input, Label, Select, Text, Textarea } from "@medusajs/ui"
import { useEffect, useMemo, useState } from "react"
import { adminRequest, errorText } from "../../lib/admin-request"
import { PushContentPicker, type PushContentCandidate } from "./push-content-picker"

const CONTENT_TYPES = [
  ["clinic_session", "义诊活动"],
  ["article", "资讯文章"],
  ["product", "商品"],
  ["escort", "陪诊服务"],
  ["consultation", "问诊服务"],
  ["custom", "自定义内容"],
] as const

const CHANNELS = [
  ["inbox", "站内消息"],
  ["sms", "短信"],
  ["wechat", "小程序订阅消息"],
  ["wechat-oa", "公众号模板消息"],
  ["web-push", "浏览器通知"],
] as const

const AGE_GROUPS = [
  ["children", "18岁以下"],
  ["age-18-35", "18–35岁"],
  ["age-36-55", "36–55岁"],
  ["seniors", "56岁及以上"],
] as const

/** Comma, space or line separated values of a text field. */
const listOf = (text: string) =>
  text
    .split(/[\s,，、]+/)
    .map((value) => value.trim())
    .filter(Boolean)

type Preview = { count: number; sample: { id: string; name: string; phone: string | null }[] }

/** 新建推送: content, audience (with the live member count), channels and time. */
export function ComposePushForm({ onCreated }: { onCreated: () => void }) {
  const [contentType, setContentType] = useState<string>("clinic_session")
  const [contentRef, setContentRef] = useState("")
  const [pickedTitle, setPickedTitle] = useState("")
  const [title, setTitle] = useState("")
  const [body, setBody] = useState("")
  const [link, setLink] = useState("")
  const [constitutions, setConstitutions] = useState("")
  const [tags, setTags] = useState("")
  const [provinces, setProvinces] = useState("")
  const [cities, setCities] = useState("")
  const [groups, setGroups] = useState("")
  const [products, setProducts] = useState("")
  const [listed, setListed] = useState("")
  const [ages, setAges] = useState<string[]>([])
  const [channels, setChannels] = useState<string[]>(["inbox"])
  const [sendAt, setSendAt] = useState("")
  const [preview, setPreview] = useState<Preview>()
  const [problem, setProblem] = useState<string>()
  const [saving, setSaving] = useState(false)

  const audience = useMemo(() => {
    const entries = listOf(listed)
    const filters = {
      constitution_types: listOf(constitutions),
      tags: listOf(tags),
      provinces: listOf(provinces),
      cities: listOf(cities),
      customer_group_ids: listOf(groups),
      purchased_product_ids: listOf(products),
      age_groups: ages,
      phones: entries.filter((entry) => !entry.startsWith("cus_")),
      customer_ids: entries.filter((entry) => entry.startsWith("cus_")),
    }
    return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length))
  }, [constitutions, tags, provinces, cities, groups, products, listed, ages])

  // The count follows the filters as they are typed (a short pause first).
  useEffect(() => {
    const timer = setTimeout(() => {
      adminRequest<{ audience: Preview }>("/admin/marketing-pushes/audience-preview", {
        method: "POST",
        body: { audience },
      })
        .then(({ audience }) => setPreview(audience))
        .catch((error) => setProblem(errorText(error)))
    }, 400)
    return () => clearTimeout(timer)
  }, [audience])

  // A picked item fills in the message; the marketer may still edit every field.
  const pick = (candidate: PushContentCandidate) => {
    setContentRef(candidate.ref)
    setPickedTitle(candidate.title)
    setTitle(candidate.title.slice(0, 100))
    setBody((candidate.summary || candidate.title).slice(0, 500))
    setLink(candidate.link)
  }
  const changeContentType = (type: string) => {
    setContentType(type)
    setContentRef("")
    setPickedTitle("")
  }

  const toggle = (list: string[], value: string) =>
    list.includes(value) ? list.filter((v) => v !== value) : [...list, value]

  const submit = () => {
    setSaving(true)
    adminRequest("/admin/marketing-pushes", {
      method: "POST",
      body: {
        content_type: contentType,
        content_ref: contentRef || null,
        title,
        body,
        link: link || null,
        audience,
        channels,
        send_at: sendAt ? new Date(sendAt).toISOString() : null,
      },
    })
      .then(() => {
        setProblem(undefined)
        onCreated()
      })
      .catch((error) => setProblem(errorText(error)))
      .finally(() => setSaving(false))
  }

  const field = (label: string, value: string, set: (v: string) => void, hint?: string) => (
    <div className="flex flex-col gap-y-1">
      <Label size="small">{label}</Label>
      <Input size="small" value={value} placeholder={hint} onChange={(e) => set(e.target.value)} />
    </div>
  )

  return (
    <div className="flex flex-col gap-y-3">
      <div className="grid grid-cols-2 gap-3">
        <div className="flex flex-col gap-y-1">
          <Label size="small">内容类型</Label>
          <Select value={contentType} onValueChange={changeContentType} size="small">
            <Select.Trigger>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {CONTENT_TYPES.map(([value, label]) => (
                <Select.Item key={value} value={value}>
                  {label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <div className="flex flex-col justify-end gap-y-1">
          {contentType === "custom" ? (
            <Text size="small" className="text-ui-fg-subtle">
              自定义内容：直接填写标题、正文和链接
            </Text>
          ) : contentRef ? (
            <Text size="small" data-testid="push-content-picked">
              已选内容：{pickedTitle}
            </Text>
          ) : (
            <Text size="small" className="text-ui-fg-subtle">
              在下方搜索并选用要推送的内容，或直接填写
            </Text>
          )}
        </div>
      </div>
      {contentType !== "custom" && (
        <PushContentPicker type={contentType} picked={contentRef} onPick={pick} />
      )}
      <div className="grid grid-cols-2 gap-3">
        {field("标题", title, setTitle)}
        {field("链接", link, setLink, "/articles/… 或 https://…")}
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">正文</Label>
        <Textarea value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <Text size="small" weight="plus">
        目标会员（不填为全部会员；多个值用逗号分隔）
      </Text>
      <div className="grid grid-cols-3 gap-3">
        {field("体质", constitutions, setConstitutions, "qixu, yangxu")}
        {field("会员标签", tags, setTags, "series-cancer")}
        {field("省份", provinces, setProvinces, "湖南")}
        {field("城市", cities, setCities, "岳阳")}
        {field("客户分组 id", groups, setGroups)}
        {field("购买过的商品 id", products, setProducts)}
      </div>
      <div className="flex flex-wrap gap-4">
        {AGE_GROUPS.map(([value, label]) => (
          <Label key={value} size="small" className="flex items-center gap-2">
            <Checkbox
              checked={ages.includes(value)}
              onCheckedChange={() => setAges(toggle(ages, value))}
            />
            {label}
          </Label>
        ))}
      </div>
      <div className="flex flex-col gap-y-1">
        <Label size="small">导入名单（手机号或会员 id，每行一个）</Label>
        <Textarea value={listed} onChange={(e) => setListed(e.target.value)} />
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        预计触达 {preview ? preview.count : "…"} 位会员
        {preview?.sample.length
          ? `，如：${preview.sample.map((s) => `${s.name}${s.phone ? `（${s.phone}）` : ""}`).join("、")}`
          : ""}
      </Text>
      <div className="flex flex-wrap gap-4">
        {CHANNELS.map(([value, label]) => (
          <Label key={value} size="small" className="flex items-center gap-2">
            <Checkbox
              checked={channels.includes(value)}
              onCheckedChange={() => setChannels(toggle(channels, value))}
            />
            {label}
          </Label>
        ))}
      </div>
      <div className="flex items-end gap-3">
        <div className="flex flex-col gap-y-1">
          <Label size="small">发送时间（留空立即发送）</Label>
          <Input
            size="small"
            type="datetime-local"
            value={sendAt}
            onChange={(e) => setSendAt(e.target.value)}
          />
        </div>
        <Button
          size="small"
          onClick={submit}
          isLoading={saving}
          disabled={!title || !body || !channels.length}
        >
          {sendAt ? "定时发送" : "立即发送"}
        </Button>
      </div>
      {problem && <Text className="text-ui-fg-error">{problem}</Text>}
    </div>
  )
}
