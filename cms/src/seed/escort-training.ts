import type { Core } from "@strapi/strapi"
import { createHmac } from "crypto"

type Strapi = Core.Strapi

/** The token commerce reads courses and the question bank (with its answers) with. */
export const TRAINING_TOKEN_NAME = "commerce-training"
export const DEV_TRAINING_TOKEN = "dev-training-read-token-0123456789abcdef"
export const TRAINING_READ_ACTIONS = [
  "api::course.course",
  "api::exam-question.exam-question",
].flatMap((uid) => [`${uid}.find`, `${uid}.findOne`])

export const REQUIRED_COURSE_SLUG = "escort-service-standards-and-privacy"

type Option = { text: string; correct?: boolean }
type Question = {
  code: string
  kind: "single" | "multiple"
  stem: string
  options: Option[]
  explanation: string
}

/** 《陪诊服务规范与患者隐私》: required before an escort's first task, refreshed yearly. */
export const requiredCourse = {
  title: "陪诊服务规范与患者隐私",
  slug: REQUIRED_COURSE_SLUG,
  summary:
    "接单前必修：陪诊服务流程、安全底线与就诊人个人信息保护。通过考试后方可接单，证书每年复训。",
  required_for_first_task: true,
  refresher_months: 12,
  sort: 0,
  exam: { pass_mark_percent: 80, question_count: 10, retry_cooldown_minutes: 30 },
  lessons: [
    {
      title: "第一课：陪诊服务的边界",
      body: [
        "## 陪诊员做什么",
        "- 陪同就医：挂号、候诊、就诊、检查、缴费取药，按科室 SOP 逐步记录。",
        "- 帮助沟通：转述医生的叮嘱，但**不解读病情、不给诊疗建议**。",
        "- 照看安全：行动不便的就诊人全程陪同，不离开视线。",
        "",
        "## 陪诊员不做什么",
        "- 不代替就诊人或家属签署知情同意书等医疗文书。",
        "- 不推荐医院、医生、药品或保健品，不收取任何回扣或红包。",
        "- 不在平台外私下接单或收费。",
      ].join("\n"),
      video_url: null,
    },
    {
      title: "第二课：就诊人隐私与个人信息保护",
      body: [
        "依据《个人信息保护法》，就诊人的姓名、身份证号、病历、检查结果属于**敏感个人信息**。",
        "",
        "- 只在本次陪诊需要时查看；订单结束后平台自动收回查看权限。",
        "- 不拍摄、不转发病历和检查单，确需拍照留档（如缴费凭证）时只上传到订单。",
        "- 不在朋友圈、群聊中谈论就诊人的病情，即使隐去姓名。",
        "- 发现信息泄露，立即通过「报备」告知运营。",
      ].join("\n"),
      video_url: null,
    },
    {
      title: "第三课：异常情况与报备",
      body: [
        "- 就诊人身体突然不适：先呼叫医护人员，再报备。",
        "- 迟到或无法按时到达：提前联系家属并在应用内报备。",
        "- 发生争执或财物纠纷：保持冷静，保留记录，交由运营处理。",
      ].join("\n"),
      video_url: null,
    },
  ],
}

