import {
  checkKitBarcode,
  RELATION_LABELS,
  SEX_LABEL,
  type ConsentKind,
  type KitActivation,
  type PersonRelation,
  type PersonSex,
} from "@health/core"
import { isCalendarDate, shanghaiToday } from "./profile-form"

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()

/** The person field's value for "someone not tested before". */
export const NEW_PERSON = "new"

const CONSENT_KINDS: ConsentKind[] = ["testing", "storage", "research"]

const BARCODE_PROBLEM = {
  empty: "请输入采样盒上的条码",
  incomplete: "条码格式不正确：应为 GT 加 10 位数字",
  malformed: "条码格式不正确：应为 GT 加 10 位数字",
  mistyped: "条码校验未通过，请逐位核对是否输错",
} as const

/**
 * The activation form as the body commerce takes, or the first thing to fix, in Chinese.
 * Each ticked consent carries the version of the CMS text the member was shown.
 */
export function readKitActivationForm(
  form: FormData,
  today = shanghaiToday()
): { activation: KitActivation; problem?: never } | { activation?: never; problem: string } {
  const barcode = checkKitBarcode(text(form, "barcode"))
  if (barcode.state !== "valid") return { problem: BARCODE_PROBLEM[barcode.state] }

  const consents: KitActivation["consents"] = []
  for (const kind of CONSENT_KINDS) {
    if (form.get(`consent_${kind}`) !== "yes") continue
    const version = text(form, `consent_${kind}_version`)
    if (!version) return { problem: "知情同意书暂时无法加载，请刷新页面后重试" }
    consents.push({ kind, version })
  }
  if (!consents.some((c) => c.kind === "testing")) {
    return { problem: "请阅读并勾选基因检测知情同意书，才能激活采样盒" }
  }

  const personId = text(form, "person_id")
  if (personId && personId !== NEW_PERSON) {
    return { activation: { barcode: barcode.barcode, person_id: personId, consents } }
  }
  const relation = text(form, "relation") as PersonRelation
  const name = text(form, "name")
  const sex = text(form, "sex") as PersonSex
  const birthDate = text(form, "birth_date")
  if (!personId) return { problem: "请选择受检者" }
  if (!(relation in RELATION_LABELS)) return { problem: "请选择受检者与您的关系" }
  if (!name) return { problem: "请填写受检者姓名" }
  if (Array.from(name).length > 40) return { problem: "受检者姓名最多 40 个字" }
  if (!(sex in SEX_LABEL)) return { problem: "请选择受检者性别" }
  if (!isCalendarDate(birthDate) || birthDate < "1900-01-01" || birthDate > today) {
    return { problem: "请选择受检者正确的出生日期" }
  }
  return {
    activation: {
      barcode: barcode.barcode,
      person: { relation, name, sex, birth_date: birthDate },
      consents,
    },
  }
}
