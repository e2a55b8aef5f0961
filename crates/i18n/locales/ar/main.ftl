# رسائل Coherence باللغة العربية (المفاتيح نفسها كما في en.ftl).
# Numbers: the digits 0–9, as the UN's Arabic documents write them (src/number.rs).

## كلمات مشتركة

yes = نعم
no = لا

## coherence profile: الجداول

profile-editions-pinned = الطبعات المقروءة بدلاً من أحدثها (--edition): { $editions }
profile-stock-in = المهاجرون الوافدون المقيمون في البلد
profile-stock-out = المهاجرون المقيمون في الخارج
profile-no-data = (لا توجد بيانات)
profile-usd-million = { $amount ->
        [few] { $amount } ملايين
       *[other] { $amount } مليون
    }
profile-top-destinations = أهم وجهات المهاجرين
profile-top-origins = أهم بلدان منشأ المهاجرين الوافدين
profile-flows = تدفقات الهجرة المقدرة (التقديرات المخزنة)
profile-flows-none = (لا توجد تقديرات مخزنة؛ انظر ثغرات البيانات)
profile-flow-source = { $dataset } (الاستيراد { $import })
profile-economy = التحويلات المالية والاقتصاد
profile-cost-to = تكلفة إرسال 200 دولار إلى البلد (10.ج.1)
profile-cost-from = تكلفة إرسال 200 دولار من البلد
profile-cost-above-5 = أكثر من 5%
profile-cost-above-3 = فوق الغاية البالغة 3%
profile-cost-within-3 = ضمن الغاية البالغة 3%
profile-skills = المهارات والعاملون الصحيون
profile-skilled-rate = معدل هجرة ذوي المهارات:
profile-health-rate = معدل هجرة العاملين الصحيين:
profile-physicians = الأطباء لكل 1,000 نسمة:
profile-who-list = قائمة الضمانات لمنظمة الصحة العالمية:
profile-icmw = اتفاقية العمال المهاجرين:
profile-assessments = التقييمات وفق الأطر (الإجابات المخزنة)
profile-none-stored = (لا يوجد شيء مخزن)
profile-not-computed = لم يُحسب
profile-exactly = بالضبط { $value }
profile-note = ملاحظة: { $note }
profile-answers = الإجابات: الإصدار { $version }، من { $file }، خُزنت في { $at } بواسطة { $user } ({ $reason })
profile-overall = الإجمالي: { $score }
profile-unanswered = بلا إجابة: { $items }
profile-indicators = مؤشرات أهداف التنمية المستدامة والهجرة (آخر سنة)
profile-emigration-rate = معدل الهجرة إلى الخارج:
profile-net-migration = صافي الهجرة:
profile-sdg-17-3-2 = 17.3.2 التحويلات المالية كنسبة مئوية من الناتج المحلي الإجمالي:
profile-received-pct-gdp = التحويلات الواردة كنسبة من الناتج المحلي الإجمالي، محسوبة من جديد:
profile-groups-recomputed = مجموعاته، محسوبة من جديد ومرجحة بالناتج المحلي الإجمالي (Σ التحويلات ÷ Σ الناتج):
profile-group-members = { $year }؛ { $with_data } من أصل { $members } من الأعضاء لديهم بيانات
profile-cost-to-summary = 10.ج.1 التكلفة إلى البلد: متوسط { $average } على { $corridors ->
        [zero] { $corridors } ممر
        [one] ممر واحد
        [two] ممرين
        [few] { $corridors } ممرات
        [many] { $corridors } ممرًا
       *[other] { $corridors } ممر
    } ({ $year })؛ { $share_above_5 } من الممرات تكلف أكثر من 5%؛ المتوسط { $side ->
        [above] أعلى
       *[below] أدنى
    } من الغاية البالغة 3% بمقدار { $gap } نقطة مئوية
profile-cost-from-summary = التكلفة من البلد: متوسط { $average } على { $corridors ->
        [zero] { $corridors } ممر
        [one] ممر واحد
        [two] ممرين
        [few] { $corridors } ممرات
        [many] { $corridors } ممرًا
       *[other] { $corridors } ممر
    } ({ $year })؛ { $share_above_5 } من الممرات تكلف أكثر من 5%؛ المتوسط { $side ->
        [above] أعلى
       *[below] أدنى
    } من الغاية البالغة 3% بمقدار { $gap } نقطة مئوية
profile-concentration-destinations = تركز الوجهات: مؤشر هيرفندال { $index } على { $partners ->
        [zero] { $partners } شريك
        [one] شريك واحد
        [two] شريكين
        [few] { $partners } شركاء
        [many] { $partners } شريكًا
       *[other] { $partners } شريك
    } ({ $year })
profile-concentration-senders = تركز البلدان المرسلة: مؤشر هيرفندال { $index } على { $partners ->
        [zero] { $partners } شريك
        [one] شريك واحد
        [two] شريكين
        [few] { $partners } شركاء
        [many] { $partners } شريكًا
       *[other] { $partners } شريك
    } ({ $year })
profile-members = أعضاء { $group } ({ $count })
profile-register = سجل السياسات ({ $count ->
        [zero] لا توجد سياسات
        [one] سياسة واحدة
        [two] سياستان
        [few] { $count } سياسات
        [many] { $count } سياسة
       *[other] { $count } سياسة
    })
profile-change-edited = عُدلت في { $date } بواسطة { $user }: { $reason }
profile-change-imported = استُوردت من ملف سجل في { $date } بواسطة { $user }: { $reason }
profile-gaps = ثغرات البيانات
profile-labour = هجرة اليد العاملة
profile-deployments = المواطنون الذين غادروا للعمل في الخارج، حسب السنة
profile-deployment-destinations = البلدان التي توجّه إليها المواطنون للعمل ({ $year })
profile-channels = القنوات ومستويات المهارة ({ $year })
profile-reentry-share = حالات إعادة الدخول: { $share } من مغادرات السنة للعمل
profile-turnover = المغادرون للعمل مقارنةً برصيد المهاجرين في الممر
profile-temporary-inflows = المهاجرون المؤقتون المقبولون، حسب الفئة
profile-permanent-inflows = المهاجرون من النوع الدائم المقبولون، حسب الفئة
profile-displacement = التهجير القسري
profile-refugee-origins = بلدان منشأ اللاجئين المستضافين ({ $year })
profile-refugee-asylum = البلدان التي تستضيف اللاجئين من البلد ({ $year })
profile-sources = مصدر كل قيمة: coherence profile { $iso3 } --format json (أو csv)

## عناوين الأعمدة

