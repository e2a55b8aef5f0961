# ما يقوله التحليل في جمل (crates/analysis/src/said.rs): ثغرات البيانات في ملامح البلد (gap-)
# ونتائج فحوص الممرات (check-). وتصوغها جميع الواجهات انطلاقاً من هنا. وترد $country و$name
# و$destination أسماءً باللغة المعنية؛ أما $datasets و$table فهي عناوين مجموعات البيانات كما
# كتبها ناشروها.

# يربط بين عناصر قائمة داخل جملة.
analysis-list-separator = ؛{" "}

## ثغرات البيانات في ملامح البلد (crates/analysis/src/profiles.rs, groups.rs, profile.rs).

# مجموعة بيانات وإصدارها، في قائمة بمجموعات البيانات.
gap-dataset-edition = { $title } (الإصدار { $edition })
gap-not-loaded = { $topic }: لم تُحمَّل البيانات؛ والمصدر هو { $source }.
gap-not-covered = { $topic }: { $count ->
    [zero] حُمِّلت مجموعات البيانات { $datasets }، لكنها لا تتضمن
    [one] حُمِّلت مجموعة البيانات { $datasets }، لكنها لا تتضمن
    [two] حُمِّلت مجموعتا البيانات { $datasets }، لكنهما لا تتضمنان
    [few] حُمِّلت مجموعات البيانات { $datasets }، لكنها لا تتضمن
    [many] حُمِّلت مجموعات البيانات { $datasets }، لكنها لا تتضمن
   *[other] حُمِّلت مجموعات البيانات { $datasets }، لكنها لا تتضمن
} أي قيمة في هذا الشأن لهذا البلد (فالبلد غير مشمول، أو غير مشمول في السنوات المطلوبة).

gap-topic-net-migration = صافي الهجرة
gap-source-net-migration = صافي الهجرة في UN WPP أو WDI SM.POP.NETM
gap-topic-population = عدد السكان (لازم للتعبير عن رصيد المهاجرين كنسبة من السكان)
gap-source-population = WDI SP.POP.TOTL أو UN WPP
gap-topic-remittances-received = التحويلات المالية الواردة
gap-source-remittances-received = WDI BX.TRF.PWKR.CD.DT أو مصنَّف KNOMAD للتدفقات الواردة
gap-topic-remittances-paid = التحويلات المالية المدفوعة
gap-source-remittances-paid = WDI BM.TRF.PWKR.CD.DT أو مصنَّف KNOMAD للتدفقات الصادرة
gap-topic-cost-to = مؤشر أهداف التنمية المستدامة 10.ج.1 (تكاليف التحويلات المالية إلى هذا البلد)
gap-source-cost-to = قاعدة بيانات Remittance Prices Worldwide التابعة للبنك الدولي (الممرات)
gap-topic-skilled = معدل هجرة ذوي المهارات (المهاجرون والمقيمون الحاصلون على تعليم عالٍ)
gap-source-skilled = OECD DIOC-E، التي تحصي المهاجرين المقيمين في بلدان منظمة التعاون والتنمية في الميدان الاقتصادي حسب بلد الميلاد، والمقيمين حسب مستوى التعليم في بلدان المنظمة وحدها
gap-topic-physicians = عدد الأطباء لكل 1,000 نسمة
gap-source-physicians = WDI SH.MED.PHYS.ZS
gap-topic-icmw = التصديق على اتفاقية العمال المهاجرين لعام 1990 (ICMW)
gap-source-icmw = جدول حالة التصديقات (مجموعة معاهدات الأمم المتحدة، الفصل الرابع-13)

