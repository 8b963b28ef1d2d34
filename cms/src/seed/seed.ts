import type { Core } from "@strapi/strapi"
import { randomUUID } from "crypto"
import { createHmac } from "crypto"
import { promises as fs } from "fs"
import os from "os"
import path from "path"
import { STOREFRONT_READ_ACTIONS, STOREFRONT_TOKEN_NAME } from "../access/content-api-access"
import { ADMIN_LANGUAGE, ensureDemoEditorialUsers, ensureEditorialRoles } from "./admin-roles"
import { STANDARD_QUESTIONNAIRE_VERSION, standardQuestionnaireItems } from "@health/contracts"
import ccmq from "@health/contracts/ccmq.json"
import { constitutionTexts } from "./constitution-types"
import { coverPng } from "./cover-image"
import { articles, banners, categories, experts, pages, sites, tags } from "./editorial"
import { hospitals } from "./escort-hospitals"
import { ensureTrainingToken, seedEscortTraining } from "./escort-training"
import { landingPages, type SeedLandingSection } from "./landing-pages"

type Strapi = Core.Strapi
type Uid = Parameters<Strapi["documents"]>[0]

export const QUESTIONNAIRE_VERSION = "ZYYXH/T157-2009"
export const DEV_STOREFRONT_TOKEN = "dev-storefront-read-token-0123456789abcdef"

/**
 * Demo content (editors, experts, articles, sites, 陪诊 hospitals, banners, a 义诊) only with
 * SEED_DEMO=1.
 */
export function wantsDemoContent(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SEED_DEMO?.trim() === "1"
}

/**
 * Reference content at every start, demo content only with SEED_DEMO=1. Each entry is
 * looked up by its slug or code first, so a second run creates nothing and never
 * overwrites what editors changed.
 */
export async function seed(strapi: Strapi) {
  const reference = await seedReferenceContent(strapi)
  if (wantsDemoContent()) await seedDemoContent(strapi, reference)
}

type ReferenceContent = { categoryIds: Record<string, string>; tagIds: Record<string, string> }

/**
 * What a live CMS needs before editors start: roles, the first super admin, the
 * storefronts' token, the article categories and tags the shop's navigation and member
 * pushes are keyed on, the legal pages (隐私政策, 用户服务协议, 知情同意书: drafts the
 * operator reviews) and the 体质辨识 questionnaire commerce scores.
 */
async function seedReferenceContent(strapi: Strapi): Promise<ReferenceContent> {
  await ensureEditorialRoles(strapi)
  await ensureSuperAdmin(strapi)
  await ensureStorefrontToken(strapi)
  const categoryIds: Record<string, string> = {}
  for (const category of categories) {
    categoryIds[category.slug] = await ensure(
      strapi,
      "api::article-category.article-category",
      "slug",
      category
    )
  }
  const tagIds: Record<string, string> = {}
  for (const tag of tags) {
    tagIds[tag.slug] = await ensure(strapi, "api::tag.tag", "slug", { ...tag })
  }
  for (const page of pages) {
    await ensure(strapi, "api::page.page", "slug", page)
  }
  await seedConstitution(strapi)
  // The required escort course (接单前必修) and the token commerce reads its bank with.
  await seedEscortTraining(strapi)
  await ensureTrainingToken(strapi)
  return { categoryIds, tagIds }
}

/**
 * The demo editors, experts, articles, collection sites, 陪诊 hospitals, banners, 专题页 and
 * one 义诊.
 */
