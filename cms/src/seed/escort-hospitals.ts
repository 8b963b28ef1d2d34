/**
 * Demo hospitals for 陪诊 with their departments and each department's SOP (the steps an
 * escort follows, with tips). Step keys: register 挂号, wait 候诊, consult 就诊, examine 检查,
 * pay_and_collect 缴费取药, custom 其他.
 */

type SopStep = {
  step: "register" | "wait" | "consult" | "examine" | "pay_and_collect" | "custom"
  title: string
  tips: string
}

export type DemoDepartment = { name: string; sort: number; sop: SopStep[] }

export type DemoHospital = {
  name: string
  slug: string
  level: string
  city: string
  address: string
  latitude: number
  longitude: number
  guide: string
  sort: number
  departments: DemoDepartment[]
}

/** The outpatient steps most departments share; a department adds its own in between. */
const outpatient = (extra: SopStep[] = []): SopStep[] => [
  {
    step: "register",
    title: "取号挂号",
    tips: "提前 30 分钟到达，用就诊人身份证在自助机取号；初诊需先建档，核对姓名与科室。",
  },
  {
    step: "wait",
    title: "分诊候诊",
    tips: "到科室分诊台报到，留意叫号屏；老人久坐不适时可申请轮椅，备好温水。",
  },
  {
    step: "consult",
    title: "陪同就诊",
    tips: "协助说明病史与用药，记录医生原话医嘱；不代替患者做医疗决定。",
  },
  ...extra,
  {
    step: "pay_and_collect",
    title: "缴费取药",
    tips: "手机或自助机缴费，核对药品名称与数量，向药师确认用法用量并写在药盒上。",
  },
]

export const hospitals: DemoHospital[] = [
  {
    name: "中南大学湘雅医院",
    slug: "xiangya",
    level: "三级甲等",
    city: "长沙市",
    address: "湖南省长沙市开福区湘雅路 87 号",
    latitude: 28.2161,
    longitude: 112.9887,
    guide: `## 就医指南

- **门诊时间**：周一至周日 08:00-12:00，14:30-17:30
- **停车**：院内车位紧张，建议地铁 1 号线湘雅医院站 2 号口出站步行 5 分钟
- **门诊楼**：新门诊楼 1 楼挂号收费、2 楼内科、3 楼外科，检验科在 1 楼东侧`,
    sort: 1,
    departments: [
      {
        name: "心血管内科",
        sort: 1,
        sop: outpatient([
          {
            step: "examine",
            title: "心电图与抽血",
            tips: "心电图在门诊 2 楼东区；抽血需空腹，检查后提醒患者按压针眼 5 分钟并进食。",
          },
        ]),
      },
      {
        name: "神经内科",
        sort: 2,
        sop: outpatient([
          {
            step: "examine",
            title: "头颅 CT / 磁共振",
            tips: "磁共振需预约，取下金属物品；陪同前往影像科并记下取片时间。",
          },
        ]),
      },
      { name: "老年病科", sort: 3, sop: outpatient() },
    ],
  },
  {
    name: "湖南省人民医院",
    slug: "hunan-provincial-peoples",
    level: "三级甲等",
    city: "长沙市",
    address: "湖南省长沙市芙蓉区解放西路 61 号",
    latitude: 28.1951,
    longitude: 112.9851,
    guide: `## 就医指南

- **门诊时间**：周一至周五 08:00-17:30，周末半天
- **交通**：地铁 2 号线五一广场站 6 号口
- **提示**：门诊 1 楼设老年人绿色通道`,
    sort: 2,
    departments: [
      {
        name: "消化内科",
        sort: 1,
        sop: outpatient([
          {
            step: "examine",
            title: "胃肠镜",
            tips: "胃镜前 8 小时禁食；无痛胃肠镜需家属签字，检查后陪同观察 30 分钟再离院。",
          },
        ]),
      },
      { name: "内分泌科", sort: 2, sop: outpatient() },
    ],
  },
  {
    name: "岳阳市中心医院",
    slug: "yueyang-central",
    level: "三级甲等",
    city: "岳阳市",
    address: "湖南省岳阳市岳阳楼区东茅岭路 39 号",
    latitude: 29.3625,
    longitude: 113.1288,
    guide: `## 就医指南

- **门诊时间**：周一至周日 08:00-12:00，14:30-17:30
- **交通**：公交 15 路、22 路中心医院站`,
    sort: 3,
    departments: [
      { name: "骨科", sort: 1, sop: outpatient() },
      {
        name: "儿科",
        sort: 2,
        sop: outpatient([
          {
            step: "custom",
            title: "测量体温",
            tips: "发热患儿先到预检分诊测体温，按指引去发热门诊或儿科普通门诊。",
          },
        ]),
      },
    ],
  },
]