gap-emigration-rate = معدل الهجرة إلى الخارج: يتطلب أعداد المهاجرين إلى الخارج والمهاجرين الوافدين والسكان للسنة نفسها؛ يُرجى استيراد مجاميع UN DESA حسب بلد المنشأ وحسب بلد المقصد، وWDI SP.POP.TOTL أو UN WPP.
gap-bilateral-stock = المغتربون حسب بلد المقصد، واتجاهات الممرات، والتركّز حسب بلدان المقصد: تتطلب رصيد المهاجرين الثنائي (بلد المنشأ × بلد المقصد)؛ يُرجى استيراد UN DESA International Migrant Stock حسب بلد المقصد وبلد المنشأ أو مصفوفة الهجرة الثنائية للبنك الدولي.
gap-flows-estimable = تدفقات الهجرة المقدرة: { $stored ->
    [0] لا توجد أي تقديرات مخزَّنة
    [zero] لا توجد أي تقديرات مخزَّنة
    [one] التقدير الوحيد المخزَّن للتدفقات لا يغطي هذا البلد
    [two] لا يغطي أيٌّ من تقديرَي التدفقات المخزَّنين هذا البلد
    [few] لا يغطي أيٌّ من تقديرات التدفقات المخزَّنة، وعددها { $stored }، هذا البلد
    [many] لا يغطي أيٌّ من تقديرات التدفقات المخزَّنة، وعددها { $stored }، هذا البلد
   *[other] لا يغطي أيٌّ من تقديرات التدفقات المخزَّنة، وعددها { $stored }، هذا البلد
}؛ ويمكن تقديرها انطلاقاً من جدولَي عامَي { $from } و{ $to } في { $table } (طريقة الفرق بين الأرصدة أو المحاسبة الديمغرافية، docs/flows.md).
gap-flows-no-table = تدفقات الهجرة المقدرة: { $stored ->
    [0] لا توجد أي تقديرات مخزَّنة
    [zero] لا توجد أي تقديرات مخزَّنة
    [one] التقدير الوحيد المخزَّن للتدفقات لا يغطي هذا البلد
    [two] لا يغطي أيٌّ من تقديرَي التدفقات المخزَّنين هذا البلد
    [few] لا يغطي أيٌّ من تقديرات التدفقات المخزَّنة، وعددها { $stored }، هذا البلد
    [many] لا يغطي أيٌّ من تقديرات التدفقات المخزَّنة، وعددها { $stored }، هذا البلد
   *[other] لا يغطي أيٌّ من تقديرات التدفقات المخزَّنة، وعددها { $stored }، هذا البلد
}؛ ويتطلب تقديرها سنتين من جدول واحد لرصيد المهاجرين الثنائي (UN DESA International Migrant Stock حسب بلد المقصد وبلد المنشأ).
gap-immigrant-stock = رصيد المهاجرين الوافدين: لم يُحمَّل أي رصيد للمهاجرين إلى هذا البلد (لا مجاميع UN DESA حسب بلد المقصد ولا جدول ثنائي يغطيه)؛ والمصدر هو UN DESA International Migrant Stock.
gap-emigrant-stock = رصيد المهاجرين إلى الخارج: لم يُحمَّل أي رصيد للمهاجرين من هذا البلد (لا مجاميع UN DESA حسب بلد المنشأ ولا جدول ثنائي يغطيه)؛ والمصدر هو UN DESA International Migrant Stock.
gap-pct-gdp = مؤشر أهداف التنمية المستدامة 17.3.2 (التحويلات المالية كنسبة مئوية من الناتج المحلي الإجمالي): الناتج المحلي الإجمالي غير متوفر للسنوات التي تتوفر فيها بيانات التحويلات المالية؛ يُرجى استيراد WDI NY.GDP.MKTP.CD.
gap-pct-exports = التحويلات المالية كنسبة مئوية من الصادرات: لم تُحمَّل صادرات السلع والخدمات للسنوات التي تتوفر فيها بيانات التحويلات المالية؛ يُرجى استيراد WDI NE.EXP.GNFS.CD.
gap-sender-concentration = تركّز التحويلات المالية حسب البلدان المرسلة: يتطلب مصفوفة التحويلات المالية الثنائية؛ يُرجى استيراد مصفوفة التحويلات المالية الثنائية للبنك الدولي/KNOMAD.
gap-skilled-no-residents = { gap-topic-skilled }: حُمِّلت بيانات المهاجرين الحاصلين على تعليم عالٍ، ولكن لم تُحمَّل بيانات المقيمين في البلد الحاصلين على تعليم عالٍ؛ والمصدر { gap-source-skilled }، ولذلك يظهر فيه للبلد غير العضو في المنظمة مهاجرون دون مقيمين.
gap-skilled-no-emigrants = { gap-topic-skilled }: حُمِّلت بيانات المقيمين الحاصلين على تعليم عالٍ، ولكن لم تُحمَّل أي بيانات عن المهاجرين من البلد؛ والمصدر هو { gap-source-skilled }.
gap-health-workers = معدل هجرة العاملين الصحيين: يتطلب أعداد الأطباء والممرضين في الخارج وفي البلد؛ يُرجى استيراد بيانات القوى العاملة الصحية من منظمة التعاون والتنمية في الميدان الاقتصادي أو من منظمة الصحة العالمية.
gap-safeguards-fictional = قائمة منظمة الصحة العالمية لدعم القوى العاملة الصحية وضماناتها: تشمل القائمة بلداناً حقيقية؛ وتُستمد حالة البلد الخيالي من ملف البلدان في عالم العرض.
gap-register = سجل السياسات: لم تُحمَّل أي سياسات لهذا البلد؛ ويُملأ السجل بملف سجل (TOML أو CSV، docs/register.md).
gap-answers = مؤشر أهداف التنمية المستدامة 10.7.2 (سياسات الهجرة التي تتسم بحسن الإدارة): لا توجد إجابات مخزَّنة من { $country } على استبيان المؤشر (صفوف item,answer؛ docs/assessment.md).

