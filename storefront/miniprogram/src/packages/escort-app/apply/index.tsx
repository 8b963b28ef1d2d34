import { Button, Input, Text, View } from "@tarojs/components"
import Taro, { useDidShow } from "@tarojs/taro"
import {
  ADMISSION_DOCUMENT_CHOICES,
  ApiError,
  loadApplicantConsentTexts,
  parseCnMobile,
  type AdmissionDocumentKind,
  type ApplicantConsentText,
  type ApplicantConsents,
  type EscortApplication,
} from "@health/core"
import { useEffect, useState } from "react"
import { Field } from "../../../components/field"
import { cms } from "../../../lib/clients"
import { explainError } from "../../../lib/explain-error"
import { escortAdmission } from "../escort-admission-client"
import { escortApp } from "../escort-app-client"
import { escortSession } from "../escort-session"
import { ApplicantConsentsSection } from "./applicant-consents-section"

type Form = {
  real_name: string
  id_number: string
  city: string
  base_location: string
  specialties: string
}

const emptyForm: Form = {
  real_name: "",
  id_number: "",
  city: "",
  base_location: "",
  specialties: "",
}

/** Uploads one chosen file (JPEG, PNG or PDF, checked again by commerce) as a document. */
async function uploadDocument(token: string, kind: AdmissionDocumentKind, path: string) {
  const target = escortAdmission.documentUploadTarget(token, kind)
  const answer = await Taro.uploadFile({
    url: target.url,
    filePath: path,
    name: target.name,
    header: target.header,
    formData: target.formData,
  })
  const body = JSON.parse(String(answer.data || "{}")) as { message?: string }
  if (answer.statusCode >= 300) throw new Error(body.message || "上传失败，请重试")
}

/** A picture from the album or camera, or a PDF from a chat (chooseMessageFile). */
async function chooseDocument(): Promise<string | null> {
  const { tapIndex } = await Taro.showActionSheet({
    itemList: ["拍照或相册图片", "聊天中的 PDF 文件"],
  })
  if (tapIndex === 0) {
    const { tempFilePaths } = await Taro.chooseImage({ count: 1, sizeType: ["compressed"] })
    return tempFilePaths[0] ?? null
  }
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: "file", extension: ["pdf"] })
  return tempFiles[0]?.path ?? null
}

/**
 * 陪诊员入驻 in the mini-program's escort mode: sign in by phone + SMS code as an applicant,
 * accept the privacy policy and consents, fill in the details, 实名认证, upload 健康证 / 背景调查 / certificates, submit for review.
 */
