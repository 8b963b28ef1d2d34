/**
 * The demo gene-test catalog. Prices are Medusa amounts in yuan (major units).
 * Every product has the same two options so storefronts can render one picker.
 */

export type SeedCategory = {
  handle: string
  name: string
  description: string
  children: { handle: string; name: string }[]
}

export const categoryFacets: SeedCategory[] = [
  {
    handle: "series",
    name: "按系列",
    description: "按检测系列浏览",
    children: [
      { handle: "series-cancer", name: "肿瘤风险系列" },
      { handle: "series-wellness", name: "健康管理系列" },
      { handle: "series-heritage", name: "遗传与祖源系列" },
    ],
  },
  {
    handle: "usage",
    name: "按用途",
    description: "按检测用途浏览",
    children: [
      { handle: "usage-risk", name: "疾病风险评估" },
      { handle: "usage-medication", name: "用药指导" },
      { handle: "usage-lifestyle", name: "营养与运动" },
      { handle: "usage-fertility", name: "生育健康" },
    ],
  },
  {
    handle: "population",
    name: "按人群",
    description: "按适用人群浏览",
    children: [
      { handle: "population-adult", name: "成人" },
      { handle: "population-child", name: "儿童" },
      { handle: "population-family", name: "备孕家庭" },
      { handle: "population-senior", name: "中老年" },
    ],
  },
]

export type SeedProduct = {
  handle: string
  title: string
  subtitle: string
  description: string
  categories: string[]
  tags: string[]
  /** Price of 标准版 单人装 in yuan; the other variants derive from it. */
  basePrice: number
  premiumPrice: number
  /** Share of the paid amount credited to affiliates; overrides the programme default. */
  cashbackRatio?: number
  sampleType: string
  turnaroundDays: number
  itemCount: number
  palette: [string, string]
}