col-year = السنة
col-channel = القناة أو مستوى المهارة
col-deployments = المغادرون للعمل
col-stock = رصيد المهاجرين
col-stock-year = سنة الرصيد
col-turnover = المغادرون ÷ الرصيد
col-refugees-hosted = اللاجئون المستضافون
col-asylum-seekers-hosted = طالبو اللجوء المستضافون
col-refugees-abroad = اللاجئون في الخارج
col-asylum-seekers-abroad = طالبو اللجوء في الخارج
col-idps = النازحون داخلياً
col-total-persons = المجموع (أشخاص)
col-male = ذكور
col-female = إناث
col-pct-population = % من السكان
col-country = البلد
col-persons = أشخاص
col-share = الحصة
col-period = الفترة
col-method = الطريقة
col-inflow-persons = الوافدون (أشخاص)
col-outflow = المغادرون
col-net = الصافي
col-source = المصدر
col-population = السكان
col-gdp-usd = الناتج المحلي الإجمالي (دولار)
col-received-usd = الواردة (دولار)
col-paid-usd = المدفوعة (دولار)
col-sdg-17-3-2-official = 17.3.2 الرسمي (%)
col-received-pct-gdp = الواردة % من الناتج، محسوبة من جديد
col-corridor = الممر
col-cost = التكلفة
col-against-target = مقارنة بغاية أهداف التنمية المستدامة
col-id = المعرف
col-ministry = الوزارة
col-title = العنوان
col-stages = المراحل
col-status = الحالة
col-change = التغيير في السجل

## مساحة العمل على الويب: إطار كل صفحة

web-skip = انتقل إلى المحتوى
web-nav = الرئيسية
web-nav-home = مساحات العمل
web-nav-profiles = الملامح القطرية
web-nav-datasets = مجموعات البيانات
web-nav-admin = الإدارة
web-nav-account = الحساب
web-sign-out = تسجيل الخروج
web-tabs = مساحة العمل
web-tab-overview = نظرة عامة
web-tab-register = سجل السياسات
web-tab-answers = الاستبيانات
web-tab-workshop = حلقة عمل التأثيرات المتبادلة
web-tab-corridor = الممر
web-tab-scenarios = السيناريوهات
web-tab-audit = سجل التدقيق
web-table-scrolls = جدول (يمرر أفقياً على الشاشات الضيقة)
web-demo-country = بلد من عالم العرض الخيالي: بياناته وسياساته مختلقة لأغراض العرض ولا تصف أي بلد حقيقي.
web-error = لا يمكن عرض هذه الصفحة
web-error-back = العودة إلى مساحات عملك
web-languages = اللغة

## تسجيل الدخول والحساب

web-signin-title = تسجيل الدخول
web-signin-intro = سجّل الدخول بالاسم وكلمة المرور اللذين أعطاك إياهما المسؤول.
web-signin-name = الاسم
web-signin-password = كلمة المرور
web-signin-submit = تسجيل الدخول
web-signin-account = حسابك
web-signin-change = تغيير كلمة المرور
web-signin-change-hint = استبدل كلمة المرور المؤقتة التي أعطاك إياها المسؤول. سيتم تسجيل خروجك من كل مكان، ثم تسجّل الدخول من جديد بكلمة المرور الجديدة.
web-signin-current = كلمة المرور الحالية
web-signin-new = كلمة المرور الجديدة
web-signin-new-hint = من 12 إلى 1,024 حرفاً.
web-signin-save = تغيير كلمة المرور
web-signin-changed = تم تغيير كلمة المرور. سجّل الدخول بالكلمة الجديدة.
web-signin-signed-as = مسجّل الدخول باسم
web-signin-admin = مسؤول نظام Coherence هذا

## الصفحة الرئيسية

web-home-title = مساحات عملك
web-home-none = لست عضواً في أي مساحة عمل بعد. يضيفك المسؤول إلى مساحة عمل حكومتك أو إلى شراكة ممر.
web-home-none-admin = لا توجد أي مساحة عمل بعد. أنشئ واحدة لحكومة أو لشراكة ممر في
web-home-administration = الإدارة
web-home-government = مساحة عمل حكومية
web-home-partnership = شراكة ممر
web-home-role = دورك
web-home-admin-role = مسؤول (يقرأ كل شيء)
web-home-shared = شريك: يقرأ ما تتم مشاركته
web-home-since = منذ زيارتك الأخيرة
web-home-first = هذه زيارتك الأولى: أهلاً بك.
web-home-nothing = لم يتغير شيء
web-home-changes = تغييرات أجراها آخرون
web-home-also = أيضاً
web-home-profiles = الملامح القطرية وملامح المجموعات
web-home-profiles-why = ملامح الهجرة لأي بلد من البيانات الرسمية، مع مصادرها

## نظرة عامة على مساحة العمل وأعضاؤها

web-ws-government = مساحة العمل الحكومية لـ
web-ws-profile = ملامح الهجرة للبلد
web-ws-brief = موجز مساحة العمل
web-ws-partnership = شراكة ممر بين
web-ws-and = و
web-ws-partner-note = تقرأ ما تشاركه هذه الحكومة مع شراكتك.
web-ws-members = الأعضاء
web-ws-name = الاسم
web-ws-role = الدور
web-ws-ministry = الوزارة
web-ws-actions = الإجراءات
web-ws-remove = إزالة
web-ws-add = إضافة عضو أو تغيير دور
web-ws-user = اسم الدخول
web-ws-user-hint = اسم الدخول للشخص (ينشئ المسؤول الحسابات).
web-ws-role-hint = القراء يقرؤون؛ المساهمون يعدّلون ما تملكه وزارتهم؛ المنسقون يعدّلون كل شيء ويعتمدون الإجابات ويديرون الأعضاء.
web-ws-ministry-hint = للمساهم فقط: الوزارة التي يعمل لديها، كما يسميها السجل.
web-ws-reason = السبب
web-ws-reason-hint = يُسجَّل في سجل التدقيق.
web-ws-save = حفظ العضوية
web-ws-remove-reason = أزيل في صفحة مساحة العمل
web-ws-no-user = لا يوجد مستخدم بهذا الاسم
web-ws-saved = تم حفظ العضوية.
web-ws-removed = تمت إزالة العضو.

## سجل التدقيق

web-audit-title = سجل التدقيق
web-audit-instance = سجل التدقيق لنظام Coherence هذا
web-audit-intro = كل تغيير، مع من أجراه ومتى، والقيمة قبله وبعده، وسببه.
web-audit-filter = تصفية
web-audit-action = يبدأ الإجراء بـ
web-audit-action-hint = مثلاً policy. أو membership.set
web-audit-user = بواسطة
web-audit-anyone = أي شخص
web-audit-since = من (تاريخ)
web-audit-apply = عرض
web-audit-when = متى (بالتوقيت العالمي)
web-audit-who = من
web-audit-what = الإجراء
web-audit-target = الهدف
web-audit-change = القديم ← الجديد
web-audit-why = السبب
web-audit-console = مسؤول من سطر الأوامر
web-audit-none = لا يوجد تغيير مطابق.
web-audit-next = التغييرات اللاحقة
web-audit-first = من أول تغيير
web-audit-rows = التغييرات

## الإدارة

