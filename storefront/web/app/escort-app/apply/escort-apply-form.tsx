"use client"

import {
  ADMISSION_DOCUMENT_CHOICES,
  createEscortAdmissionClient,
  type AdmissionDocumentKind,
  type ApplicantConsentText,
  type ApplicantConsents,
  type EscortApplication,
} from "@health/core"
import { useEffect, useMemo, useState } from "react"
import { escortRelayOptions } from "@/lib/escort-app-browser"
import { ApplicantConsentsPanel } from "./applicant-consents-panel"

const ACCEPTED_FILES = "image/jpeg,image/png,application/pdf"

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

const splitSpecialties = (text: string) =>
  text
    .split(/[,，、\s]+/)
    .map((one) => one.trim())
    .filter(Boolean)

/**
 * The applicant's side of 陪诊员入驻: details (the ID number is sent once and shown masked
 * after), 实名认证, documents per kind with their review state and reasons, and submission;
 * all of it only once the privacy policy and consents are accepted (and not withdrawn).
 */
export function EscortApplyForm({ consentTexts }: { consentTexts: ApplicantConsentText[] }) {
  const api = useMemo(() => createEscortAdmissionClient(escortRelayOptions()), [])
  const [application, setApplication] = useState<EscortApplication | null>(null)
  const [consents, setConsents] = useState<ApplicantConsents | null>(null)
  const [form, setForm] = useState<Form>(emptyForm)
  const [message, setMessage] = useState<{ error?: string; notice?: string }>({})
  const [busy, setBusy] = useState(false)
  const [loaded, setLoaded] = useState(false)

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

  useEffect(() => {
    Promise.all([api.getConsents(""), api.getApplication("")])
      .then(([given, saved]) => {
        setConsents(given)
        show(saved)
      })
      .catch((error: Error) => setMessage({ error: error.message }))
      .finally(() => setLoaded(true))
  }, [api])

  const run = async (action: () => Promise<EscortApplication | null>, notice: string) => {
    setBusy(true)
    setMessage({})
    try {
      show(await action())
      setMessage({ notice })
    } catch (error) {
      setMessage({ error: (error as Error).message || "操作失败，请重试" })
    } finally {
      setBusy(false)
    }
  }

  const save = (event: React.FormEvent) => {
    event.preventDefault()
    void run(
      () =>
        api.saveApplication("", {
          real_name: form.real_name.trim(),
          id_number: form.id_number.trim(),
          city: form.city.trim(),
          base_location: form.base_location.trim(),
          specialties: splitSpecialties(form.specialties),
        }),
      "资料已保存"
    )
  }

  const upload = (kind: AdmissionDocumentKind, file: File | undefined) => {
    if (!file) return
    void run(async () => {
      await api.uploadDocument("", kind, file, file.name)
      return api.getApplication("")
    }, "材料已上传，等待审核")
  }

  const editable = application?.status !== "approved"
  const field = (name: keyof Form) => ({
    value: form[name],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) =>
      setForm({ ...form, [name]: event.target.value }),
    disabled: !editable || busy,
  })

  if (!loaded) return <p className="hint">加载中…</p>

  const panel = (
    <ApplicantConsentsPanel
      api={api}
      texts={consentTexts}
      consents={consents}
      onChange={setConsents}
    />
  )
  if (!consents?.all_accepted) {
    return (
      <div className="escort-apply" data-testid="escort-apply-form">
        {panel}
        {message.error && (
          <p className="form-error" role="alert">
            {message.error}
          </p>
        )}
      </div>
    )
  }

  return (
    <div className="escort-apply" data-testid="escort-apply-form">
      {application && (
        <p data-testid="escort-apply-status">
          申请状态：<strong>{application.status_label}</strong>
          {application.suspension_reason && <span>（{application.suspension_reason}）</span>}
        </p>
      )}
      <form className="form" onSubmit={save}>
        <label>
          真实姓名
          <input name="real_name" autoComplete="name" required {...field("real_name")} />
        </label>
        <label>
          身份证号
          <input
            name="id_number"
            maxLength={18}
            placeholder={application?.id_number_masked ?? "18 位身份证号"}
            required
            {...field("id_number")}
          />
        </label>
        <label>
          服务城市
          <input name="city" placeholder="如 长沙市" required {...field("city")} />
        </label>
        <label>
          常驻地点
          <input
            name="base_location"
            placeholder="所在区县、街道"
            required
            {...field("base_location")}
          />
        </label>
        <label>
          擅长领域
          <input
            name="specialties"
            placeholder="如 儿科、孕产、异地就医"
            {...field("specialties")}
          />
        </label>
        {editable && (
          <button type="submit" className="button block" disabled={busy}>
            保存资料
          </button>
        )}
      </form>

      {application && (
        <>
          <h2>入驻条件</h2>
          <ul className="escort-apply-requirements" data-testid="escort-apply-requirements">
            {application.requirements.map((requirement) => (
              <li key={requirement.code} className={requirement.met ? "met" : "unmet"}>
                {requirement.met ? "✓" : "○"} {requirement.label}
              </li>
            ))}
          </ul>
          {!application.verified && (
            <button
              type="button"
              className="button block"
              disabled={busy}
              onClick={() => void run(() => api.verifyIdentity(""), "实名认证通过")}
            >
              实名认证（{application.real_name} {application.id_number_masked}）
            </button>
          )}

          <h2>资质材料</h2>
          <p className="hint">支持 JPG、PNG 图片或 PDF，单个不超过 10 MB。</p>
          {ADMISSION_DOCUMENT_CHOICES.map((choice) => (
            <div key={choice.kind} className="escort-apply-documents">
              <label>
                {choice.label}（{choice.hint}）
                <input
                  type="file"
                  accept={ACCEPTED_FILES}
                  data-testid={`escort-apply-upload-${choice.kind}`}
                  disabled={busy}
                  onChange={(event) => upload(choice.kind, event.target.files?.[0])}
                />
              </label>
              <ul>
                {application.documents
                  .filter((doc) => doc.kind === choice.kind)
                  .map((doc) => (
                    <li key={doc.id}>
                      {doc.title ?? doc.kind_label}：{doc.status_label}
                      {doc.expires_on && `，有效期至 ${doc.expires_on}`}
                      {doc.rejection_reason && `，驳回原因：${doc.rejection_reason}`}
                    </li>
                  ))}
              </ul>
            </div>
          ))}

          {(application.status === "draft" || application.status === "suspended") && (
            <button
              type="button"
              className="button primary block"
              disabled={busy}
              onClick={() => void run(() => api.submitApplication(""), "已提交，请等待审核")}
            >
              提交审核
            </button>
          )}
        </>
      )}
      {panel}
      {message.error && (
        <p className="form-error" role="alert">
          {message.error}
        </p>
      )}
      {message.notice && <p className="form-notice">{message.notice}</p>}
    </div>
  )
}