async function seedDemoContent(strapi: Strapi, { categoryIds, tagIds }: ReferenceContent) {
  await ensureDemoEditorialUsers(strapi)
  const expertIds: Record<string, string> = {}
  for (const { palette, ...expert } of experts) {
    expertIds[expert.name] = await ensure(
      strapi,
      "api::expert.expert",
      "name",
      expert,
      async () => ({
        avatar: await uploadImage(strapi, `expert-${expert.name}`, palette),
      })
    )
  }
  for (const { palette, category, tags: articleTags, expert, ...article } of articles) {
    await ensure(
      strapi,
      "api::article.article",
      "slug",
      {
        ...article,
        author_name: expert,
        category: categoryIds[category],
        tags: articleTags.map((slug) => tagIds[slug]),
        expert: expertIds[expert],
      },
      async () => ({ cover: await uploadImage(strapi, `article-${article.slug}`, palette) })
    )
  }
  for (const site of sites) {
    await ensure(strapi, "api::collection-site.collection-site", "slug", { ...site, active: true })
  }
  for (const { departments, ...hospital } of hospitals) {
    const hospitalId = await ensure(strapi, "api::hospital.hospital", "slug", hospital)
    for (const department of departments) {
      await ensureDepartment(strapi, hospitalId, department)
    }
  }
  for (const { palette, ...banner } of banners) {
    await ensure(strapi, "api::banner.banner", "title", banner, async () => ({
      image: await uploadImage(strapi, `banner-${banner.sort}`, palette),
    }))
  }
  for (const { sections, ...page } of landingPages) {
    await ensure(strapi, "api::landing-page.landing-page", "slug", page, async () => ({
      sections: await Promise.all(
        sections.map((section) => landingSection(strapi, section, { categoryIds, tagIds }))
      ),
    }))
  }
  const start = new Date()
  start.setUTCDate(start.getUTCDate() + 14)
  start.setUTCHours(1, 30, 0, 0)
  await ensure(strapi, "api::clinic-session.clinic-session", "title", {
    title: "中医体质辨识义诊（岳阳楼区）",
    expert: expertIds["李明华"],
    starts_at: start.toISOString(),
    ends_at: new Date(start.getTime() + 3 * 3600_000).toISOString(),
    place: "岳阳楼区健康采集中心 3 楼会议室",
    capacity: 30,
    description: "李明华主任现场为会员进行体质辨识与养生指导，名额有限，请提前预约。",
  })
}

/** A 专题页 section as Strapi stores it: images uploaded, tag and category by documentId. */
async function landingSection(
  strapi: Strapi,
  section: SeedLandingSection,
  { categoryIds, tagIds }: ReferenceContent
): Promise<Record<string, unknown>> {
  switch (section.__component) {
    case "landing.hero":
    case "landing.image":
      return {
        ...section,
        image: await uploadImage(strapi, section.image.name, section.image.palette),
      }
    case "landing.article-list":
      return {
        ...section,
        tag: section.tag ? tagIds[section.tag] : undefined,
        category: section.category ? categoryIds[section.category] : undefined,
      }
    default:
      return section
  }
}

async function seedConstitution(strapi: Strapi) {
  await seedStandardQuestionnaireVersion(strapi)
  for (const [sort, type] of ccmq.types.entries()) {
    await ensure(strapi, "api::constitution-type.constitution-type", "code", {
      code: type.code,
      name: type.name,
      sort,
      ...constitutionTexts[type.code],
    })
  }
  const typesOf = (id: string) => ccmq.types.filter((t) => t.items.includes(id)).map((t) => t.code)
  const reverseIn = (id: string) =>
    Object.entries(ccmq.reverseScoredIn as Record<string, string[]>)
      .filter(([, items]) => items.includes(id))
      .map(([code]) => code)
  const legacy = ccmq.sexSpecific as Record<string, { female: string; male: string }>
  for (const [index, item] of ccmq.items.entries()) {
    const base = {
      code: item.id,
      types: typesOf(item.id),
      reverse_in: reverseIn(item.id),
      sort: index + 1,
      version: QUESTIONNAIRE_VERSION,
      sex: "all",
    }
    if (typeof item.text === "string") {
      await ensure(strapi, QUESTIONNAIRE_ITEM, "code", { ...base, text: item.text })
    } else {
      const texts = item.text as { female: string; male: string }
      await mergeSexSpecificItem(strapi, base, texts, legacy[item.id])
    }
  }
}