web-admin-title = الإدارة
web-admin-users = المستخدمون
web-admin-workspaces = مساحات العمل
web-admin-name = اسم الدخول
web-admin-name-hint = أحرف لاتينية صغيرة وأرقام و«.» و«-» و«_»، ويبدأ بحرف.
web-admin-display = الاسم الظاهر للآخرين
web-admin-is-admin = مسؤول نظام Coherence هذا
web-admin-add-user = إضافة مستخدم
web-admin-state = الحالة
web-admin-actions = الإجراءات
web-admin-active = نشط
web-admin-disabled = معطّل
web-admin-locked = مقفل حتى
web-admin-disable = تعطيل
web-admin-enable = تفعيل
web-admin-new-password = كلمة مرور جديدة
web-admin-made = الحساب جاهز. أعطِ كلمة المرور المؤقتة هذه إلى
web-admin-made-after = شخصياً أو عبر قناة أخرى؛ لا تُعرض إلا الآن. يستبدلها صاحبها في صفحة الحساب بعد تسجيل الدخول.
web-admin-reset = كلمة مرور مؤقتة جديدة لـ
web-admin-back = العودة إلى الإدارة
web-admin-add-government = إنشاء مساحة عمل لحكومة
web-admin-government-hint = واحدة لكل بلد: سجل سياساته وإجاباته وحلقات عمله وسيناريوهاته، تعمل عليها وزاراته.
web-admin-ws-name = اسم مساحة العمل
web-admin-country = البلد
web-admin-country-hint = رمز ISO 3166-1 الثلاثي، أو رمز M49 للأمم المتحدة، أو الاسم.
web-admin-add-partnership = إنشاء شراكة ممر
web-admin-partnership-hint = تجمع مساحتي عمل حكومتي المنشأ والمقصد في ممر؛ يقرر كل طرف ما يشاركه.
web-admin-origin = حكومة المنشأ
web-admin-destination = حكومة المقصد
web-admin-reason = السبب
web-admin-reason-hint = يُسجَّل في سجل التدقيق.
web-admin-make = إنشاء مساحة العمل
web-admin-kind = النوع
web-admin-government = حكومة
web-admin-partnership = شراكة
web-admin-no-governments = أنشئ أولاً مساحتي عمل حكوميتين.
web-admin-audit = سجل التدقيق للنظام
web-admin-disable-reason = غُيّر في صفحة الإدارة

## سجل السياسات

web-reg-register = سجل السياسات
web-reg-filters = تصفية السجل
web-reg-any = الكل
web-reg-apply = تصفية
web-reg-clear = عرض الكل
web-reg-new = سياسة جديدة
web-reg-caption = السياسات
web-reg-none = لا توجد سياسة تطابق عوامل التصفية هذه.
web-reg-partial = تشارك هذه الحكومة سياسات معيّنة مع شراكتك: لا تُعرض إلا هي.
web-reg-history = السجل التاريخي
web-reg-details = التفاصيل
web-reg-see-above = للقراءة فقط، كما ذُكر أعلاه.
web-reg-history-caption = تغييرات هذه السياسة، من الأقدم إلى الأحدث
web-reg-no-history = لا يوجد تغيير مسجل لهذه السياسة.
web-reg-when = متى
web-reg-who = من
web-reg-action = ماذا
web-reg-field = الحقل
web-reg-change = القديم ← الجديد
web-reg-why = السبب
web-reg-edit = تعديل هذه السياسة
web-reg-view = العودة إلى السياسة
web-reg-edit-title = تعديل السياسة
web-reg-save = حفظ التغييرات
web-reg-create = إضافة السياسة
web-reg-saved = تم حفظ السياسة.
web-reg-created = أضيفت السياسة إلى السجل.
web-reg-read-only = يمكنك قراءة هذه السياسة دون تعديلها.
web-reg-reason = سبب التغيير
web-reg-reason-hint = إلزامي. اذكر السبب للسجل التاريخي (من 1 إلى 2,000 حرف).
web-reg-list-hint = معرّفات بأحرف لاتينية صغيرة (أحرف وأرقام وشرطات) تفصل بينها ; (مثلاً nurses; seasonal-workers).
web-reg-partners-hint = رموز ISO 3166-1 الثلاثية تفصل بينها ; (مثلاً XAB; GBR).
web-reg-ident-hint = أحرف لاتينية صغيرة وأرقام وشرطات (مثلاً labour).
web-reg-year-hint = سنة من 1900 إلى 2200، أو فارغ.
web-reg-id-hint = من 1 إلى 64 حرفاً أو رقماً أو «-» أو «_» أو «.»، فريد في السجل (مثلاً XAA-LAB-07).
web-reg-stages = مراحل دورة الهجرة
web-reg-ministry-fixed = لا يسند سياسةً إلى وزارة أخرى إلا المنسق.
web-reg-new-ministry-fixed = لا يضيف المساهم إلا سياسات وزارته.
web-reg-version-gone = عدّل شخص ما هذه السياسة منذ أن فتحتها. أعد تحميل الصفحة لرؤية التغييرات.
web-reg-dash = —

## مجموعات البيانات

web-data-title = مجموعات البيانات
web-data-intro = مجموعات البيانات الرسمية المخزنة في نظام Coherence هذا، كل طبعة مع ناشرها ومصدرها وبصمة SHA-256 لكل ملف قُرئت منه. كل رقم في الملامح والموجزات يأتي من إحداها.
web-data-none = لم تُخزَّن أي مجموعة بيانات بعد.
web-data-stored = مجموعات البيانات المخزنة
web-data-dataset = مجموعة البيانات
web-data-publisher = الناشر
web-data-edition = الطبعة
web-data-files = الملفات
web-data-rows = الصفوف
web-data-imported = تاريخ الاستيراد
web-data-default = الطبعة الافتراضية
web-data-fictional = خيالية
web-data-upload = رفع ملف رسمي
web-data-upload-intro = يُقرأ الملف ويُفحص فوراً (حجمه وبنيته ومناطقه)؛ ثم تخزنه مهمة كاملاً أو لا شيء منه. يُرفض الملف الذي من شأنه تغيير بيانات مخزنة.
web-data-file = الملف
web-data-file-hint = CSV أو Excel أو zip، كما يوزعه الناشر.
web-data-kind = البنية (اختياري)
web-data-kind-hint = فارغ: تُتعرَّف من الملف. وإلا فاسم بنية كما يقبله `coherence import --kind`.
web-data-send = رفع واستيراد
web-data-progress = الرفع
web-data-imports = عمليات الاستيراد الأخيرة
web-data-job = الاستيراد
web-data-status = الحالة
web-data-fetch = جلب الملفات الرسمية
web-data-fetch-text = يُجلب فهرس المصادر الرسمية (إدارة الشؤون الاقتصادية والاجتماعية بالأمم المتحدة، البنك الدولي، منظمة التعاون والتنمية، منظمة العمل الدولية، المفوضية وغيرها) من سطر الأوامر على الخادم، ثم يُستورد:
web-data-fetch-later = لا يمكن بعدُ تشغيل الجلب من هذه الصفحة.
web-data-provenance = المصدر والأصل
web-data-key = المفتاح
web-data-source = المصدر
web-data-licence = الترخيص
web-data-not-stated = غير مذكور
web-data-name = الاسم
web-data-size = البايتات
web-data-areas = المناطق المعرّفة
web-data-values = قيم المناطق
web-data-pairs = قيم الأزواج
web-data-policies = السياسات
web-data-recognised = ما تم التعرف عليه
web-data-layout = البنية
web-data-detected = تم التعرف عليها من الملف
web-data-named = حددها من رفع الملف
web-data-checks = الفحوص والملاحظات
web-data-no-notes = لم يلاحظ القارئ شيئاً.
web-data-outcome = النتيجة
web-data-duplicates = قيم مخزنة مسبقاً من ملف آخر في الطبعة
web-data-running = الاستيراد جارٍ
web-data-reload = أعد تحميل هذه الصفحة لمعرفة مدى تقدمه.
web-data-failed = رُفض الاستيراد
web-data-open = عرض مجموعة البيانات
web-data-back = العودة إلى مجموعات البيانات
web-data-no-file = اختر ملفاً لرفعه
web-data-not-import = ليس عملية استيراد