# ما لا يُعرض على من يقرأ مساحة العمل الخاصة بحكومة أخرى.
gap-register-partly-shared = { $country }: يُحفظ سجل السياسات في مساحة العمل الحكومية لهذا البلد، ولا يُشارَك معك منه سوى { $shared } من أصل سياساته البالغ عددها { $total }؛ ولا تُعرض فحوص الممرات لأنها تقرأ السجل بأكمله.
gap-register-withheld = { $country }: يُحفظ سجل السياسات في مساحة العمل الحكومية لهذا البلد ولا يُشارَك معك، وكذلك فحوص الممرات التي تقرؤه.
gap-answers-withheld = { $country }: تُحفظ الإجابات على أطر التقييم في مساحة العمل الحكومية لهذا البلد ولا تُشارَك معك.
gap-checks-withheld = { $count ->
    [zero] لا يُعرض { $count } فحص للممرات: فهي تقرأ
    [one] لا يُعرض فحص واحد للممرات: فهو يقرأ
    [two] لا يُعرض فحصان للممرات: فهما يقرآن
    [few] لا تُعرض { $count } فحوص للممرات: فهي تقرأ
    [many] لا يُعرض { $count } فحصاً للممرات: فهي تقرأ
   *[other] لا يُعرض { $count } فحص للممرات: فهي تقرأ
} سجل حكومة لا تشاركه معك.

# مجموعات البلدان (المناطق، وفئات الدخل، والعالم).
gap-group-income-unclassified = أعضاء فئات الدخل: لم يُحمَّل أي تصنيف للبنك الدولي؛ يُرجى استيراد مصنَّف CLASS للبنك الدولي (فئات الدخل).
gap-group-no-members = ليس للمجموعة أي أعضاء.
gap-group-immigrant-stock = رصيد المهاجرين الوافدين: لا يوجد لأي عضو مجموع منشور أو رصيد ثنائي؛ يُرجى استيراد UN DESA International Migrant Stock.
gap-group-population = السكان: لا توجد قيمة لأي عضو؛ يُرجى استيراد WDI SP.POP.TOTL أو UN WPP.
gap-group-remittances-received = التحويلات المالية الواردة: لا توجد قيمة لأي عضو؛ يُرجى استيراد WDI BX.TRF.PWKR.CD.DT أو مصنَّف KNOMAD للتدفقات الواردة.
gap-group-net-migration = صافي الهجرة: لا توجد قيمة لأي عضو؛ يُرجى استيراد WDI SM.POP.NETM أو صافي الهجرة في UN WPP.
gap-group-scope = ترد الممرات، والمغتربون، والتدفقات المقدرة، وتكاليف التحويلات المالية (مؤشر أهداف التنمية المستدامة 10.ج.1)، وهجرة ذوي المهارات والعاملين الصحيين، وقائمة الضمانات، وحالة التصديق على ICMW، والسياسات، في ملامح كل عضو على حدة، لا في ملامح المجموعات.