const QUESTIONNAIRE_ITEM = "api::questionnaire-item.questionnaire-item" as const

/**
 * Version 1 of the question bank is the standard's instrument, exactly as commerce ships it:
 * editors change the bank by publishing version 2 and up, never by editing this one.
 */
async function seedStandardQuestionnaireVersion(strapi: Strapi) {
  await ensure(strapi, "api::questionnaire-version.questionnaire-version", "number", {
    number: STANDARD_QUESTIONNAIRE_VERSION,
    label: QUESTIONNAIRE_VERSION,
    note: "中华中医药学会《中医体质分类与判定》标准原版题目与计分",
    items: standardQuestionnaireItems(ccmq),
  })
}

/**
 * The sex-specific item (q41) is ONE item with both wordings, its code the stable id that
 * commerce scores. Databases seeded before kept it twice (q41f and q41m, female and male):
 * their wordings, as editors left them, move onto the one item and the two entries go.
 */
async function mergeSexSpecificItem(
  strapi: Strapi,
  base: Record<string, unknown> & { code: string },
  texts: { female: string; male: string },
  legacyCodes: { female: string; male: string } | undefined
) {
  type Legacy = { documentId: string; code: string; text: string; sort?: number; version?: string }
  const documents = strapi.documents(QUESTIONNAIRE_ITEM)
  const old = (legacyCodes
    ? await documents.findMany({
        filters: { code: { $in: [legacyCodes.female, legacyCodes.male] } },
      } as never)
    : []) as unknown as Legacy[]
  const oldOf = (sex: "female" | "male") => old.find((entry) => entry.code === legacyCodes?.[sex])
  const female = oldOf("female")?.text ?? texts.female
  const male = oldOf("male")?.text ?? texts.male
  const kept = oldOf("female") ?? oldOf("male")
  await ensure(strapi, QUESTIONNAIRE_ITEM, "code", {
    ...base,
    ...(kept ? { sort: kept.sort ?? base.sort, version: kept.version ?? base.version } : {}),
    // Shown only where a client cannot tell the sex; the wordings below are what is asked.
    text: `${female}／${male}`,
    text_female: female,
    text_male: male,
  })
  for (const entry of old) {
    await documents.delete({ documentId: entry.documentId } as never)
  }
}

/** A hospital's department, looked up by hospital and name (names repeat across hospitals). */
async function ensureDepartment(
  strapi: Strapi,
  hospitalId: string,
  department: Record<string, unknown> & { name: string }
) {
  const documents = strapi.documents("api::department.department")
  const existing = await documents.findFirst({
    filters: { name: department.name, hospital: { documentId: hospitalId } },
  } as never)
  if (existing) return existing.documentId
  const created = await documents.create({
    data: { ...department, hospital: hospitalId },
    status: "published",
  } as never)
  return created.documentId
}

/** Creates (published) unless an entry with the same key exists; returns the documentId. */
async function ensure(
  strapi: Strapi,
  uid: Uid,
  key: string,
  data: Record<string, unknown>,
  media?: () => Promise<Record<string, unknown>>
): Promise<string> {
  const documents = strapi.documents(uid)
  const existing = await documents.findFirst({ filters: { [key]: data[key] } } as never)
  if (existing) return existing.documentId
  const created = await documents.create({
    data: { ...data, ...(media ? await media() : {}) },
    status: "published",
  } as never)
  return created.documentId
}