/** The question bank of the required course (≥ 10, so an exam draws a full set). */
export const requiredCourseQuestions: Question[] = [
  {
    code: "privacy-01",
    kind: "single",
    stem: "就诊人的身份证号、病历和检查结果属于哪类信息？",
    options: [
      { text: "敏感个人信息，需要严格保护", correct: true },
      { text: "公开信息，可以随意转发" },
      { text: "只要隐去姓名就可以分享" },
    ],
    explanation: "《个人信息保护法》将医疗健康、身份证件等列为敏感个人信息，只能为本次服务使用。",
  },
  {
    code: "privacy-02",
    kind: "single",
    stem: "陪诊结束后，陪诊员还能查看就诊人的资料吗？",
    options: [
      { text: "不能，订单结束后平台收回查看权限", correct: true },
      { text: "可以，方便下次联系" },
      { text: "可以截图保存在自己手机里" },
    ],
    explanation: "服务结束即停止访问，平台会自动收回权限，陪诊员也不应留存任何副本。",
  },
  {
    code: "privacy-03",
    kind: "multiple",
    stem: "以下哪些做法符合患者隐私保护要求？（多选）",
    options: [
      { text: "缴费凭证只上传到订单中", correct: true },
      { text: "不在群聊中谈论就诊人的病情", correct: true },
      { text: "把检查单拍照发朋友圈分享经验" },
      { text: "发现信息泄露立即报备运营", correct: true },
    ],
    explanation: "凭证只进订单、不谈论病情、泄露即报备；任何公开分享都不允许，即使隐去姓名。",
  },
  {
    code: "service-01",
    kind: "single",
    stem: "医生交代病情后，家属请陪诊员判断“这个病严不严重”，应该怎么做？",
    options: [
      { text: "如实转述医生原话，建议家属直接向医生咨询", correct: true },
      { text: "根据经验给出自己的判断" },
      { text: "推荐更好的医院和医生" },
    ],
    explanation: "陪诊员帮助沟通，但不解读病情、不给诊疗建议，诊断只能由医生作出。",
  },
  {
    code: "service-02",
    kind: "single",
    stem: "需要签署手术知情同意书时，家属不在场，陪诊员可以代签吗？",
    options: [
      { text: "不可以，应联系家属或由就诊人本人签署", correct: true },
      { text: "可以，陪诊员是临时监护人" },
      { text: "可以，事后告知家属即可" },
    ],
    explanation: "陪诊员不能代替就诊人或家属签署任何医疗文书。",
  },
  {
    code: "service-03",
    kind: "multiple",
    stem: "以下哪些行为是陪诊员禁止的？（多选）",
    options: [
      { text: "向就诊人推荐保健品并收取提成", correct: true },
      { text: "在平台外私下接单收费", correct: true },
      { text: "收取医院或药店的回扣", correct: true },
      { text: "按科室 SOP 记录挂号、候诊等步骤" },
    ],
    explanation: "推荐产品、私下接单和收回扣都是禁止行为；按 SOP 记录步骤是规范要求。",
  },
  {
    code: "service-04",
    kind: "single",
    stem: "陪同行动不便的老人做检查时，陪诊员应当：",
    options: [
      { text: "全程陪同，不让老人离开视线", correct: true },
      { text: "先去缴费，让老人自己排队" },
      { text: "把老人交给其他患者家属照看" },
    ],
    explanation: "照看安全是陪诊的底线，行动不便的就诊人需全程陪同。",
  },
  {
    code: "incident-01",
    kind: "single",
    stem: "候诊时就诊人突然晕倒，第一步应该做什么？",
    options: [
      { text: "立即呼叫身边的医护人员", correct: true },
      { text: "先在应用里写报备" },
      { text: "给家属打电话询问病史" },
    ],
    explanation: "先保障生命安全，呼叫医护人员；稳定后再联系家属并报备。",
  },
  {
    code: "incident-02",
    kind: "single",
    stem: "因交通原因可能迟到时，陪诊员应该：",
    options: [
      { text: "提前联系家属并在应用内报备", correct: true },
      { text: "不用说，到了再解释" },
      { text: "直接取消订单" },
    ],
    explanation: "提前告知并报备，便于运营和家属调整安排。",
  },
  {
    code: "incident-03",
    kind: "multiple",
    stem: "与就诊人家属发生费用争执时，正确的做法有：（多选）",
    options: [
      { text: "保持冷静，不争吵", correct: true },
      { text: "保留聊天和缴费记录", correct: true },
      { text: "通过报备交由运营处理", correct: true },
      { text: "扣下就诊卡直到对方付款" },
    ],
    explanation: "冷静、留证、交给运营；扣留证件或物品是严重违规。",
  },
  {
    code: "platform-01",
    kind: "single",
    stem: "陪诊员的培训合格证书有效期是多久？",
    options: [
      { text: "一年，到期需复训并重新考试", correct: true },
      { text: "永久有效" },
      { text: "一个月" },
    ],
    explanation: "必修课程证书每年复训，过期后需重新通过考试才能继续接单。",
  },
  {
    code: "platform-02",
    kind: "single",
    stem: "陪同就医过程中，每完成一个 SOP 步骤（如挂号、缴费取药）应当：",
    options: [
      { text: "在应用中记录该步骤，家属可实时看到", correct: true },
      { text: "服务全部结束后一次性补记" },
      { text: "不需要记录" },
    ],
    explanation: "逐步记录让家属实时了解进度，也是服务质量的依据。",
  },
]