export default function EscortApply() {
  const [token, setToken] = useState(escortSession.token())
  const [application, setApplication] = useState<EscortApplication | null>(null)
  const [consents, setConsents] = useState<ApplicantConsents | null>(null)
  const [consentTexts, setConsentTexts] = useState<ApplicantConsentText[]>([])
  const [form, setForm] = useState<Form>(emptyForm)
  const [phone, setPhone] = useState("")
  const [code, setCode] = useState("")
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const show = (next: EscortApplication | null) => {
    setApplication(next)
    if (next) {
      setForm((current) => ({
        ...current,
        real_name: next.real_name ?? "",
        city: next.city ?? "",
        base_location: next.base_location ?? "",
        specialties: next.specialties.join("、"),
      }))
    }
  }

  const load = async (current = token) => {
    if (!current) return
    try {
      const [texts, given, saved] = await Promise.all([
        loadApplicantConsentTexts((slug) => cms.getPage(slug)),
        escortAdmission.getConsents(current),
        escortAdmission.getApplication(current),
      ])
      setConsentTexts(texts)
      setConsents(given)
      show(saved)
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        escortSession.signOut()
        setToken(undefined)
      } else setProblem(explainError(error))
    }
  }

  useDidShow(() => void load())
  useEffect(() => void load(), [token])

  const run = async (action: () => Promise<EscortApplication | null>, done: string) => {
    setBusy(true)
    setProblem(null)
    try {
      show(await action())
      setNotice(done)
    } catch (error) {
      setProblem(explainError(error, "操作失败，请重试"))
    } finally {
      setBusy(false)
    }
  }

  const signIn = async () => {
    const number = parseCnMobile(phone)
    if (!number) return setProblem("请输入正确的 11 位手机号")
    if (!/^\d{6}$/.test(code.trim())) return setProblem("请输入 6 位验证码")
    setBusy(true)
    setProblem(null)
    try {
      const next = await escortAdmission.signInApplicant(number, code.trim())
      escortSession.setToken(next)
      setToken(next)
    } catch (error) {
      setProblem(explainError(error, "登录失败，请重试"))
    } finally {
      setBusy(false)
    }
  }

  if (!token) {
    return (
      <View className="page" data-testid="escort-apply-login">
        <View className="section">
          <Text className="section__title">陪诊员入驻申请</Text>
          <Field label="手机号">
            <Input type="number" value={phone} onInput={(e) => setPhone(e.detail.value)} />
          </Field>
          <Field label="验证码">
            <Input
              type="number"
              maxlength={6}
              value={code}
              onInput={(e) => setCode(e.detail.value)}
            />
          </Field>
          <Button
            onClick={() => {
              const number = parseCnMobile(phone)
              if (!number) return setProblem("请输入正确的 11 位手机号")
              escortApp
                .requestEscortSignInCode(number)
                .then(() => setNotice("验证码已发送，5 分钟内有效"))
                .catch((error) => setProblem(explainError(error, "验证码发送失败，请稍后重试")))
            }}
          >
            获取验证码
          </Button>
          {notice ? <Text className="muted">{notice}</Text> : null}
          {problem ? <Text className="error-text">{problem}</Text> : null}
          <Button className="btn-primary" disabled={busy} onClick={signIn}>
            {busy ? "登录中…" : "登录并填写申请"}
          </Button>
        </View>
      </View>
    )
  }

  const consentSection = (
    <ApplicantConsentsSection
      token={token}
      texts={consentTexts}
      consents={consents}
      onChange={setConsents}
    />
  )
  if (!consents?.all_accepted) {
    return (
      <View className="page" data-testid="escort-apply">
        {consentSection}
        {problem ? <Text className="error-text">{problem}</Text> : null}
      </View>
    )
  }

  const editable = application?.status !== "approved"
  const input = (name: keyof Form, placeholder: string) => (
    <Input
      value={form[name]}
      placeholder={placeholder}
      disabled={!editable || busy}
      onInput={(e) => setForm({ ...form, [name]: e.detail.value })}
    />
  )

  return (
    <View className="page" data-testid="escort-apply">
      {application ? (
        <View className="section">
          <Text>申请状态：{application.status_label}</Text>
          {application.suspension_reason ? (
            <Text className="error-text">{application.suspension_reason}</Text>
          ) : null}
        </View>
      ) : null}
      <View className="section">
        <Text className="section__title">基本信息</Text>
        <Field label="真实姓名">{input("real_name", "与身份证一致")}</Field>
        <Field label="身份证号">
          {input("id_number", application?.id_number_masked ?? "18 位身份证号")}
        </Field>
        <Field label="服务城市">{input("city", "如 长沙市")}</Field>
        <Field label="常驻地点">{input("base_location", "所在区县、街道")}</Field>
        <Field label="擅长领域">{input("specialties", "如 儿科、孕产、异地就医")}</Field>
        {editable ? (
          <Button
            disabled={busy}
            onClick={() =>
              run(
                () =>
                  escortAdmission.saveApplication(token, {
                    real_name: form.real_name.trim(),
                    id_number: form.id_number.trim(),
                    city: form.city.trim(),
                    base_location: form.base_location.trim(),
                    specialties: form.specialties
                      .split(/[,，、\s]+/)
                      .map((one) => one.trim())
                      .filter(Boolean),
                  }),
                "资料已保存"
              )
            }
          >
            保存资料
          </Button>
        ) : null}
      </View>
      {application ? (
        <View className="section">
          <Text className="section__title">入驻条件</Text>
          {application.requirements.map((requirement) => (
            <Text key={requirement.code} className={requirement.met ? "" : "muted"}>
              {requirement.met ? "✓" : "○"} {requirement.label}
            </Text>
          ))}
          {!application.verified ? (
            <Button
              disabled={busy}
              onClick={() => run(() => escortAdmission.verifyIdentity(token), "实名认证通过")}
            >
              实名认证（{application.id_number_masked}）
            </Button>
          ) : null}
          <Text className="section__title">资质材料（JPG、PNG 或 PDF，不超过 10 MB）</Text>
          {ADMISSION_DOCUMENT_CHOICES.map((choice) => (
            <View key={choice.kind}>
              <Text>
                {choice.label}（{choice.hint}）
              </Text>
              {application.documents
                .filter((doc) => doc.kind === choice.kind)
                .map((doc) => (
                  <Text key={doc.id} className="muted">
                    {doc.status_label}
                    {doc.expires_on ? `，有效期至 ${doc.expires_on}` : ""}
                    {doc.rejection_reason ? `，驳回原因：${doc.rejection_reason}` : ""}
                  </Text>
                ))}
              <Button
                size="mini"
                disabled={busy}
                onClick={() =>
                  run(async () => {
                    const path = await chooseDocument()
                    if (path) await uploadDocument(token, choice.kind, path)
                    return escortAdmission.getApplication(token)
                  }, "材料已上传，等待审核")
                }
              >
                上传
              </Button>
            </View>
          ))}
          {application.status === "draft" || application.status === "suspended" ? (
            <Button
              className="btn-primary"
              disabled={busy}
              onClick={() =>
                run(() => escortAdmission.submitApplication(token), "已提交，请等待审核")
              }
            >
              提交审核
            </Button>
          ) : null}
        </View>
      ) : null}
      {consentSection}
      {notice ? <Text className="muted">{notice}</Text> : null}
      {problem ? <Text className="error-text">{problem}</Text> : null}
    </View>
  )
}
