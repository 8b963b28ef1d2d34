import { Button, Checkbox, Input, Picker, Text, View } from "@tarojs/components"
import Taro from "@tarojs/taro"
import {
  checkKitBarcode,
  CONSENT_KIND_LABELS,
  CONSENT_PAGE_SLUG,
  RELATION_LABELS,
  SEX_LABEL,
  type ConsentKind,
  type Page,
  type PersonRelation,
  type PersonSex,
} from "@health/core"
import { useState } from "react"
import { Field } from "../../../components/field"
import { StateView } from "../../../components/state-view"
import { cms, healthArchive } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { routes } from "../../../lib/navigate"
import { useMemberLoad } from "../../../lib/use-member-load"

const KINDS: ConsentKind[] = ["testing", "storage", "research"]
const RELATIONS = Object.keys(RELATION_LABELS) as PersonRelation[]
const SEXES = Object.keys(SEX_LABEL) as PersonSex[]

/** Binds a kit's barcode to the person tested, with the consents whose texts come from the CMS. */
export default function ActivateKit() {
  const { result, reload } = useMemberLoad(async (token) => {
    const [persons, ...pages] = await Promise.all([
      healthArchive.persons(token),
      ...KINDS.map((kind) => cms.getPage(CONSENT_PAGE_SLUG[kind])),
    ])
    return { token, persons, consents: KINDS.map((kind, i) => ({ kind, page: pages[i] })) }
  })
  return (
    <View className="page" data-testid="kit-activate">
      <StateView result={result} onRetry={reload}>
        {(data) => <ActivationForm {...data} />}
      </StateView>
    </View>
  )
}

function ActivationForm(props: {
  token: string
  persons: { id: string; name: string; relation_label: string }[]
  consents: { kind: ConsentKind; page: Page | null }[]
}) {
  const [barcode, setBarcode] = useState("")
  const [personId, setPersonId] = useState<string | "new">(props.persons[0]?.id ?? "new")
  const [person, setPerson] = useState({
    relation: "self" as PersonRelation,
    name: "",
    sex: "female" as PersonSex,
    birth_date: "",
  })
  const [agreed, setAgreed] = useState<Partial<Record<ConsentKind, boolean>>>({})
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const check = checkKitBarcode(barcode)

  async function submit() {
    setProblem(null)
    if (check.state !== "valid") return setProblem(check.message)
    if (!agreed.testing) return setProblem("请阅读并同意基因检测知情同意书")
    if (personId === "new" && (!person.name.trim() || !person.birth_date))
      return setProblem("请填写受检人姓名和出生日期")
    const consents = props.consents
      .filter((c) => agreed[c.kind] && c.page?.version)
      .map((c) => ({ kind: c.kind, version: c.page!.version! }))
    setBusy(true)
    try {
      await healthArchive.activateKit(props.token, {
        barcode: check.barcode,
        consents,
        ...(personId === "new"
          ? { person: { ...person, name: person.name.trim() } }
          : { person_id: personId }),
      })
      Taro.showToast({ title: "激活成功", icon: "success" })
      await Taro.redirectTo({ url: routes.reports })
    } catch (error) {
      setProblem(explainError(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View>
      <View className="section">
        <Field label="检测盒条码">
          <Input
            className="field__input"
            placeholder="GT 开头，共 12 位"
            value={barcode}
            onInput={(e) => setBarcode(e.detail.value)}
          />
        </Field>
        <Text
          className={check.state === "valid" ? "notice-text" : "muted"}
          data-testid="barcode-check"
        >
          {check.message}
        </Text>
      </View>
      <View className="section">
        <Text className="section__title">受检人</Text>
        <View className="chips">
          {props.persons.map((p) => (
            <View
              key={p.id}
              className={`chip ${personId === p.id ? "chip--active" : ""}`}
              onClick={() => setPersonId(p.id)}
            >
              {p.name}（{p.relation_label}）
            </View>
          ))}
          <View
            className={`chip ${personId === "new" ? "chip--active" : ""}`}
            onClick={() => setPersonId("new")}
          >
            新增受检人
          </View>
        </View>
        {personId === "new" ? (
          <View>
            <Field label="关系">
              <Picker
                mode="selector"
                range={RELATIONS.map((r) => RELATION_LABELS[r])}
                onChange={(e) =>
                  setPerson({ ...person, relation: RELATIONS[Number(e.detail.value)] })
                }
              >
                <View className="field__input">{RELATION_LABELS[person.relation]}</View>
              </Picker>
            </Field>
            <Field label="姓名">
              <Input
                className="field__input"
                value={person.name}
                onInput={(e) => setPerson({ ...person, name: e.detail.value })}
              />
            </Field>
            <Field label="性别">
              <View className="chips">
                {SEXES.map((s) => (
                  <View
                    key={s}
                    className={`chip ${person.sex === s ? "chip--active" : ""}`}
                    onClick={() => setPerson({ ...person, sex: s })}
                  >
                    {SEX_LABEL[s]}
                  </View>
                ))}
              </View>
            </Field>
            <Field label="出生日期">
              <Picker
                mode="date"
                value={person.birth_date || "1990-01-01"}
                onChange={(e) => setPerson({ ...person, birth_date: e.detail.value })}
              >
                <View className="field__input">{person.birth_date || "请选择"}</View>
              </Picker>
            </Field>
          </View>
        ) : null}
      </View>
      <View className="section">
        <Text className="section__title">知情同意</Text>
        {props.consents.map(({ kind, page }) => (
          <View
            key={kind}
            className="row"
            onClick={() => setAgreed({ ...agreed, [kind]: !agreed[kind] })}
          >
            <Checkbox value={kind} checked={!!agreed[kind]} />
            <Text>
              {CONSENT_KIND_LABELS[kind]}
              {kind === "testing" ? "（必选）" : "（可选）"}
              {page?.version ? ` · 版本 ${page.version}` : ""}
            </Text>
          </View>
        ))}
      </View>
      {problem ? <Text className="error-text">{problem}</Text> : null}
      <Button className="btn-primary" disabled={busy} onClick={submit}>
        确认激活
      </Button>
    </View>
  )
}