## شراكة ممر

web-cor-title = الممر
web-cor-not-partnership = صفحة الممر لشراكات الممرات فقط؛ لمساحة عمل الحكومة سجل
web-cor-figures = الممر بالأرقام
web-cor-figures-caption = آخر الأرقام التي تقرؤها قواعد الممر، في الاتجاهين، مع مصادرها
web-cor-no-figures = لا يوجد أي رقم لهذا الممر في قاعدة البيانات.
web-cor-indicator = المؤشر
web-cor-where = أين
web-cor-year = السنة
web-cor-value = القيمة
web-cor-unit = الوحدة
web-cor-source = المصدر
web-cor-registers = السجلات كما تُشارَك مع هذه الشراكة
web-cor-origin = المنشأ
web-cor-destination = المقصد
web-cor-shares-all = تشارك سجلها كاملاً.
web-cor-shares-none = لا تشارك أي سياسة مع هذه الشراكة.
web-cor-shares-some = تشارك سياسات معيّنة:
web-cor-id = السياسة
web-cor-policy-title = العنوان
web-cor-ministry = الوزارة
web-cor-status = الحالة
web-cor-findings = نتائج قواعد الممر
web-cor-findings-intro = قواعد فُحصت على الأرقام وعلى السياسات المشارَكة مع هذه الشراكة.
web-cor-no-findings = لا تنطبق أي قاعدة من قواعد الممر على ما تمت مشاركته.
web-cor-unevaluated = قواعد لم تُقيَّم
web-cor-severity = الخطورة
web-cor-level = المستوى
web-cor-why = لماذا يهم ذلك
web-cor-rule-source = مصدر القاعدة
web-cor-policies = السياسات المعنية
web-cor-attributes = حقائق عن البلدين
web-cor-data = البيانات المفحوصة
web-cor-absences = ناقص
web-cor-near = قريب، لكنه لا يُحتسب
web-cor-notes = ملاحظات بين الحكومتين
web-cor-no-notes = لا توجد ملاحظات بعد.
web-cor-general = ملاحظات عامة عن هذا الممر
web-cor-note = ملاحظتك
web-cor-note-hint = من 1 إلى 4,000 حرف؛ تقرؤها الحكومتان.
web-cor-add-note = إضافة الملاحظة
web-cor-note-added = أضيفت ملاحظتك.
web-cor-note-reason = ملاحظة على نتيجة من نتائج الممر
web-cor-note-bad = الملاحظة من 1 إلى 4,000 حرف
web-cor-finding-bad = نتيجة الملاحظة هي معرّف قاعدة ممر أو general
web-cor-sharing = ما تشاركه حكومتك مع هذه الشراكة
web-cor-share-whole = مشاركة السجل كاملاً
web-cor-share-whole-hint = يقرأ الشريك عندئذٍ كل سياسة؛ وإلا فالسياسات المؤشَّر عليها أدناه فقط.
web-cor-share-one = سياسات مشارَكة واحدة واحدة
web-cor-share-reason = سبب التغيير
web-cor-share-save = حفظ ما تتم مشاركته
web-cor-shared-saved = تم حفظ ما تشاركه حكومتك.
web-cor-nothing-changed = لم يتغير شيء.
web-cor-side = الطرف
web-cor-wrote = كتب في
web-cor-fictional = بيانات خيالية

## السيناريوهات

web-sc-title = السيناريوهات
web-sc-intro = حاكِ خيارات السياسات مع عدم اليقين فيها: ابدأ من أحد نماذج الخيارات أو من مثال مدمج، وشغّله، وأضف النتيجة إلى الموجز.
web-sc-models = نماذج الخيارات
web-sc-use-model = ملء نموذج لهذا النموذج
web-sc-parameters = المعلمات
web-sc-parameters-of = معلمات
web-sc-parameter = المعلمة
web-sc-unit = الوحدة
web-sc-domain = القيم
web-sc-default = الافتراضي
web-sc-source = مصدر القيمة الافتراضية
web-sc-fixed = ثابتة (رقم، لا توزيع)
web-sc-examples = أمثلة
web-sc-examples-intro = ملفات سيناريوهات من عالم العرض، في كل منها عدة خيارات؛ افتح أحدها لتعديله وتشغيله.
web-sc-use-example = فتح هذا المثال
web-sc-runs = عمليات التشغيل في مساحة العمل هذه
web-sc-no-runs = لم يُشغَّل أي سيناريو في مساحة العمل هذه بعد.
web-sc-run = التشغيل
web-sc-scenario = السيناريو
web-sc-status = الحالة
web-sc-draws = السحوبات
web-sc-seed = البذرة
web-sc-started = بدأ في
web-sc-in-brief = في الموجز
web-sc-cannot-run = يقرأ القراء عمليات التشغيل؛ ويبدؤها المساهمون والمنسقون في مساحة العمل.
web-sc-compare = مقارنة تشغيلين
web-sc-compare-intro = تُقارَن عمليات التشغيل ذات البذرة والسحوبات نفسها سحباً بسحب (الثاني ناقص الأول)، لكل خيار يحمل الاسم نفسه في كليهما.
web-sc-first = التشغيل الأول (A)
web-sc-second = التشغيل الثاني (B)
web-sc-compare-submit = مقارنة
web-sc-brief = موجز مساحة العمل
web-sc-brief-link = فتح الموجز مع عمليات التشغيل المضافة إليه
web-sc-new-title = سيناريو جديد
web-sc-new-example = سيناريو من المثال
web-sc-name = اسم السيناريو
web-sc-description = الوصف
web-sc-description-hint = ما هو الخيار ولماذا تتم محاكاته (اختياري).
web-sc-option = اسم الخيار
web-sc-option-hint = كيف تسمي الرسوم البيانية والجداول هذا الخيار.
web-sc-baseline = خط الأساس
web-sc-origin = بلد المنشأ (أو البلد)
web-sc-origin-hint = رمز ISO 3166-1 الثلاثي أو رمز M49 أو الاسم؛ تُقرأ قيم خط الأساس من البيانات المخزنة.
web-sc-destination = بلد المقصد
web-sc-destination-hint = اتركه فارغاً لسيناريو بلد واحد.
web-sc-year = سنة خط الأساس
web-sc-year-hint = قيم خط الأساس هي أحدث القيم المخزنة حتى هذه السنة.
web-sc-run-options = التشغيل
web-sc-seed-hint = البذرة نفسها تعطي الأرقام نفسها، هنا وفي سطر الأوامر.
web-sc-draws-hint = سحوبات مونت كارلو: المزيد من السحوبات يعطي فترات أكثر ثباتاً.
web-sc-file = ملف السيناريو (TOML)
web-sc-file-hint = الصيغة موصوفة في docs/scenarios.md؛ ويُفحص الملف قبل التشغيل.
web-sc-spread = عدم اليقين، ± % من القيمة
web-sc-spread-hint = اختياري: تُسحب القيمة من توزيع مثلثي بهذه النسبة المئوية على كل جانب (ضمن قيمها المسموح بها).
web-sc-required = إلزامي
web-sc-from-baseline = فارغ: قيمة خط الأساس
web-sc-start = فحص وتشغيل
web-sc-back = العودة إلى السيناريوهات
web-sc-running = التشغيل جارٍ
web-sc-running-noscript = أعد تحميل هذه الصفحة لمعرفة مدى تقدمه.
web-sc-failed = فشل التشغيل
web-sc-cancelled = أُلغي التشغيل.
web-sc-summary = ملخص السحوبات
web-sc-output = الناتج
web-sc-side = لـ
web-sc-year-col = السنة
web-sc-mean = المتوسط
web-sc-files = ملفات التشغيل
web-sc-the-file = ملف السيناريو
web-sc-add-brief = إضافة إلى الموجز
web-sc-remove-brief = إخراج من الموجز
web-sc-added = التشغيل موجود في موجز مساحة العمل.
web-sc-removed = أُخرج التشغيل من الموجز.
web-sc-add-reason = أضيف إلى الموجز من صفحة السيناريوهات
web-sc-remove-reason = أُخرج من الموجز من صفحة السيناريوهات
web-sc-options-compare = مقارنة خيارين من هذا التشغيل
web-sc-option-a = الخيار A
web-sc-option-b = الخيار B
web-sc-compare-title = المقارنة
web-sc-differences = الفروق B − A عبر السحوبات
web-sc-share = نسبة السحوبات التي يكون فيها B > A
web-sc-not-a-run = ليس تشغيل سيناريو منتهياً في مساحة العمل هذه

