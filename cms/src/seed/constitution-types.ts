/** Descriptions and regimen advice per type, written for members (standard TCM content). */
export const constitutionTexts: Record<
  string,
  {
    characteristics: string
    susceptibility: string
    regimen_diet: string
    regimen_exercise: string
    regimen_emotion: string
    regimen_daily: string
  }
> = {
  pinghe: {
    characteristics:
      "阴阳气血调和，体态适中，面色红润，精力充沛，睡眠良好，性格随和开朗，对环境适应能力强。",
    susceptibility: "平素患病较少。",
    regimen_diet: "饮食有节，粗细搭配，荤素均衡，不偏食，不过饥过饱，少食过冷过热之物。",
    regimen_exercise: "根据年龄与体力选择跑步、游泳、太极拳等运动，持之以恒。",
    regimen_emotion: "保持乐观平和的心态，劳逸结合。",
    regimen_daily: "起居有常，顺应四时，保证充足睡眠。",
  },
  qixu: {
    characteristics: "元气不足，容易疲乏，气短懒言，易出汗，说话声音低弱，舌淡红、边有齿痕。",
    susceptibility: "易患感冒、内脏下垂等病，病后康复缓慢。",
    regimen_diet:
      "多食益气健脾之品，如小米、山药、大枣、鸡肉、香菇、黄豆；少食生冷油腻与耗气的萝卜、空心菜。",
    regimen_exercise: "宜柔缓运动，如散步、太极拳、八段锦，避免大汗淋漓的剧烈运动。",
    regimen_emotion: "避免过度思虑与劳神，多与人交流，保持心情舒畅。",
    regimen_daily: "避免过劳，注意保暖防风，午间可小憩片刻。",
  },
  yangxu: {
    characteristics: "阳气不足，畏寒怕冷，手足不温，喜热饮食，精神不振，大便易溏。",
    susceptibility: "易患痰饮、肿胀、泄泻等病，感邪易从寒化。",
    regimen_diet: "宜温补阳气，如羊肉、韭菜、生姜、桂圆、核桃；少食西瓜、苦瓜、冷饮等寒凉之物。",
    regimen_exercise: "宜在阳光充足时进行舒缓运动，如慢跑、太极，避免在寒冷潮湿环境中锻炼。",
    regimen_emotion: "多晒太阳、多与人交往，克服消沉情绪。",
    regimen_daily: "注意腰背与足部保暖，避免久居寒湿之地，夏季少吹空调。",
  },
  yinxu: {
    characteristics: "阴液亏少，手足心热，口燥咽干，鼻微干，喜冷饮，大便干燥，舌红少津。",
    susceptibility: "易患虚劳、失眠、便秘等病，感邪易从热化。",
    regimen_diet: "宜滋阴润燥，如百合、银耳、梨、鸭肉、黑芝麻；少食辛辣、煎炸与温燥之品。",
    regimen_exercise: "宜中小强度运动，如太极拳、瑜伽，避免大汗，及时补充水分。",
    regimen_emotion: "学会调节急躁情绪，可听舒缓音乐、练习书法。",
    regimen_daily: "保证睡眠、避免熬夜，居室保持湿润，节制房事。",
  },
  tanshi: {
    characteristics: "痰湿凝聚，形体肥胖，腹部肥满松软，面部油脂较多，多汗且黏，胸闷痰多，口黏腻。",
    susceptibility: "易患消渴（糖尿病）、中风、胸痹等病。",
    regimen_diet:
      "饮食清淡，多食健脾祛湿之品，如薏苡仁、赤小豆、冬瓜、白萝卜；少食肥甘厚味与甜食。",
    regimen_exercise: "坚持较长时间的有氧运动，如快走、慢跑、游泳，循序渐进。",
    regimen_emotion: "保持心境平和，培养广泛兴趣爱好。",
    regimen_daily: "居处避免潮湿，衣着透气，早睡早起，不宜久卧久坐。",
  },
  shire: {
    characteristics: "湿热内蕴，面垢油光，易生痤疮，口苦口干，身重困倦，大便黏滞，小便短黄。",
    susceptibility: "易患疮疖、黄疸、热淋等病。",
    regimen_diet: "宜清热利湿，如绿豆、苦瓜、冬瓜、芹菜、莲藕；戒烟限酒，少食辛辣油炸与甜腻之物。",
    regimen_exercise: "适合强度较大的运动，如中长跑、游泳、球类，以消耗多余热量、排泄湿热。",
    regimen_emotion: "克制急躁易怒，学会释放压力。",
    regimen_daily: "避免熬夜与湿热环境，保持皮肤清洁，衣着宽松透气。",
  },
  xueyu: {
    characteristics: "血行不畅，肤色晦暗，色素沉着，容易出现瘀斑，口唇暗淡，舌暗或有瘀点。",
    susceptibility: "易患癥瘕、痛证、血证等病。",
    regimen_diet: "宜活血散瘀，如山楂、黑木耳、洋葱、玫瑰花茶；少食收涩、寒凉与肥腻之品。",
    regimen_exercise: "多做有益心脏血脉的活动，如舞蹈、太极、步行健身，避免久坐不动。",
    regimen_emotion: "培养乐观情绪，避免苦闷忧郁。",
    regimen_daily: "注意保暖，作息规律，保证足够睡眠。",
  },
  qiyu: {
    characteristics: "气机郁滞，神情抑郁，情感脆弱，烦闷不乐，多愁善感，易受惊吓，胁肋胀满。",
    susceptibility: "易患脏躁、梅核气、百合病及郁证等。",
    regimen_diet:
      "宜行气解郁，如佛手、玫瑰花、柑橘、萝卜、小麦；少饮浓茶与咖啡，睡前避免刺激性饮品。",
    regimen_exercise: "多参加户外集体运动，如登山、球类、广场舞，舒展身心。",
    regimen_emotion: "主动倾诉，多结交朋友，培养开朗豁达的性格。",
    regimen_daily: "居室明亮通风，规律作息，多晒太阳。",
  },
  tebing: {
    characteristics:
      "先天失常，以生理缺陷、过敏反应等为主，过敏体质者常见哮喘、风团、咽痒、鼻塞、喷嚏。",
    susceptibility: "过敏体质者易患哮喘、荨麻疹、花粉症及药物过敏等。",
    regimen_diet: "饮食清淡均衡，避免已知致敏食物，少食海鲜、辛辣、腥膻发物。",
    regimen_exercise: "积极锻炼增强体质，花粉季节减少户外运动，运动时注意防风保暖。",
    regimen_emotion: "保持心情平稳，避免紧张焦虑诱发过敏。",
    regimen_daily: "居室通风清洁，避免尘螨与花粉，新装修居室不宜立即入住。",
  },
}