/** The required course and its question bank, created once; editors' later changes are kept. */
export async function seedEscortTraining(strapi: Strapi) {
  const courses = strapi.documents("api::course.course")
  let course = await courses.findFirst({ filters: { slug: REQUIRED_COURSE_SLUG } } as never)
  if (!course) {
    course = await courses.create({ data: requiredCourse, status: "published" } as never)
  }
  const questions = strapi.documents("api::exam-question.exam-question")
  for (const [sort, question] of requiredCourseQuestions.entries()) {
    const existing = await questions.findFirst({ filters: { code: question.code } } as never)
    if (existing) continue
    await questions.create({
      data: {
        ...question,
        options: question.options.map((option) => ({
          text: option.text,
          correct: !!option.correct,
        })),
        sort,
        course: course.documentId,
      },
      status: "published",
    } as never)
  }
}

/**
 * The training token's key: CMS_TRAINING_TOKEN, else derived from the storefront token both
 * sides already share (CMS_API_TOKEN, server-side only), else the development key outside
 * production. commerce/src/lib/cms/training-course-source.ts derives it the same way.
 */
export function trainingTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | null {
  const configured = env.CMS_TRAINING_TOKEN?.trim()
  if (configured) return configured
  const storefront = env.CMS_API_TOKEN?.trim()
  if (storefront) return createHmac("sha256", storefront).update("escort-training").digest("hex")
  return env.NODE_ENV === "production" ? null : DEV_TRAINING_TOKEN
}

/**
 * Commerce's training token: find and findOne on courses and exam questions, nothing else;
 * the public and the storefront token cannot read the bank's answers. Production without a
 * key gets no token (commerce's training pages answer 503) rather than one with a published key.
 */
export async function ensureTrainingToken(strapi: Strapi) {
  const accessKey = trainingTokenFromEnv()
  if (!accessKey) {
    strapi.log.warn("CMS_TRAINING_TOKEN is not set: commerce cannot read training courses")
    return
  }
  const salt = strapi.config.get("admin.apiToken.salt") as string
  const hashed = createHmac("sha512", salt).update(accessKey).digest("hex")
  const tokens = strapi.db.query("admin::api-token")
  let token = (await tokens.findOne({
    where: { name: TRAINING_TOKEN_NAME },
    populate: ["permissions"],
  })) as { id: number; accessKey: string; type: string; permissions?: { action: string }[] } | null
  if (!token) {
    token = await strapi.service("admin::api-token-content-api").create({
      name: TRAINING_TOKEN_NAME,
      description: "商城后台读取陪诊员培训课程与题库（含答案，由初始化脚本创建）",
      type: "custom",
      permissions: TRAINING_READ_ACTIONS,
      lifespan: null,
    })
  } else {
    const have = (token.permissions ?? []).map((permission) => permission.action).sort()
    if (token.type !== "custom" || have.join() !== [...TRAINING_READ_ACTIONS].sort().join()) {
      await strapi
        .service("admin::api-token-content-api")
        .update(token.id, { type: "custom", permissions: TRAINING_READ_ACTIONS })
    }
  }
  if (token!.accessKey !== hashed) {
    const encryptedKey = strapi.service("admin::encryption").encrypt(accessKey)
    await tokens.update({ where: { id: token!.id }, data: { accessKey: hashed, encryptedKey } })
  }
}
