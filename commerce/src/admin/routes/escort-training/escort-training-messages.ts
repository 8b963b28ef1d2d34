/** 培训考试 (admin): every text of the screen in one place. */
export const ESCORT_TRAINING_MESSAGES = {
  title: "培训考试",
  intro:
    "陪诊员的课程进度与合格证书。必修课程全部通过且证书在有效期内才能接单；证书到期需复训。课程与题库在内容平台（CMS）编辑，发布后自动同步；课时进度为陪诊员已打开的课时数。",
  sync: "从内容平台同步课程",
  synced: (courses: number) => `已同步 ${courses} 门课程`,
  lessonsRead: (read: number, total: number) =>
    `已读 ${read}/${total} 课时（${Math.round((read / total) * 100)}%）`,
  empty: "还没有陪诊员",
  noCourses: "内容平台还没有发布培训课程",
  qualified: "可接单",
  notQualified: "未完成必修",
  detail: "证书记录",
  back: "返回列表",
  noCertificates: "还没有合格证书",
  statusLabels: { applicant: "申请中", active: "在岗", suspended: "已停用" } as Record<
    string,
    string
  >,
}