export const products: SeedProduct[] = [
  {
    handle: "tumor-risk-gene-test",
    title: "肿瘤易感基因检测",
    subtitle: "覆盖 28 种高发肿瘤的遗传易感性评估",
    description:
      "检测 BRCA1/2、TP53、MLH1 等 150+ 个肿瘤相关基因，评估乳腺癌、结直肠癌、胃癌、肝癌等 28 种高发肿瘤的遗传风险，并给出个性化筛查建议。适合有肿瘤家族史或希望提前了解自身风险的成年人。",
    categories: ["series-cancer", "usage-risk", "population-adult", "population-senior"],
    tags: ["热销", "肿瘤", "成人"],
    basePrice: 1999,
    premiumPrice: 3999,
    cashbackRatio: 0.1,
    sampleType: "唾液",
    turnaroundDays: 20,
    itemCount: 28,
    palette: ["#0f766e", "#14b8a6"],
  },
  {
    handle: "child-talent-gene-test",
    title: "儿童天赋基因检测",
    subtitle: "了解孩子的先天特质，科学规划成长",
    description:
      "从运动能力、学习认知、性格特质、营养需求等 6 大维度、80 项指标解读孩子的先天基因特点，帮助家长因材施教。口腔拭子无痛采样，适合 3 岁以上儿童。",
    categories: ["series-wellness", "usage-lifestyle", "population-child"],
    tags: ["儿童", "新品"],
    basePrice: 1299,
    premiumPrice: 2599,
    sampleType: "口腔拭子",
    turnaroundDays: 15,
    itemCount: 80,
    palette: ["#c2410c", "#fb923c"],
  },
  {
    handle: "drug-metabolism-gene-test",
    title: "药物代谢基因检测",
    subtitle: "个体化用药指导，避免无效与不良反应",
    description:
      "检测 CYP2C19、CYP2D6、VKORC1 等药物代谢关键基因，覆盖心脑血管、抗凝、降压、精神类等 200 余种常用药物的用药建议，报告可供医生参考。",
    categories: ["series-wellness", "usage-medication", "population-adult", "population-senior"],
    tags: ["用药", "中老年", "特禀质"],
    basePrice: 899,
    premiumPrice: 1699,
    sampleType: "唾液",
    turnaroundDays: 10,
    itemCount: 200,
    palette: ["#1d4ed8", "#60a5fa"],
  },
  {
    handle: "nutrition-metabolism-gene-test",
    title: "营养代谢基因检测",
    subtitle: "吃对营养，从读懂自己的基因开始",
    description:
      "解读维生素、矿物质吸收与代谢、咖啡因与酒精代谢、体重管理相关基因，给出饮食结构与营养补充建议，帮助您制定个性化膳食方案。",
    categories: ["series-wellness", "usage-lifestyle", "population-adult"],
    tags: ["营养", "热销", "气虚质", "阳虚质", "阴虚质"],
    basePrice: 699,
    premiumPrice: 1299,
    cashbackRatio: 0.12,
    sampleType: "唾液",
    turnaroundDays: 10,
    itemCount: 45,
    palette: ["#15803d", "#4ade80"],
  },
  {
    handle: "carrier-screening-gene-test",
    title: "遗传病携带者筛查",
    subtitle: "备孕必查，守护下一代健康",
    description:
      "筛查地中海贫血、脊髓性肌萎缩症、耳聋等 200 余种隐性遗传病的致病变异携带情况，夫妻同测可评估子代患病风险，适合备孕及孕早期家庭。",
    categories: ["series-heritage", "usage-fertility", "population-family"],
    tags: ["备孕", "家庭", "遗传"],
    basePrice: 2599,
    premiumPrice: 4599,
    sampleType: "外周血",
    turnaroundDays: 25,
    itemCount: 200,
    palette: ["#be185d", "#f472b6"],
  },
  {
    handle: "ancestry-gene-test",
    title: "祖源分析",
    subtitle: "探寻你的祖先迁徙之路",
    description:
      "基于父系 Y 染色体、母系线粒体单倍群与常染色体祖源成分，解读您的祖先来源、迁徙路线与民族构成，附赠家族寻亲匹配服务。",
    categories: ["series-heritage", "usage-lifestyle", "population-adult"],
    tags: ["祖源", "新品"],
    basePrice: 499,
    premiumPrice: 999,
    sampleType: "唾液",
    turnaroundDays: 20,
    itemCount: 12,
    palette: ["#7c3aed", "#a78bfa"],
  },
  {
    handle: "chronic-disease-gene-test",
    title: "慢病风险基因检测",
    subtitle: "高血压、糖尿病、心脑血管风险早知道",
    description:
      "评估高血压、2 型糖尿病、冠心病、脑卒中、痛风等 30 种常见慢性病的遗传风险，结合生活方式问卷给出健康管理建议，适合 35 岁以上人群及慢病家族史人群。",
    categories: ["series-wellness", "usage-risk", "population-senior", "population-adult"],
    tags: ["慢病", "中老年", "热销", "痰湿质", "湿热质", "血瘀质"],
    basePrice: 1499,
    premiumPrice: 2999,
    sampleType: "唾液",
    turnaroundDays: 15,
    itemCount: 30,
    palette: ["#b91c1c", "#f87171"],
  },
  {
    handle: "sports-gene-test",
    title: "运动基因检测",
    subtitle: "找到最适合你的运动方式",
    description:
      "解读耐力、爆发力、肌肉恢复、运动损伤风险、减脂效率等 25 项运动相关基因，给出个性化运动类型、强度与恢复建议，适合健身爱好者与青少年运动员。",
    categories: ["series-wellness", "usage-lifestyle", "population-adult", "population-child"],
    tags: ["运动", "平和质", "气虚质", "气郁质", "痰湿质"],
    basePrice: 599,
    premiumPrice: 1099,
    sampleType: "口腔拭子",
    turnaroundDays: 10,
    itemCount: 25,
    palette: ["#0369a1", "#38bdf8"],
  },
]

/** A family pack tests two people; it is priced below two single kits. */
export const FAMILY_PACK_FACTOR_PERCENT = 180

export const VERSION_OPTION = "版本"
export const PACK_OPTION = "规格"
export const VERSIONS = ["标准版", "尊享版"] as const
export const PACKS = ["单人装", "家庭装（2人）"] as const