## حلقة عمل التأثيرات المتبادلة

web-wk-title = حلقة عمل التأثيرات المتبادلة
web-wk-intro = تطرح مصفوفة التأثيرات المتبادلة، لكل زوج مرتب من الأهداف أو السياسات، السؤال: إذا أُحرز تقدم في الأول، فكيف يؤثر ذلك في التقدم في الثاني؟ يمنح كل مقيّم كل زوج درجة من −3 إلى +3 مع سبب؛ وتُظهر النتائج الوسيط، ومواضع اختلاف المقيّمين، وكيف تؤثر الأهداف بعضها في بعض كشبكة.
web-wk-matrices = المصفوفات
web-wk-no-matrices = لا توجد مصفوفة بعد.
web-wk-no-matrices-ask = ينشئ منسق مساحة العمل واحدة.
web-wk-elements = عناصر
web-wk-cells = أزواج للتقييم
web-wk-finished = مقيّمون أنهوا
web-wk-progress = الدرجات الممنوحة
web-wk-make = إنشاء مصفوفة
web-wk-make-intro = اختر سياسات من السجل واكتب أهدافاً: تشكل معاً صفوف المصفوفة وأعمدتها (من 2 إلى 200). يُطلب من كل مساهم ومنسق في مساحة العمل تقييمها.
web-wk-name = اسم المصفوفة
web-wk-name-hint = من 1 إلى 200 حرف، ولا يطابق اسم مصفوفة أخرى هنا.
web-wk-policies = سياسات السجل
web-wk-no-policies = لا يحتوي السجل بعد على أي سياسة لهذه الحكومة.
web-wk-objectives = الأهداف
web-wk-objectives-hint = هدف في كل سطر: معرّف (أحرف أو أرقام أو - _ أو .)، ثم نقطتان، ثم الهدف، مثلاً «health: التغطية الصحية الشاملة». السطر الذي لا معرّف له يُعطى واحداً (o1، o2، …).
web-wk-reason = السبب
web-wk-reason-hint = لماذا (يُحفظ في سجل التدقيق).
web-wk-submit-make = إنشاء المصفوفة
web-wk-scale = المقياس
web-wk-not-scored = لم يُقيَّم بعد
web-wk-score-title = درجاتك
web-wk-score-intro = اختر درجة واذكر سبباً لكل زوج؛ يمكنك حفظ جزء من المصفوفة والعودة لاحقاً. الحفظ مجدداً يستبدل درجاتك السابقة (ويحتفظ بها سجل التدقيق).
web-wk-next = الانتقال إلى زوجك التالي غير المقيَّم
web-wk-all-done = قيّمت كل الأزواج.
web-wk-row-legend = إذا أُحرز تقدم في
web-wk-row-legend-after = كيف يؤثر ذلك في التقدم في…
web-wk-left = متبقية للتقييم
web-wk-why = السبب
web-wk-save = حفظ درجاتي
web-wk-saved = درجات حُفظت.
web-wk-nothing-saved = لم يتغير شيء: لم تُحفظ أي درجة.
web-wk-cannot-score = يتطلب التقييم دور المساهم أو المنسق في مساحة العمل هذه؛ يمكنك متابعة التقدم وقراءة النتائج.
web-wk-needs-score = اختر درجة لهذا السبب، أو امسح السبب.
web-wk-bad-score = الدرجة عدد صحيح من −3 إلى +3.
web-wk-fix = لم تُحفظ بعض الدرجات: انظر الأزواج المشار إليها أدناه.
web-wk-tracker = من قيّم ماذا
web-wk-tracker-caption = التقدم حسب المقيّم
web-wk-assessor = المقيّم
web-wk-role = الدور
web-wk-scored = المقيَّمة
web-wk-unscored = أزواج لم تُقيَّم بعد
web-wk-former = لم يعد عضواً
web-wk-no-assessors = لا يوجد بعد في مساحة العمل مساهم أو منسق لتقييمها.
web-wk-everyone = قيّم الجميع كل الأزواج.
web-wk-scores-left = درجات متبقية
web-wk-not-finished = لم ينتهِ
web-wk-and = و
web-wk-more = آخرون
web-wk-you = أنت
web-wk-results = النتائج
web-wk-results-link = النتائج: الوسيطات والاختلافات والشبكة
web-wk-back = كل المصفوفات
web-wk-scoring-link = التقييم والتقدم
web-wk-no-scores = لم يُقيَّم أي زوج بعد: تظهر النتائج مع أول درجة.
web-wk-medians = الدرجات الوسيطة
web-wk-medians-intro = كل خلية هي وسيط درجات المقيّمين لعبارة «الصف يؤثر في العمود». المعلَّمة بعلامة ! والمظللة: يختلف فيها المقيّمون (درجات موجبة وأخرى سالبة، أو فرق 3 نقاط أو أكثر).
web-wk-heat-title = خريطة حرارية للدرجات الوسيطة
web-wk-medians-caption = الدرجة الوسيطة لكل زوج (الصف يؤثر في العمود)
web-wk-influences = التقدم في ↓ يؤثر في ←
web-wk-disagree = يختلف المقيّمون
web-wk-reasons = الدرجات والأسباب جنباً إلى جنب
web-wk-reasons-caption = درجة كل مقيّم وسببه، والأزواج المختلف عليها أولاً
web-wk-pair = الزوج
web-wk-median = الوسيط
web-wk-range = المدى
web-wk-network = الشبكة
web-wk-network-title = مخطط شبكي للدرجات الوسيطة
web-wk-metrics = مقاييس الشبكة
web-wk-most-influential = الأكثر تأثيراً (القوة الصادرة: مجموع التأثيرات الموجبة الممارَسة)
web-wk-most-influenced = الأكثر تأثراً (القوة الواردة: مجموع التأثيرات الموجبة المتلقاة)
web-wk-metrics-caption = مقاييس كل هدف
web-wk-objective = الهدف
web-wk-conflicts = التعارضات
web-wk-conflicts-intro = الأزواج التي وسيطها −2 (متعارضة) أو أقل، الأكثر سلبية أولاً.
web-wk-no-conflicts = لا يوجد زوج وسيطه −2 أو أقل.
web-wk-opposite = الإشارتان مختلفتان
web-wk-yes = نعم
web-wk-no = لا
web-wk-ripples = الآثار المتتالية (من الدرجة الثانية)
web-wk-ripples-intro = أقوى التأثيرات غير المباشرة عبر هدف وسيط واحد (i → j → k، مجموعة على j).
web-wk-ripples-caption = أقوى التأثيرات من الدرجة الثانية
web-wk-no-ripples = لا تأثير غير مباشر: لا توجد سلسلة من رابطين غير صفريين.
web-wk-via = تأثير من الدرجة الثانية
web-wk-downloads = التنزيلات
web-wk-csv = الأحكام (CSV، لأمر coherence matrix metrics)
web-wk-xlsx = الخلايا والمقاييس والأحكام (Excel)
web-wk-graphml = الشبكة (GraphML، لبرامج Gephi وyEd وCytoscape)
web-wk-nothing-to-export = لا شيء للتصدير: لم يُقيَّم أي زوج من هذه المصفوفة بعد

