/** Demo editorial content in Chinese: categories, tags, experts, articles, sites, banners, pages. */
import ccmq from "@health/contracts/ccmq.json"

export const categories = [
  { name: "基因科普", slug: "gene-science", sort: 1 },
  { name: "体质养生", slug: "constitution-care", sort: 2 },
  { name: "营养健康", slug: "nutrition", sort: 3 },
]

type TagKind = "topic" | "constitution" | "test_category" | "age_group"
type SeedTag = { name: string; slug: string; kind: TagKind }

/**
 * Audience tags: an article carrying one reaches the members commerce gives the same tag
 * (commerce/src/lib/push/member-tags.ts), so their slugs are commerce's own values.
 */
const constitutionTags: SeedTag[] = ccmq.types.map((type) => ({
  // One per type of the questionnaire; slug = the type code a constitution result gives.
  name: type.name,
  slug: type.code,
  kind: "constitution",
}))

/**
 * Members who bought a product carry the handles of its categories, so each test-category
 * tag is one of commerce's product category handles (commerce/src/seed/catalog.ts; a test
 * checks they match).
 */
const testCategoryTags: SeedTag[] = [
  { name: "肿瘤风险系列", slug: "series-cancer" },
  { name: "健康管理系列", slug: "series-wellness" },
  { name: "遗传与祖源系列", slug: "series-heritage" },
  { name: "疾病风险评估", slug: "usage-risk" },
  { name: "用药指导", slug: "usage-medication" },
  { name: "营养与运动", slug: "usage-lifestyle" },
  { name: "生育健康", slug: "usage-fertility" },
  // 按人群 categories, named apart from the age groups below.
  { name: "成人检测", slug: "population-adult" },
  { name: "儿童检测", slug: "population-child" },
  { name: "备孕家庭检测", slug: "population-family" },
  { name: "中老年检测", slug: "population-senior" },
].map((tag) => ({ ...tag, kind: "test_category" as const }))

/** Age groups as commerce computes them from a member's birth date (member-tags.ts). */
const ageGroupTags: SeedTag[] = [
  { name: "儿童（18 岁以下）", slug: "children" },
  { name: "青年（18–35 岁）", slug: "age-18-35" },
  { name: "中年（36–55 岁）", slug: "age-36-55" },
  { name: "老年（56 岁及以上）", slug: "seniors" },
].map((tag) => ({ ...tag, kind: "age_group" as const }))

/** Topics target nobody: they group articles for readers only. */
const topicTags: SeedTag[] = [
  { name: "基因检测", slug: "gene-testing", kind: "topic" },
  { name: "饮食调理", slug: "diet", kind: "topic" },
]

export const tags: SeedTag[] = [
  ...constitutionTags,
  ...testCategoryTags,
  ...ageGroupTags,
  ...topicTags,
]

export const experts = [
  {
    name: "李明华",
    title: "主任医师",
    hospital: "岳阳市中医医院",
    bio: "从事中医体质辨识与慢病调理 25 年，擅长气虚、痰湿体质的综合调养。",
    palette: ["#0f766e", "#5eead4"],
  },
  {
    name: "周静",
    title: "副主任医师、遗传咨询师",
    hospital: "湖南省妇幼保健院",
    bio: "专注遗传咨询与肿瘤遗传风险评估，参与多项基因检测临床应用研究。",
    palette: ["#7c3aed", "#c4b5fd"],
  },
] as const

