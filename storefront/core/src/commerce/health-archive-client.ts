import type {
  ArchiveUpload,
  Consent,
  Kit,
  KitReport,
  ReportFindings,
  PersonRelation,
  TestedPerson,
} from "@health/contracts"
import type { ArchiveAssessment, KitActivation } from "../health-archive/types"
import {
  commerceFileRequester,
  commerceRequester,
  type CommerceClientOptions,
  type CommerceRequestInit,
} from "./request"

const BASE = "/store/health-archive"

/** `POST /store/health-archive/persons`: a person the member books for, with their ID number. */
export type NewPersonServed = { relation: PersonRelation; name: string; id_number: string }
const noStore = { cacheHint: "no-store" as const }
const id = (value: string) => encodeURIComponent(value)

/**
 * 健康档案: a signed-in member's kits, reports, consents, assessments and uploaded records.
 * Every call takes the member's token; another member's record answers 404.
 */
export function createHealthArchiveClient(options: CommerceClientOptions) {
  const request = commerceRequester(options)
  const file = commerceFileRequester(options)
  const get = <T>(path: string, token: string) =>
    request<T>(`${BASE}${path}`, { token, ...noStore })
  const post = <T>(path: string, token: string, body?: unknown, init: CommerceRequestInit = {}) =>
    request<T>(`${BASE}${path}`, {
      method: "POST",
      body: body === undefined ? undefined : JSON.stringify(body),
      token,
      ...noStore,
      ...init,
    })

  return {
    /** The member's kits, newest first as the server orders them; `orderId` narrows to one order. */
    listKits: (token: string, orderId?: string) =>
      get<{ kits: Kit[]; count: number }>(
        orderId ? `/kits?order_id=${encodeURIComponent(orderId)}` : "/kits",
        token
      ),

    async kit(token: string, kitId: string): Promise<Kit> {
      return (await get<{ kit: Kit }>(`/kits/${id(kitId)}`, token)).kit
    },

    /**
     * Binds a barcode to a person with the consents the member signed. The server refuses a
     * mistyped code (400), a code it does not know for this member (400) and a used one (409).
     */
    async activateKit(token: string, activation: KitActivation): Promise<Kit> {
      return (await post<{ kit: Kit }>("/kits/activate", token, activation)).kit
    },

    /**
     * People the member has had tested or books for (就诊人), to pick instead of typing them
     * again; ID numbers only masked (`id_number_masked`, null for a kit's tested person).
     */
    async persons(token: string): Promise<TestedPerson[]> {
      return (await get<{ persons: TestedPerson[] }>("/persons", token)).persons
    },

    /** Saves a 就诊人 after 实名认证 of the name and ID number (a 400 in Chinese when refused). */
    async addPerson(token: string, person: NewPersonServed): Promise<TestedPerson> {
      return (await post<{ person: TestedPerson }>("/persons", token, person)).person
    },

    /** Removes one of the member's saved people (their kits keep naming them). */
    async removePerson(token: string, personId: string): Promise<void> {
      await request(`${BASE}/persons/${id(personId)}`, { method: "DELETE", token, ...noStore })
    },

    async report(token: string, reportId: string): Promise<KitReport> {
      return (await get<{ report: KitReport }>(`/reports/${id(reportId)}`, token)).report
    },

    /** The report with its structured findings (empty until the lab or the parser records them). */
    reportWithFindings: (token: string, reportId: string) =>
      get<{ report: KitReport; findings: ReportFindings }>(`/reports/${id(reportId)}`, token),

    /**
     * The member's audience tags (constitution types, tests bought, age group, flagged genes):
     * ask the CMS for articles and products carrying them.
     */
    async suggestionTags(token: string): Promise<string[]> {
      return (await get<{ tags: string[] }>("/suggestions", token)).tags
    },

    /** The report PDF; the first open marks the kit delivered. */
    reportFile: (token: string, reportId: string) =>
      file(`${BASE}/reports/${id(reportId)}/file`, { token, ...noStore }),

    async consents(token: string): Promise<Consent[]> {
      return (await get<{ consents: Consent[] }>("/consents", token)).consents
    },

    async withdrawConsent(token: string, consentId: string): Promise<Consent> {
      return (await post<{ consent: Consent }>(`/consents/${id(consentId)}/withdraw`, token))
        .consent
    },

    async assessments(token: string): Promise<ArchiveAssessment[]> {
      return (await get<{ assessments: ArchiveAssessment[] }>("/assessments", token)).assessments
    },

    async uploads(token: string): Promise<ArchiveUpload[]> {
      return (await get<{ uploads: ArchiveUpload[] }>("/uploads", token)).uploads
    },

    /** 1–10 files (JPEG, PNG, WebP or PDF, 10 MB each) under the field `files`, and a note. */
    async upload(
      token: string,
      files: Blob[] | { name: string; blob: Blob }[],
      note?: string
    ): Promise<ArchiveUpload[]> {
      const form = new FormData()
      for (const item of files) {
        if (item instanceof Blob) form.append("files", item)
        else form.append("files", item.blob, item.name)
      }
      if (note) form.set("note", note)
      return (
        await request<{ uploads: ArchiveUpload[] }>(`${BASE}/uploads`, {
          method: "POST",
          body: form,
          token,
          ...noStore,
        })
      ).uploads
    },

    /** The uploaded file's bytes with its own content type. */
    uploadFile: (token: string, uploadId: string) =>
      file(`${BASE}/uploads/${id(uploadId)}/file`, { token, ...noStore }),

    async deleteUpload(token: string, uploadId: string): Promise<void> {
      await request(`${BASE}/uploads/${id(uploadId)}`, { method: "DELETE", token, ...noStore })
    },

    /** A zip of everything: reports, uploads, and kits, consents and assessments as JSON. */
    exportArchive: (token: string) => file(`${BASE}/export`, { token, ...noStore }),

    /**
     * Removes reports, uploads, assessments and people and withdraws every consent. The
     * server wants the word the member typed, so a stray call cannot wipe an archive.
     */
    async deleteArchive(token: string, confirm: string): Promise<void> {
      await request(BASE, {
        method: "DELETE",
        body: JSON.stringify({ confirm }),
        token,
        ...noStore,
      })
    },
  }
}

export type HealthArchiveClient = ReturnType<typeof createHealthArchiveClient>