## الاستبيانات

web-ans-title = الاستبيانات
web-ans-intro = تقترح كل وزارة الإجابات عن البنود المسندة إليها، مع تعليق وأدلتها. ويحسم المنسق الإجابات المختلفة، ويخزن الإجابات كإصدار، ويعتمد إصداراً. الدرجات هي درجات الإطار نفسه؛ وقائمة المراجعة تُعدّ فقط؛ ولا يُرتَّب شيء.
web-ans-frameworks = الأطر
web-ans-kind = النوع
web-ans-scored = بدرجات
web-ans-checklist = قائمة مراجعة (تُعدّ ولا تُمنح درجات أبداً)
web-ans-latest = أحدث إصدار
web-ans-none-stored = لم يُخزَّن شيء بعد
web-ans-signed = معتمد
web-ans-not-signed = غير معتمد
web-ans-adaptation = التكييف
web-ans-items = بنود
web-ans-assigned = مسندة
web-ans-proposed = فيها اقتراح
web-ans-conflicts = فيها تعارض
web-ans-answered = مجابة في أحدث إصدار
web-ans-progress-label = بنود جاهزة للتخزين
web-ans-of = من
web-ans-versions = الإصدارات والاعتماد
web-ans-score = درجة أحدث إصدار
web-ans-overall = الإجمالي
web-ans-domain = المجال
web-ans-n-answered = المجابة
web-ans-band = الفئة
web-ans-percent = الدرجة (%)
web-ans-not-computed = لم تُحسب
web-ans-tally = العدّ
web-ans-item = البند
web-ans-assigned-to = مسند إلى
web-ans-nobody = لا وزارة (يجيب المنسق)
web-ans-current = في أحدث إصدار
web-ans-unanswered = بلا إجابة
web-ans-conflict = تعارض: تقترح الوزارات إجابات مختلفة
web-ans-decided = حسمه المنسق
web-ans-agreed = للتخزين
web-ans-proposals = الاقتراحات للبند
web-ans-no-proposal = لا يوجد اقتراح بعد.
web-ans-ministry = الوزارة
web-ans-answer = الإجابة
web-ans-comment = التعليق
web-ans-evidence = الدليل
web-ans-evidence-hint = قانون أو مرسوم أو وثيقة أو رابط يدعم الإجابة.
web-ans-by = بواسطة
web-ans-when = متى (بالتوقيت العالمي)
web-ans-coordinator-name = قرار المنسق
web-ans-choose = — اختر إجابة —
web-ans-propose = اقتراح هذه الإجابة
web-ans-decide = حسم هذه الإجابة
web-ans-decide-summary = حسم الإجابة عن البند
web-ans-propose-summary = إجابة وزارتك عن البند
web-ans-decide-hint = بصفتك منسقاً، إجابتك هي القرار: فهي تحسم التعارض.
web-ans-not-yours = هذا البند مسند إلى
web-ans-not-yours-end = ؛ لا يجيب المساهم إلا عن بنود وزارته
web-ans-unassigned = هذا البند غير مسند إلى أي وزارة؛ لا يجيب عنه إلا المنسق
web-ans-read-only = تقرأ هذا الاستبيان؛ تتطلب الإجابة دور المساهم أو المنسق
web-ans-coordination = التنسيق
web-ans-store = تخزين الإجابات كإصدار جديد
web-ans-store-hint = قرار كل بند، وإلا فالإجابة التي تقترحها كل الوزارات؛ وتحتفظ البنود الأخرى بإجابة أحدث إصدار.
web-ans-store-blocked = احسم التعارضات أولاً: قرر إجابة كل بند فيه تعارض.
web-ans-reason = سبب هذا الإصدار
web-ans-assign-reason = سبب هذا الإسناد
web-ans-assign = إسناد بند إلى وزارة
web-ans-assign-item = البند المراد إسناده
web-ans-assign-ministry = الوزارة
web-ans-assign-hint = فارغ: لا وزارة (يجيب المنسق).
web-ans-assign-submit = إسناد
web-ans-done-proposed = سُجل اقتراحك.
web-ans-done-assigned = أُسند البند.
web-ans-done-stored = خُزنت الإجابات كإصدار جديد.
web-ans-done-unchanged = يحتوي أحدث إصدار على هذه الإجابات بالفعل: لم يُضف أي إصدار.
web-ans-done-signed = اعتُمد الإصدار.
web-ans-version = الإصدار
web-ans-stored-at = خُزّن (بالتوقيت العالمي)
web-ans-stored-by = خزّنه
web-ans-why = السبب
web-ans-signoff = الاعتماد
web-ans-sign = اعتماد
web-ans-note = ملاحظة اعتماد الإصدار
web-ans-signed-by = اعتمده
web-ans-on = في
web-ans-no-version = لم يُخزَّن أي إصدار بعد.
web-ans-signed-read-only = الإصدار المعتمد للقراءة فقط: يبقى كما اعتُمد.
web-ans-compare = مقارنة إصدارين
web-ans-from = الإصدار الأقدم
web-ans-to = الإصدار الأحدث
web-ans-compare-submit = مقارنة
web-ans-compare-title = ما الذي تغير
web-ans-changed = البنود التي تغيرت إجابتها
web-ans-nothing-changed = لم تتغير أي إجابة.
web-ans-scores = كيف تغيرت الدرجة
web-ans-change = التغير (نقاط مئوية)
web-ans-tallies = كيف تغيرت الأعداد
web-ans-back = العودة إلى الاستبيان
web-ans-to-versions = الإصدارات والاعتماد