export const articles = [
  {
    title: "气虚质怎么调？从吃、动、睡三方面入手",
    slug: "qixu-tiaoyang",
    category: "constitution-care",
    tags: ["qixu", "diet"],
    expert: "李明华",
    summary:
      "容易疲乏、气短、爱出汗？这可能是气虚质的表现。中医专家教你从饮食、运动和作息三方面调养。",
    publish_to_microsite: true,
    body: `## 什么是气虚质

气虚质是指元气不足，以疲乏、气短、自汗等表现为主要特征的体质状态。这类人群说话声音偏低，容易感冒，活动后更易出汗。

## 饮食：益气健脾

- 多吃小米、山药、大枣、鸡肉、香菇等益气健脾的食物；
- 少吃生冷寒凉与油腻食物，避免加重脾胃负担；
- 推荐食疗：**山药小米粥**，每周 3 次。

## 运动：柔缓为主

气虚的人不宜剧烈运动，散步、太极拳、八段锦都是很好的选择，以微微出汗为度。

## 作息：避免过劳

保证 7~8 小时睡眠，午间小憩 20 分钟，注意保暖防风。

> 体质辨识只是健康管理的起点，如有明显不适请及时就医。`,
    palette: ["#0f766e", "#99f6e4"],
  },
  {
    title: "痰湿体质的人，为什么总是瘦不下来？",
    slug: "tanshi-jianzhong",
    category: "constitution-care",
    tags: ["tanshi", "diet"],
    expert: "李明华",
    summary: "腹部松软、身体沉重、口中黏腻，痰湿体质的人减重有其特殊方法。",
    publish_to_microsite: true,
    body: `## 痰湿体质的特点

痰湿质的人多形体肥胖、腹部松软，面部油脂多，常感胸闷、身重。这与脾胃运化水湿的功能减弱有关。

## 调理建议

1. **饮食清淡**：多吃薏苡仁、赤小豆、冬瓜，少吃甜食与肥甘厚味；
2. **规律运动**：坚持每周 5 次、每次 40 分钟以上的快走或慢跑；
3. **远离潮湿**：居室通风，不宜久坐久卧。

坚持三个月，大多数人的身体沉重感会明显改善。`,
    palette: ["#b45309", "#fcd34d"],
  },
  {
    title: "肿瘤易感基因检测，哪些人需要做？",
    slug: "tumor-gene-test-who",
    category: "gene-science",
    tags: ["gene-testing", "series-cancer", "usage-risk"],
    expert: "周静",
    summary: "有家族史、早发肿瘤亲属或想提前了解风险的人，可以考虑肿瘤易感基因检测。",
    publish_to_microsite: false,
    body: `## 肿瘤与遗传

约 5%~10% 的肿瘤与遗传性基因突变有关，例如 BRCA1/2 突变会显著增加乳腺癌和卵巢癌风险。

## 建议检测的人群

- 直系亲属中有 2 人及以上患同类肿瘤；
- 亲属在 50 岁前确诊肿瘤；
- 已确诊肿瘤、需要指导用药和家属筛查的患者；
- 希望提前了解风险、制定筛查计划的健康人群。

## 检测之后

检测结果需由遗传咨询师解读。携带致病突变并不等于一定患病，而是提示需要更早、更频繁的筛查。`,
    palette: ["#1d4ed8", "#93c5fd"],
  },
  {
    title: "一口唾液能测出什么？基因检测全流程解析",
    slug: "gene-test-process",
    category: "gene-science",
    tags: ["gene-testing"],
    expert: "周静",
    summary: "从下单、采样、寄回到拿到报告，一文看懂基因检测的完整流程与注意事项。",
    publish_to_microsite: true,
    body: `## 检测流程

1. **下单**：选择合适的检测项目，可选择寄送采样盒或到采集点现场采样；
2. **激活**：收到采样盒后，在"我的检测"中输入条码并签署知情同意书；
3. **采样**：采样前 30 分钟内不要进食、饮水、吸烟；
4. **寄回**：使用盒内回寄信封免费寄回实验室；
5. **报告**：实验室检测完成后，报告将上传到您的健康档案。

## 隐私保护

您的基因数据加密存储于境内服务器，仅您本人可以查看，您可以随时下载或申请删除。`,
    palette: ["#0369a1", "#7dd3fc"],
  },
  {
    title: "孩子挑食、长不高？营养代谢基因给出答案",
    slug: "child-nutrition-genes",
    category: "nutrition",
    tags: ["children", "diet", "gene-testing"],
    expert: "周静",
    summary: "不同孩子对钙、维生素 D、铁的吸收能力存在先天差异，科学补充比盲目进补更重要。",
    publish_to_microsite: false,
    body: `## 营养需求存在个体差异

VDR、GC 等基因会影响维生素 D 的代谢，部分孩子即使晒太阳、喝牛奶，维生素 D 水平仍然偏低。

## 家长可以这样做

- 结合基因检测与体检结果，制定个性化补充方案；
- 保证每天 1 小时户外活动；
- 均衡膳食，避免以保健品代替正餐。`,
    palette: ["#c2410c", "#fdba74"],
  },
  {
    title: "秋冬养阴：阴虚质人群的润燥指南",
    slug: "yinxu-autumn",
    category: "constitution-care",
    tags: ["yinxu", "seniors", "diet"],
    expert: "李明华",
    summary: "手足心热、口干咽燥、睡眠不好？阴虚质人群秋冬更要注意滋阴润燥。",
    publish_to_microsite: true,
    body: `## 阴虚质的表现

手足心热、口燥咽干、大便干燥、容易失眠，是阴虚质的典型表现，秋冬干燥季节尤为明显。

## 润燥三要点

1. **多喝温水**，少喝浓茶与咖啡；
2. **食疗滋阴**：百合银耳羹、雪梨炖冰糖、黑芝麻糊；
3. **不熬夜**：晚上 11 点前入睡，是最好的"养阴药"。`,
    palette: ["#be123c", "#fda4af"],
  },
]