## نتائج فحوص الممرات (crates/analysis/src/corridor.rs). الوسوم والفئات المستهدفة ورموز
## المؤشرات هي معرِّفات ملف القواعد وتبقى كما كُتبت.

# يربط بين البدائل («سارية أو مخطط لها») والشروط («تحمل الوسم a وb») وأجزاء نمط
# السياسة.
analysis-or = {" "}أو{" "}
analysis-and = {" "}و
analysis-comma = ،{" "}

# ما تبحث عنه القاعدة في السجل: «صادرة عن نيبال (NPL)، سارية، تحمل الوسم …».
check-pattern-of = صادرة عن { $country } ({ $code })
check-pattern-of-either = صادرة عن { $origin } ({ $origin-code }) أو { $destination } ({ $destination-code })
check-pattern-tags = تحمل الوسم { $tags }
check-pattern-groups = موجهة إلى { $groups }
check-pattern-stages = في مرحلة { $stages }
check-pattern-meet = موجهة إلى الفئات المستهدفة بسياسات «{ $name }»
check-pattern-partner = تسمّي { $other } شريكاً
check-pattern-partner-or-none = تسمّي { $other } شريكاً أو لا تسمّي أي شريك
check-the-other-country = البلد الآخر
check-country = { $country } ({ $code })
# نتيجة قاعدة مفادها أن السجل يخلو مما تبحث عنه.
check-no-policy = لا توجد أي سياسة { $pattern }
# سبب عدم احتساب سياسة قريبة مما هو ناقص.
check-near-miss = كانت ستُحتسب، لولا ما يلي: { $reasons }
check-near-status = الحالة: { $status }
check-near-partner = لا تسمّي { $other } (الشركاء: { $partners })
check-no-partners = لا يوجد
check-unintended = تحمل الوسم unintended-development-effect

# خصائص البلدان، كما تذكرها النتيجة ($value هي yes أو no) وكما تفتقدها القاعدة التي تعذّر
# تقييمها.
check-attribute-who-ssl = { $value ->
    [yes] يرد
   *[no] لا يرد
} اسم { $country } ({ $code }) في قائمة منظمة الصحة العالمية لدعم القوى العاملة الصحية وضماناتها
check-attribute-icmw-party = { $country } ({ $code }) { $value ->
    [yes] طرف
   *[no] غير طرف
} في اتفاقية العمال المهاجرين (ICMW)
check-attribute-ilo-c97-party = { $country } ({ $code }) { $value ->
    [yes] طرف
   *[no] غير طرف
} في اتفاقية منظمة العمل الدولية ILO C97
check-attribute-ilo-c143-party = { $country } ({ $code }) { $value ->
    [yes] طرف
   *[no] غير طرف
} في اتفاقية منظمة العمل الدولية ILO C143
check-whether-who-ssl = ما إذا كان اسم { $country } ({ $code }) يرد في قائمة منظمة الصحة العالمية لدعم القوى العاملة الصحية وضماناتها
check-whether-icmw-party = ما إذا كان البلد { $country } ({ $code }) طرفاً في اتفاقية العمال المهاجرين (ICMW)
check-whether-ilo-c97-party = ما إذا كان البلد { $country } ({ $code }) طرفاً في اتفاقية منظمة العمل الدولية ILO C97
check-whether-ilo-c143-party = ما إذا كان البلد { $country } ({ $code }) طرفاً في اتفاقية منظمة العمل الدولية ILO C143

# الاختبارات التي تطبقها القاعدة على قيمة من البيانات.
check-test-above = أعلى من { $value }
check-test-below = أدنى من { $value }

# سبب عدم تقييم القاعدة.
check-no-register-for = لا يوجد سجل سياسات { $country } ({ $code })
check-register-of = سجل سياسات { $country } ({ $code })
check-missing = بيانات ناقصة: { $items }
check-missing-data = { $indicator } بشأن { $place }