web-reg-owned-by = هذه السياسة تملكها { $owner }؛ أنت تساهم لصالح { $mine }، ولا تعدّل إلا سياساتها.
web-reg-field-id = المعرّف
web-reg-field-country = البلد
web-reg-field-ministry = الوزارة
web-reg-field-title = العنوان
web-reg-field-instrument = الأداة
web-reg-field-stages = المراحل
web-reg-field-area = مجال السياسة
web-reg-field-partners = البلدان الشريكة
web-reg-field-target-groups = الفئات المستهدفة
web-reg-field-status = الحالة
web-reg-field-start-year = سنة البدء
web-reg-field-end-year = سنة الانتهاء
web-reg-field-objectives = الأهداف
web-reg-field-tags = الوسوم
web-reg-field-source = الوثيقة المصدر
web-reg-field-layer = مسجلة بوصفها
web-reg-field-stage = المرحلة
web-reg-field-partner = البلد الشريك
web-reg-field-other = الحقل

## Profile workbook (crates/report/src/xlsx/profile.rs, profile/checks.rs): sheet names
## (at most 31 characters, none of [ ] : * ? / \), column headers with their units,
## and the workbook's own notes.

xlsx-sheet-about = نبذة
xlsx-sheet-stocks = أعداد المهاجرين
xlsx-sheet-population = السكان والهجرة
xlsx-sheet-corridors = الممرات
xlsx-sheet-trends = تطور الممرات
xlsx-sheet-diaspora = المغتربون
xlsx-sheet-remittances = التحويلات المالية
xlsx-sheet-groups = التحويلات المالية حسب المجموعة
xlsx-sheet-costs = التكاليف
xlsx-sheet-sdg-costs = تكاليف المؤشر 10.ج.1
xlsx-sheet-dependence = الاعتماد
xlsx-sheet-skills = المهارات
xlsx-sheet-statuses = الاتفاقيات والقوائم
xlsx-sheet-flows = التدفقات المقدرة
xlsx-sheet-assessments = التقييمات
xlsx-sheet-policies = السياسات
xlsx-sheet-corridor-checks = فحص الممرات
xlsx-sheet-corridor-findings = نتائج فحص الممرات
xlsx-sheet-corridor-data = بيانات فحص الممرات
xlsx-sheet-sources = المصادر
xlsx-about-country = البلد أو المجموعة
xlsx-about-code = الرمز
xlsx-about-m49 = رمز M49 للأمم المتحدة
xlsx-about-fictional = بيانات خيالية
xlsx-about-members = الأعضاء
xlsx-about-members-list = { $count ->
    [zero] لا أعضاء ({ $members })
    [one] عضو واحد ({ $members })
    [two] عضوان ({ $members })
    [few] { $count } أعضاء ({ $members })
   *[other] { $count } عضوًا ({ $members })
}
xlsx-about-members-from = مصدر قائمة الأعضاء
xlsx-about-member-of = عضو في
xlsx-about-edition = الإصدار المقروء (مثبت)
xlsx-about-gap = بيانات ناقصة
xlsx-about-how = طريقة القراءة
xlsx-about-how-text = ورقة لكل قسم. يسمّي صف العناوين الأول كل عمود ووحدته، ويسمّي الصف الثاني حقل ملف JSON للموجز القُطري الذي يحتويه. ويعطي عمود «المصادر» أرقام مصادر الصف في ورقة المصادر.
xlsx-about-language = اللغة
xlsx-about-language-text = أسماء الأوراق والعناوين والملاحظات باللغة العربية، وأسماء البلدان هي الأسماء المختصرة المعتمدة في الأمم المتحدة. أما النصوص الواردة مع البيانات (عناوين مجموعات البيانات والسياسات والنتائج) فهي كما وردت في مصادرها.
xlsx-col-item = البند
xlsx-col-text = النص
xlsx-col-sources = المصادر
xlsx-col-json-path = مسار JSON
xlsx-col-year = السنة
xlsx-col-migrants = المهاجرون
xlsx-col-stock = عدد المهاجرين (أشخاص)
xlsx-col-males = الذكور (أشخاص)
xlsx-col-females = الإناث (أشخاص)
xlsx-col-share-population = النسبة من السكان (%)
xlsx-row-immigrants = المهاجرون الوافدون (المقيمون في البلد)
xlsx-row-emigrants = المهاجرون (المولودون في البلد والمقيمون في الخارج)
xlsx-col-population = السكان (أشخاص)
xlsx-col-net-migration = صافي الهجرة (أشخاص)
xlsx-col-emigration-rate = معدل الهجرة إلى الخارج (%)
xlsx-col-remit-received = التحويلات المالية الواردة (بالدولار الأمريكي الجاري)
xlsx-col-remit-paid = التحويلات المالية الصادرة (بالدولار الأمريكي الجاري)
xlsx-col-gdp = الناتج المحلي الإجمالي (بالدولار الأمريكي الجاري)
xlsx-col-exports = صادرات السلع والخدمات (بالدولار الأمريكي الجاري)
xlsx-col-remit-pct-gdp = الواردة، معاد حسابها (% من الناتج المحلي الإجمالي)
xlsx-col-sdg-17-3-2 = المؤشر 17.3.2، رسمي (% من الناتج المحلي الإجمالي)
xlsx-col-remit-pct-exports = الواردة (% من الصادرات)
xlsx-col-remit-per-person = الواردة للفرد (بالدولار الأمريكي الجاري)
xlsx-col-corridor = الممر
xlsx-col-partner-code = البلد الشريك (الرمز)
xlsx-col-partner = البلد الشريك
xlsx-col-share-all = النسبة من المجموع (%)
xlsx-row-by-destination = المهاجرون حسب بلد المقصد
xlsx-row-by-origin = المهاجرون الوافدون حسب بلد المنشأ
xlsx-col-destination-code = بلد المقصد (الرمز)
xlsx-col-m49 = رمز M49 للأمم المتحدة
xlsx-col-destination = بلد المقصد
xlsx-col-emigrants = المهاجرون (أشخاص)
xlsx-col-group-code = المجموعة (الرمز)
xlsx-col-group = المجموعة
xlsx-col-group-pct-gdp = التحويلات المالية الواردة (% من الناتج المحلي الإجمالي)
xlsx-col-members = الأعضاء (بلدان)
xlsx-col-members-with-data = الأعضاء الذين تتوفر بياناتهم (بلدان)
xlsx-col-members-without-data = الأعضاء الذين لا تتوفر بياناتهم
xlsx-col-direction = الاتجاه
xlsx-col-sender-code = البلد المرسل (الرمز)
xlsx-col-sender = البلد المرسل
xlsx-col-receiver-code = البلد المستقبل (الرمز)
xlsx-col-receiver = البلد المستقبل
xlsx-col-cost = التكلفة (% من 200 دولار أمريكي)
xlsx-row-sending-to = الإرسال إلى البلد
xlsx-row-sending-from = الإرسال من البلد
xlsx-col-corridors-number = الممرات (عدد)
xlsx-col-average-cost = متوسط التكلفة (% من 200 دولار أمريكي)
xlsx-col-above-5 = الممرات التي تتجاوز 5% (% من الممرات)
xlsx-col-gap-3 = الفارق عن غاية 3% (نقاط مئوية)
xlsx-col-rpw-year = المتوسط القُطري لقاعدة RPW، السنة
xlsx-col-rpw-average = المتوسط القُطري لقاعدة RPW (% من 200 دولار أمريكي)
xlsx-col-measure = المقياس
xlsx-col-hhi = مؤشر هيرفندال-هيرشمان (من 0 إلى 1)
xlsx-col-partners = البلدان الشريكة (بلدان)
xlsx-row-concentration-destinations = تركّز المهاجرين في بلدان المقصد
xlsx-row-concentration-senders = تركّز التحويلات المالية الواردة حسب البلدان المرسلة
xlsx-col-indicator = المؤشر
xlsx-col-rate = المعدل (%)
xlsx-col-physicians = الأطباء (لكل 1,000 نسمة)
xlsx-row-skilled-emigration = معدل هجرة ذوي المهارات (الحاصلين على تعليم عالٍ)
xlsx-row-health-workers-abroad = العاملون الصحيون الذين يعملون في الخارج
xlsx-row-physicians = الأطباء لكل 1,000 نسمة
xlsx-col-yes-no = نعم أو لا
xlsx-col-detail = التفاصيل
xlsx-row-who-list = مدرج في قائمة منظمة الصحة العالمية لدعم القوى العاملة الصحية وضماناتها
xlsx-row-icmw = طرف في الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين (1990)
xlsx-col-method = الطريقة
xlsx-col-from-year = من (السنة)
xlsx-col-to-year = إلى (السنة)
xlsx-col-inflow = التدفق الوارد (أشخاص)
xlsx-col-outflow = التدفق الصادر (أشخاص)
xlsx-col-net-flow = صافي التدفق (أشخاص)
xlsx-col-origins = بلدان المنشأ (مناطق)
xlsx-col-destinations = بلدان المقصد (مناطق)
xlsx-col-framework = الإطار
xlsx-col-title = العنوان
xlsx-col-part = الجزء
xlsx-col-score = الدرجة (%)
xlsx-col-band = الفئة
xlsx-col-answers = الإجابات
xlsx-part-overall = الإجمالي
xlsx-answers = الإصدار { $version } ({ $file })، حُفظ في { $at } بواسطة { $user }: { $reason }
xlsx-col-id = المعرّف
xlsx-col-ministry = الوزارة
xlsx-col-stages = المراحل
xlsx-col-area = المجال
xlsx-col-partners-policy = البلدان الشريكة
xlsx-col-status = الحالة
xlsx-col-layer = الطبقة
xlsx-col-last-change = آخر تعديل
xlsx-change = { $at } بواسطة { $user }: { $reason }
xlsx-col-number = الرقم
xlsx-col-dataset = مجموعة البيانات (العنوان والإصدار)
xlsx-col-publisher = الناشر
xlsx-col-dataset-id = معرّف مجموعة البيانات (قاعدة البيانات)
xlsx-col-file = الملف
xlsx-col-cell = الخلية المقروءة
xlsx-col-derivation = طريقة الاشتقاق
xlsx-col-origin-code = بلد المنشأ (الرمز)
xlsx-col-origin = بلد المنشأ
xlsx-col-rules-checked = القواعد المفحوصة (عدد)
xlsx-col-rules-evaluated = القواعد المقيّمة (عدد)
xlsx-col-rules-fired = القواعد المنطبقة (عدد)
xlsx-col-rules-not-evaluated = القواعد غير المقيّمة (عدد)
xlsx-col-coverage-gaps = ثغرات التغطية (مرحلة دورة الهجرة × مجال السياسة)
xlsx-col-unintended = سياسات تخدم التنمية دون أن تقصد ذلك
xlsx-gap-no-register = { $country }: لم يُحمَّل أي سجل، لذا فإن تغطيته غير معروفة
xlsx-gap-areas = { $country }: لا توجد سياسة سارية في { $areas }
xlsx-gap-stages = { $country }: لا توجد سياسة سارية في المراحل { $stages }
xlsx-gap-corridor = بين البلدين: لا توجد سياسة خاصة بالممر في المراحل { $stages }
xlsx-col-rule = القاعدة (المعرّف)
xlsx-col-result = النتيجة
xlsx-result-fired = منطبقة
xlsx-result-not-evaluated = غير مقيّمة
xlsx-col-level = المستوى
xlsx-col-severity = الخطورة
xlsx-col-policies = السياسات
xlsx-col-attributes = خصائص البلدان
xlsx-col-missing = الناقص
xlsx-col-near-misses = لا يُحتسب
xlsx-col-rationale = المسوّغ
xlsx-col-rule-source = مصدر القاعدة
xlsx-col-why-not-evaluated = سبب عدم التقييم
xlsx-col-role = الدور
xlsx-role-tested = فحصتها القاعدة
xlsx-role-context = معروضة للسياق
xlsx-role-figure = رقم الممر
xlsx-col-what = الموضوع
xlsx-col-indicator-code = المؤشر (الرمز)
xlsx-col-test = المعيار
xlsx-col-value-persons = القيمة (أشخاص)
xlsx-col-value-usd = القيمة (بالدولار الأمريكي الجاري)
xlsx-col-value-usd-ppp = القيمة (بالدولار الأمريكي وفق تعادل القوة الشرائية)
xlsx-col-value-percent = القيمة (%)
xlsx-col-value-per-1000 = القيمة (لكل 1,000 نسمة)
xlsx-col-value-number = القيمة (عدد)

