import { writeFileSync } from "fs"
import type { ExecArgs, SearchTypes } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { SITE_SEARCH_MODULE } from "../modules/site-search"
import {
  searchIndexes,
  type SearchType,
  type SiteSearchDocument,
} from "../modules/site-search/indexes"
import type SiteSearchModuleService from "../modules/site-search/service"

/**
 * For bench/search.mjs: indexes N products and N articles with Chinese titles through
 * site search (indexes prefixed `bench_`, so real documents are untouched), copies the same
 * rows into a plain table, and times in this process, interleaved, for every query:
 * the Postgres provider's search (the code and SQL /store/search runs, minus HTTP), a plain
 * SQL ILIKE '%q%' over the plain table (the baseline), and Meilisearch when MEILI_HOST is
 * set. Everything it wrote is removed at the end. Writes the samples to `out` as JSON.
 *   npx medusa exec ./src/scripts/bench-search.ts 10000 /tmp/bench-search.json 20
 */

export const BENCH_QUERIES = [
  "基因",
  "体质",
  "气虚",
  "岳阳",
  "肿瘤易感",
  "用药指导",
  "痰湿 饮食",
  "儿童天赋",
  "量子纠缠",
]

/** A small deterministic PRNG (mulberry32): the same documents every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TESTS = [
  ["肿瘤易感基因检测", "series-cancer"],
  ["乳腺癌易感基因检测", "series-cancer"],
  ["结直肠癌风险基因检测", "series-cancer"],
  ["药物代谢基因检测（用药指导）", "usage-medication"],
  ["心脑血管用药指导基因检测", "usage-medication"],
  ["儿童天赋基因检测", "series-children"],
  ["营养代谢基因检测", "series-health"],
  ["运动基因检测", "series-health"],
  ["遗传性耳聋基因检测", "series-genetic"],
  ["叶酸代谢基因检测", "series-health"],
  ["酒精代谢基因检测", "series-health"],
  ["中医体质辨识套餐", "series-tcm"],
] as const
const EDITIONS = ["标准版", "尊享版", "家庭装（2人）", "单人装", "企业团检版", "孕前版"]
const SELLING = [
  "口腔拭子居家采样，无需抽血",
  "国家认证实验室检测，15 个工作日出具报告",
  "岳阳地区可到店采样，专人指导",
  "报告由遗传咨询师一对一解读",
  "检测位点覆盖主流人群风险基因",
  "附赠健康管理方案与复查提醒",
  "支持为家人购买，分别激活条码",
]
const TYPES = [
  "平和质",
  "气虚质",
  "阳虚质",
  "阴虚质",
  "痰湿质",
  "湿热质",
  "血瘀质",
  "气郁质",
  "特禀质",
]
const TOPICS = [
  "的饮食调养",
  "的运动建议",
  "的情志调摄",
  "的起居养生",
  "的四季养生要点",
  "常见问题解答",
  "人群的体质辨识与调理",
]
const LEADS = ["专家谈", "一文读懂", "岳阳义诊回顾：", "用药指导：", "基因检测与", "家庭健康课："]
const PARAGRAPHS = [
  "饮食宜清淡，少食生冷油腻，多吃山药、薏米、红豆。",
  "坚持八段锦、太极拳等舒缓运动，每周三到五次。",
  "保持心情舒畅，避免过度思虑，规律作息。",
  "基因检测可以帮助了解药物代谢能力，合理用药。",
  "岳阳楼区、君山区的采集点均可预约到店采样。",
  "肿瘤易感基因检测适合有家族史的人群提前筛查。",
  "体质会随年龄与生活方式变化，建议每年复测一次。",
]

export function benchDocuments(count: number): Record<"product" | "article", SiteSearchDocument[]> {
  const pick = <T>(rand: () => number, list: readonly T[]) => list[Math.floor(rand() * list.length)]
  const products: SiteSearchDocument[] = []
  const productRand = random(7)
  for (let i = 0; i < count; i++) {
    const [test, category] = TESTS[i % TESTS.length]
    const edition = pick(productRand, EDITIONS)
    products.push({
      id: `bench_prod_${i}`,
      type: "product",
      title: `${test}·${edition}（第${1 + Math.floor(i / TESTS.length)}期）`,
      subtitle: pick(productRand, SELLING),
      url: `/products/bench-${i}`,
      content: [pick(productRand, SELLING), pick(productRand, SELLING)].join("；"),
      category,
      tags: [category],
    })
  }
  const articles: SiteSearchDocument[] = []
  const articleRand = random(11)
  for (let i = 0; i < count; i++) {
    const type = TYPES[i % TYPES.length]
    const lead = articleRand() < 0.3 ? pick(articleRand, LEADS) : ""
    articles.push({
      id: `bench_art_${i}`,
      type: "article",
      title: `${lead}${type}${pick(articleRand, TOPICS)}（${i + 1}）`,
      subtitle: `${type}人群的日常调养建议`,
      url: `/articles/bench-${i}`,
      content: Array.from({ length: 3 }, () => pick(articleRand, PARAGRAPHS)).join(""),
      category: "体质养生",
      tags: [type],
    })
  }
  return { product: products, article: articles }
}

type Engine = "postgres" | "ilike" | "meilisearch"
type Sample = { engine: Engine; type: SearchType; q: string; ms: number; hits: number }

export default async function benchSearch({ container, args }: ExecArgs) {
  const count = Number(args[0] ?? 10_000)
  const out = args[1] ?? "bench-search.json"
  const rounds = Number(args[2] ?? 20)
  if (!Number.isInteger(count) || count < 100)
    throw new Error("用法：<每类文档数> <输出文件> [轮数]")
  // Bench indexes live apart from the real ones (same table, other index names).
  process.env.SEARCH_INDEX_PREFIX = "bench_"
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const service = container.resolve<SiteSearchModuleService>(SITE_SEARCH_MODULE)
  const providers = service.providers()
  const meili = providers.length > 1 ? providers[0] : null
  const postgres = service.postgresProvider()
  const documents = benchDocuments(count)
  const types = ["product", "article"] as const

  try {
    const began = Date.now()
    for (const type of types) {
      await service.clearDocuments(type)
      for (let i = 0; i < documents[type].length; i += 1000) {
        await service.indexDocuments(type, documents[type].slice(i, i + 1000))
      }
    }
    const indexSeconds = (Date.now() - began) / 1000
    logger.info(`[bench] indexed ${count} products and ${count} articles in ${indexSeconds} s`)

    await knex.raw(
      "create table if not exists bench_search_plain (id text primary key, type text not null, title text not null, description text not null)"
    )
    await knex.raw("truncate bench_search_plain")
    for (const type of types) {
      const rows = documents[type].map((d) => ({
        id: d.id,
        type,
        title: d.title,
        description: [d.subtitle, d.content, ...(d.tags ?? [])].filter(Boolean).join("\n"),
      }))
      for (let i = 0; i < rows.length; i += 1000) {
        await knex("bench_search_plain").insert(rows.slice(i, i + 1000))
      }
    }
    await knex.raw("analyze bench_search_plain")
    await knex.raw("analyze site_search_document")

    const input = (type: SearchType, q: string): SearchTypes.ProviderSearchQuery => ({
      index: searchIndexes()[type],
      q,
      attributes_to_retrieve: [],
      pagination: { skip: 0, take: 10 },
    })
    const ilike = async (type: SearchType, q: string) => {
      const terms = q.split(/\s+/).filter(Boolean)
      const where = terms.map(() => "(title || ' ' || description) ilike ?").join(" and ")
      const { rows } = await knex.raw(
        `select id, title from bench_search_plain where type = ? and ${where} order by title limit 10`,
        [type, ...terms.map((t) => `%${t}%`)]
      )
      return rows.length as number
    }
    const engines: [Engine, (type: SearchType, q: string) => Promise<number>][] = [
      ["ilike", ilike],
      ["postgres", async (type, q) => (await postgres.search(input(type, q))).hits.length],
      ...(meili
        ? [
            [
              "meilisearch",
              async (type: SearchType, q: string) =>
                (await meili.search(input(type, q))).hits.length,
            ] as [Engine, (type: SearchType, q: string) => Promise<number>],
          ]
        : []),
    ]

    // One warm-up pass, then `rounds` passes with the engines interleaved per query.
    const samples: Sample[] = []
    for (let round = -1; round < rounds; round++) {
      for (const q of BENCH_QUERIES) {
        for (const type of types) {
          for (const [engine, run] of engines) {
            const started = performance.now()
            const hits = await run(type, q)
            const ms = performance.now() - started
            if (round >= 0) samples.push({ engine, type, q, ms, hits })
          }
        }
      }
    }
    writeFileSync(
      out,
      JSON.stringify({
        documents: count,
        rounds,
        index_seconds: indexSeconds,
        meili: !!meili,
        samples,
      })
    )
  } finally {
    for (const type of types) await service.clearDocuments(type)
    await knex.raw("drop table if exists bench_search_plain")
  }
}