async function uploadImage(
  strapi: Strapi,
  name: string,
  palette: readonly [string, string] | string[]
) {
  const fileName = `${name}.png`
  const existing = await strapi.db
    .query("plugin::upload.file")
    .findOne({ where: { name: fileName } })
  if (existing) return existing.id
  const buffer = await coverPng(palette)
  const tmp = path.join(os.tmpdir(), `${randomUUID()}-${fileName}`)
  await fs.writeFile(tmp, buffer)
  try {
    const [file] = await strapi
      .plugin("upload")
      .service("upload")
      .upload({
        data: { fileInfo: { name: fileName, alternativeText: name } },
        files: {
          filepath: tmp,
          originalFilename: fileName,
          mimetype: "image/png",
          size: buffer.length,
        },
      })
    return file.id
  } finally {
    await fs.rm(tmp, { force: true })
  }
}

/** The development sign-in the README prints; production never accepts it. */
const DEVELOPMENT_ADMIN = { email: "admin@health.local", password: "Admin12345" }

/**
 * The first super admin from CMS_ADMIN_EMAIL / CMS_ADMIN_PASSWORD. In production both must
 * be set, and not the README's password, until an admin exists; a demo installation
 * (SEED_DEMO=1) falls back to the README's sign-in.
 */
export function cmsSuperAdminAccount(env: NodeJS.ProcessEnv = process.env) {
  const email = env.CMS_ADMIN_EMAIL?.trim()
  const password = env.CMS_ADMIN_PASSWORD?.trim()
  if (env.NODE_ENV !== "production" || wantsDemoContent(env)) {
    return {
      email: email || DEVELOPMENT_ADMIN.email,
      password: password || DEVELOPMENT_ADMIN.password,
    }
  }
  const missing = [!email && "CMS_ADMIN_EMAIL", !password && "CMS_ADMIN_PASSWORD"].filter(Boolean)
  if (missing.length) {
    throw new Error(`The first CMS admin needs ${missing.join(" and ")} (see docs/deploy.md)`)
  }
  if (password === DEVELOPMENT_ADMIN.password) {
    throw new Error("CMS_ADMIN_PASSWORD is the published development password: choose another")
  }
  return { email: email!, password: password! }
}

async function ensureSuperAdmin(strapi: Strapi) {
  const users = strapi.service("admin::user")
  if (await users.exists()) return
  const role = await strapi.service("admin::role").getSuperAdmin()
  const account = cmsSuperAdminAccount()
  await users.create({
    email: account.email,
    firstname: "内容",
    lastname: "管理员",
    password: account.password,
    registrationToken: null,
    isActive: true,
    roles: [role.id],
    preferedLanguage: ADMIN_LANGUAGE,
  })
}

/**
 * The storefronts' read-only token: find and findOne on their types, nothing else. Strapi
 * keeps only an HMAC of a token's key, so the seed sets the key from CMS_API_TOKEN: the
 * storefront is configured with the same value and nobody copies a token out of the admin
 * by hand.
 */
async function ensureStorefrontToken(strapi: Strapi) {
  const accessKey = process.env.CMS_API_TOKEN?.trim() || DEV_STOREFRONT_TOKEN
  if (process.env.NODE_ENV === "production" && accessKey === DEV_STOREFRONT_TOKEN) {
    throw new Error("CMS_API_TOKEN must be set to its own value in production (see docs/deploy.md)")
  }
  const salt = strapi.config.get("admin.apiToken.salt") as string
  const hashed = createHmac("sha512", salt).update(accessKey).digest("hex")
  const tokens = strapi.db.query("admin::api-token")
  let token = await tokens.findOne({ where: { name: STOREFRONT_TOKEN_NAME } })
  if (!token) {
    token = await strapi.service("admin::api-token-content-api").create({
      name: STOREFRONT_TOKEN_NAME,
      description: "商城前台与小程序只读访问（由初始化脚本创建）",
      type: "custom",
      permissions: STOREFRONT_READ_ACTIONS,
      lifespan: null,
    })
  }
  if (token.accessKey !== hashed) {
    const encryptedKey = strapi.service("admin::encryption").encrypt(accessKey)
    await tokens.update({ where: { id: token.id }, data: { accessKey: hashed, encryptedKey } })
  }
}