# مراحل دورة الهجرة في النص الجاري (معرِّفاتها في ملفات القواعد بالإنكليزية).
check-stage-before-departure = ما قبل المغادرة
check-stage-recruitment-departure = التوظيف والمغادرة
check-stage-stay-abroad = الإقامة في الخارج
check-stage-return-reintegration = العودة وإعادة الإدماج

# جملة مكونة من عناصر فقط (قائمة، أو أجزاء نمط)؛ وكل عنصر مصوغ على حدة.
analysis-items = { $items }

# درجة خطورة الاستنتاج ومستوى الاتساق.
check-severity-high = عالية
check-severity-medium = متوسطة
check-severity-low = منخفضة
check-level-institutional = المؤسسي
check-level-working = العملي
check-level-between-countries = بين البلدان

# هجرة اليد العاملة والتهجير القسري (crates/analysis/src/labour.rs).
gap-topic-deployments = مغادرة المواطنين للعمل في الخارج (لا تنشرها معظم البلدان)
gap-source-deployments = بيانات ILOSTAT عن مغادرة المواطنين بغرض العمل حسب بلد المقصد، أو الإحصاءات الوطنية للبلد عن المغادرين للعمل (docs/data.md)
gap-topic-inflows = المهاجرون المؤقتون والمهاجرون من النوع الدائم المقبولون، حسب الفئة
gap-source-inflows = التدفقات الموحدة في قاعدة بيانات الهجرة الدولية لمنظمة التعاون والتنمية في الميدان الاقتصادي (بلدان المقصد الأعضاء في المنظمة فقط)
gap-topic-refugees = اللاجئون وطالبو اللجوء
gap-source-refugees = أداة Refugee Data Finder التابعة لمفوضية الأمم المتحدة لشؤون اللاجئين (السكان حسب بلد المنشأ وبلد اللجوء)

# المؤشرات المذكورة في الجداول والرسوم البيانية (analysis::said::indicator_key): قنوات
# مغادرة العمال ومستويات مهارتهم، وفئات التدفقات الوافدة.
ind-deployments-agency = عن طريق وكالات التوظيف
ind-deployments-individual = بصورة فردية (مغادرون جدد)
ind-deployments-g2g = من حكومة إلى حكومة
ind-deployments-reentry = إعادة الدخول
ind-deployments-skilled = ذوو المهارات
ind-deployments-low-skilled = منخفضو المهارات
ind-temporary-inflow-seasonal = العمال الموسميون
ind-temporary-inflow-working-holiday = برامج العطلة والعمل
ind-temporary-inflow-intra-company = المنقولون داخل الشركات
ind-temporary-inflow-trainees = المتدربون
ind-temporary-inflow-other-workers = العمال المؤقتون الآخرون
ind-temporary-inflow-students = الطلاب الدوليون
ind-permanent-inflow-work = العمل
ind-permanent-inflow-accompanying-family = أفراد أسر العمال المرافقون
ind-permanent-inflow-family = الأسرة
ind-permanent-inflow-humanitarian = الأسباب الإنسانية
ind-permanent-inflow-free-movement = حرية التنقل
ind-permanent-inflow-other = أخرى
ind-migrant-stock = رصيد المهاجرين
ind-deployments = المواطنون الذين غادروا للعمل خلال السنة
ind-bilateral-remittances = التحويلات المرسلة إلى الوطن
ind-remittance-cost-200 = تكلفة إرسال 200 دولار أمريكي (% من المبلغ)
ind-health-workers-abroad = العاملون الصحيون في الخارج
ind-health-workers-home = العاملون الصحيون داخل البلد
ind-physicians-per-1000 = الأطباء لكل 1000 نسمة

# سنة منشورة في جداول شهرية (نيبال) تنقصها أشهر: تُستبعد.
gap-parts-missing = المغادرون في سنة { $dataset }: خُزِّن { $count } من جداولها الشهرية الاثني عشر؛ ولا يُعرض مجموع السنة حتى تُستورد الجداول الاثنا عشر كلها.