export const sites = [
  {
    name: "岳阳楼区健康采集中心",
    slug: "yueyanglou-center",
    city: "岳阳市",
    district: "岳阳楼区",
    address: "湖南省岳阳市岳阳楼区巴陵中路 288 号健康大厦 1 楼",
    latitude: 29.3716,
    longitude: 113.1288,
    phone: "0730-8210001",
    hours: "周一至周六 08:30-17:30",
    services: ["唾液采样", "口腔拭子采样", "静脉采血", "报告解读"],
    capacity_per_slot: 8,
  },
  {
    name: "岳阳经开区采集点",
    slug: "economic-zone",
    city: "岳阳市",
    district: "岳阳经济技术开发区",
    address: "湖南省岳阳市经开区金凤桥路 66 号社区卫生服务中心 2 楼",
    latitude: 29.3428,
    longitude: 113.1512,
    phone: "0730-8210002",
    hours: "周一至周五 08:00-17:00",
    services: ["唾液采样", "口腔拭子采样"],
    capacity_per_slot: 5,
  },
  {
    name: "汨罗市采集点",
    slug: "miluo",
    city: "岳阳市",
    district: "汨罗市",
    address: "湖南省岳阳市汨罗市归义镇建设中路 18 号",
    latitude: 28.8065,
    longitude: 113.0672,
    phone: "0730-5210003",
    hours: "周二至周日 08:30-16:30",
    services: ["唾液采样", "静脉采血"],
    capacity_per_slot: 4,
  },
  {
    name: "华容县采集点",
    slug: "huarong",
    city: "岳阳市",
    district: "华容县",
    address: "湖南省岳阳市华容县章华镇华容大道 99 号",
    latitude: 29.5306,
    longitude: 112.5405,
    phone: "0730-4210004",
    hours: "周一至周六 08:30-17:00",
    services: ["唾液采样", "口腔拭子采样", "报告解读"],
    capacity_per_slot: 4,
  },
  {
    name: "岳阳县采集点",
    slug: "yueyang-county",
    city: "岳阳市",
    district: "岳阳县",
    address: "湖南省岳阳市岳阳县荣家湾镇建设路 120 号",
    latitude: 29.1447,
    longitude: 113.1162,
    phone: "0730-7210005",
    hours: "周一至周五 08:30-17:00",
    services: ["唾液采样"],
    capacity_per_slot: 3,
  },
]

export const banners = [
  {
    title: "基因检测 守护全家健康",
    subtitle: "8 大检测系列，专业遗传咨询师一对一解读",
    link: "/products",
    placement: "home_hero",
    sort: 1,
    palette: ["#0f766e", "#14b8a6"],
  },
  {
    title: "中医体质辨识 免费测一测",
    subtitle: "60 道题读懂你的体质，获取个性化养生方案",
    link: "/articles",
    placement: "home_hero",
    sort: 2,
    palette: ["#9a3412", "#fb923c"],
  },
]