# ورقتا هجرة اليد العاملة والتهجير القسري في مصنف الملف القطري.
xlsx-sheet-labour = هجرة اليد العاملة
xlsx-sheet-displacement = التهجير القسري
xlsx-col-category = القناة أو الفئة
xlsx-col-stock-year = سنة الرصيد
xlsx-col-turnover = المغادرون ÷ الرصيد (%)
xlsx-row-deployments = المواطنون الذين غادروا للعمل في الخارج
xlsx-row-deployments-by-destination = المغادرون للعمل في الخارج حسب الوجهة (آخر سنة)
xlsx-row-deployments-by-channel = المغادرون للعمل في الخارج حسب القناة أو مستوى المهارة
xlsx-row-reentry-share = حالات إعادة الدخول كنسبة من مغادرات السنة
xlsx-row-turnover = المغادرون للعمل مقارنةً برصيد المهاجرين في الممر
xlsx-row-temporary-inflows = المهاجرون المؤقتون المقبولون حسب الفئة
xlsx-row-permanent-inflows = المهاجرون من النوع الدائم المقبولون حسب الفئة
xlsx-row-refugees-hosted = اللاجئون المستضافون
xlsx-row-refugees-abroad = اللاجئون من البلد في الخارج
xlsx-row-asylum-seekers-hosted = طالبو اللجوء المستضافون
xlsx-row-asylum-seekers-abroad = طالبو اللجوء من البلد في الخارج
xlsx-row-idps = النازحون داخلياً
xlsx-row-refugees-by-origin = اللاجئون المستضافون حسب بلد المنشأ (آخر سنة)
xlsx-row-refugees-by-asylum = اللاجئون من البلد حسب بلد اللجوء (آخر سنة)