export const pages = [
  {
    slug: "privacy-policy",
    title: "隐私政策",
    kind: "legal",
    version: "2026-11",
    body: `## 我们收集哪些信息

为向您提供基因检测与健康管理服务，我们会收集您的手机号、收货地址、检测样本信息以及您主动上传的健康资料。

## 我们如何保护您的信息

- 基因数据、检测报告与健康档案均**加密存储于中国境内**；
- 仅您本人以及为您提供服务所必需的授权人员可以访问，所有访问均被记录；
- 未经您的单独同意，我们不会将您的数据用于科研或提供给第三方。

## 您的权利

您可以随时查看、下载您的健康档案，撤回已签署的同意，或申请删除您的数据。

如有疑问，请联系客服：400-800-0000。`,
  },
  {
    slug: "terms",
    title: "用户服务协议",
    kind: "legal",
    version: "2026-11",
    body: "欢迎使用健康服务平台。注册即表示您同意遵守本协议。本平台提供的健康建议不构成医疗诊断，如有不适请及时就医。",
  },
  {
    slug: "consent-testing",
    title: "基因检测知情同意书",
    kind: "consent",
    version: "2026-11",
    body: "本人自愿接受基因检测，已了解检测的目的、方法、局限性及可能的风险，同意实验室对本人样本进行检测。",
  },
  {
    slug: "consent-storage",
    title: "样本保存知情同意书",
    kind: "consent",
    version: "2026-11",
    body: "本人同意实验室在检测完成后保存剩余样本不超过 2 年，用于复检；本人可随时撤回本同意，撤回后样本将被销毁。",
  },
  {
    slug: "consent-research",
    title: "科研使用知情同意书",
    kind: "consent",
    version: "2026-11",
    body: "本人同意在去除个人身份信息后，将本人的检测数据用于经伦理委员会批准的科学研究。本同意完全自愿，不影响本人获得检测服务，可随时撤回。",
  },
  // 陪诊: the consents a booking needs besides the privacy policy (个人信息保护法 arts. 14, 29, 23).
  {
    slug: "consent-personal-info",
    title: "个人信息处理同意",
    kind: "consent",
    version: "2026-12",
    body: "为完成陪诊预约、派单、服务与售后，本人同意平台处理本人及就诊人的姓名、手机号、就诊医院与科室、见面地点等个人信息，保存期限以完成服务及法律要求的期限为限，本人可随时撤回。",
  },
  {
    slug: "consent-sensitive-personal-info",
    title: "敏感个人信息处理同意",
    kind: "consent",
    version: "2026-12",
    body: "本人已知悉，就诊人的身份证号、健康状况与就医需求属于敏感个人信息。本人同意平台为医院挂号及陪诊服务所必需而处理上述信息：身份证号加密保存、打码显示，每次读取均被记录。",
  },
  {
    slug: "consent-escort-sharing",
    title: "向陪诊员提供就诊人信息的单独同意",
    kind: "consent",
    version: "2026-12",
    body: "本人单独同意：在服务进行期间（自接单起至服务完成后 24 小时），平台向为本单服务的陪诊员提供就诊人姓名、打码的身份证号、见面地点与特殊需求。服务结束后陪诊员不再能查看。本人可随时在「我的同意」中撤回；服务开始前撤回将导致本次陪诊无法进行，可申请取消并退款。",
  },
  // 陪诊员入驻: the applicant's own consents (个人信息保护法 arts. 14, 29), besides the privacy policy.
  {
    slug: "consent-escort-applicant-personal-info",
    title: "陪诊员个人信息处理同意",
    kind: "consent",
    version: "2026-12",
    body: "为审核入驻申请、派单与结算，本人同意平台处理本人的姓名、手机号、服务城市、常驻地点与擅长领域。入驻未通过或退出平台后，平台按《隐私政策》所述期限删除或匿名化上述信息。本人可随时撤回本同意，撤回后平台不再收集新的资料，入驻申请无法继续办理。",
  },
  {
    slug: "consent-escort-applicant-sensitive-info",
    title: "陪诊员敏感个人信息处理同意",
    kind: "consent",
    version: "2026-12",
    body: "本人单独同意：平台为实名认证与入驻审核处理本人的身份证号（加密保存、打码显示）、人脸核验结果、健康证与背景调查材料（加密保存，仅审核人员可查看，每次查看均被记录）。证件材料在失效或申请结束后按保存期限删除。本人可随时撤回本同意。",
  },
]
