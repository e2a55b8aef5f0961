# The brief's words (crates/report/src/brief, charts and maps). Keys begin with brief-.

## Charts and maps (crates/report/src/svg.rs, svg/, map.rs): the texts a chart or map
## writes itself. Values ($value, $x, $lower…) arrive already written by the
## language's conventions; $unit, $label and $name are the brief's words.
## A text that begins with a name or a number begins with a right-to-left mark
## (U+200F), so that the chart sets it right to left even when the name is in Latin
## letters: each of a chart's texts takes its direction from its first strong letter.

brief-chart-no-data = لا تتوفر بيانات
brief-chart-no-data-sentence = لا تتوفر بيانات.
brief-chart-list-separator = {"؛ "}
brief-chart-series-values = {"\u200F"}{ $name }، { $unit }: { $values }.
brief-chart-series-values-gaps = {"\u200F"}{ $name } (بعض القيم ناقصة)، { $unit }: { $values }.
brief-chart-series-no-data = {"\u200F"}{ $name }: لا توجد بيانات.
brief-chart-point = {"\u200F"}{ $x }: { $y }
brief-chart-point-tip = {"\u200F"}{ $name }، { $x }: { $y } { $unit }
brief-chart-item = {"\u200F"}{ $label }: { $value }
brief-chart-item-share = {"\u200F"}{ $label }: { $value } ({ $share } من المجموع)
brief-chart-bar-share = {"\u200F"}{ $value } ({ $share })
brief-chart-values-in = الوحدة: { $unit }.
brief-chart-interval-item = {"\u200F"}{ $label }: { $value }، { $interval } من { $lower } إلى { $upper }
brief-chart-interval-axis = {"\u200F"}{ $unit }؛ الأشرطة: { $interval }
brief-chart-reference-line = الخط المرجعي: { $label } عند { $value }.
brief-chart-fan-point = {"\u200F"}{ $x }: { $median } (فاصل 90% من { $lower } إلى { $upper })
brief-chart-fan-series = {"\u200F"}{ $name }، الوسيط، { $unit }: { $values }.
brief-chart-fan-median = {"\u200F"}{ $name } (الوسيط)
brief-chart-fan-bands = فاصلا 50% و90% (مظللان)
brief-chart-fan-tip = {"\u200F"}{ $name }، { $x }: الوسيط { $median } { $unit } (فاصل 90% من { $lower } إلى { $upper })
brief-chart-reference-at = {"\u200F"}{ $label } عند { $value }
brief-chart-reference-lines = الخطوط المرجعية: { $lines }.
brief-chart-above-count = {"\u200F"}{ $above } من أصل { $total } فوق { $threshold }.
brief-chart-above = أعلى من: { $name }
brief-chart-at-or-below = مساوٍ أو أدنى: { $name }
brief-map-boundary-note = الحدود والأسماء المبينة لا تعني إقرارها أو قبولها رسمياً.
brief-map-source-note = إسقاط Equal Earth. الحدود: Natural Earth بمقياس 1:50m (ملك عام).
brief-map-class-all = الكل
brief-map-class-under = أقل من { $bound }
brief-map-class-or-more = {"\u200F"}{ $bound } أو أكثر
brief-map-area-code = المنطقة { $code }
brief-map-desc-world = خريطة العالم، إسقاط Equal Earth.
brief-map-desc-no-data = لا توجد بيانات لأي وجهة على الخريطة؛ وجميع البلدان مرسومة باللون الرمادي.
brief-map-desc-item = {"\u200F"}{ $name }: { $value }
brief-map-desc-largest = أكبر { $shown } وجهات من أصل { $total } وجهة لها بيانات، بعدد الأشخاص:
brief-map-desc-all =
    { $total ->
        [one] الوجهة الوحيدة التي لها بيانات، بعدد الأشخاص:
        [two] الوجهتان اللتان لهما بيانات، من الأكبر إلى الأصغر، بعدد الأشخاص:
        [few] الوجهات الـ{ $total } التي لها بيانات، من الأكبر إلى الأصغر، بعدد الأشخاص:
       *[other] الوجهات التي لها بيانات وعددها { $total }، من الأكبر إلى الأصغر، بعدد الأشخاص:
    }
brief-map-not-drawn = غير مرسومة (لا حدود لها بهذا المقياس): { $names }.
brief-map-desc-origin = بلد المنشأ، { $name }، مظلل بخطوط مائلة.
brief-map-name-separator = {"، "}
brief-map-tip-persons =
    { $value ->
        [zero] {"\u200F"}{ $name }: { $value } شخص
        [one] {"\u200F"}{ $name }: شخص واحد
        [two] {"\u200F"}{ $name }: شخصان
        [few] {"\u200F"}{ $name }: { $value } أشخاص
        [many] {"\u200F"}{ $name }: { $value } شخصاً
       *[other] {"\u200F"}{ $name }: { $value } شخص
    }
brief-map-tip-origin = {"\u200F"}{ $name }: بلد المنشأ
brief-map-legend-title = الأشخاص
brief-map-legend-no-data-any = لا توجد بيانات لأي وجهة
brief-map-legend-no-data = لا توجد بيانات
brief-map-legend-origin = بلد المنشأ: { $name }

## Corridor checks (crates/report/src/corridor.rs)

brief-corridor-none = لم يُفحص أي ممر: لا يحتوي المخزن على بيانات ثنائية عن أعداد المهاجرين من هذا البلد، وهي البيانات التي يُختار على أساسها أكبر شركائه.
brief-corridor-intro = يُفحص كل ممر بين البلد وأكبر شركائه وفقاً لقواعد الممرات في Coherence ({ $file }). وتذكر كل نتيجة السياسات وخصائص البلدان والبيانات التي تستند إليها. ولا تُقيَّم القاعدة المتعلقة بسياسات بلد ما إلا عند تحميل سجل السياسات الخاص بذلك البلد: فغياب السجل ليس دليلاً على غياب السياسة.
brief-corridor-unchecked-intro = الممرات التي تعذّر فحصها بالكامل لعدم وجود سجل للسياسات:
brief-corridor-unchecked-item = { $origin } ({ $origin-code }) ← { $destination } ({ $destination-code }): لم تُقيَّم { $count } من أصل { $total ->
        [zero] { $total } قاعدة
        [one] قاعدة واحدة
        [two] قاعدتين
        [few] { $total } قواعد
        [many] { $total } قاعدة
       *[other] { $total } قاعدة
    } — { $whose }
brief-corridor-heading = { $origin } ({ $origin-code }) ← { $destination } ({ $destination-code }): انطبقت { $fired } من أصل { $total ->
        [zero] { $total } قاعدة
        [one] قاعدة واحدة
        [two] قاعدتين
        [few] { $total } قواعد
        [many] { $total } قاعدة
       *[other] { $total } قاعدة
    }
brief-corridor-heading-unevaluated = { $origin } ({ $origin-code }) ← { $destination } ({ $destination-code }): انطبقت { $fired } من أصل { $total ->
        [zero] { $total } قاعدة
        [one] قاعدة واحدة
        [two] قاعدتين
        [few] { $total } قواعد
        [many] { $total } قاعدة
       *[other] { $total } قاعدة
    }؛ ولم تُقيَّم { $unevaluated }
brief-corridor-no-finding = لم تنطبق أي قاعدة من القواعد التي قُيِّمت لهذا الممر، وعددها { $count }.
brief-corridor-not-evaluated = قواعد لم تُقيَّم:
brief-corridor-gaps-intro = ثغرات التغطية (مرحلة دورة الهجرة × مجال السياسة):
brief-corridor-unintended-intro = سياسات تُسهم في التنمية دون أن تقصد ذلك:
brief-corridor-gap-no-register = { $name }: لم يُحمَّل أي سجل، ولذلك فإن تغطيته غير معروفة
brief-corridor-gap-stages = { $name }: لا توجد سياسة سارية في المرحلة (المراحل): { $stages }
brief-corridor-gap-areas = { $name }: لا توجد سياسة سارية في { $areas }
brief-corridor-gap-areas-stages = { $name }: لا توجد سياسة سارية في { $areas }؛ ولا توجد أي سياسة في المرحلة (المراحل): { $stages }
brief-corridor-gap-between = بين البلدين: لا توجد سياسة خاصة بالممر في المرحلة (المراحل): { $stages }
brief-corridor-finding-meta = (درجة الخطورة: { $severity }، المستوى: { $level })
brief-corridor-policy = السياسة { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } في عام { $year } ({ $test })
brief-corridor-figures-intro = الممر بالأرقام (آخر سنة لكل منها):
brief-corridor-figure = { $name } ({ $place }): { $value } { $unit } في عام { $year }
brief-corridor-absent = غير موجود: { $what }
brief-corridor-near-miss = لا تُحتسب: { $id } — { $why }
brief-corridor-source = المصدر: { $source }

## Policy options (crates/report/src/scenario.rs)

brief-scenario-intro = آثار خيارات السياسات المحاكاة بطريقة مونت كارلو: يبيّن كل رسم بياني الوسيط عبر السحوبات، والفاصلين 50% و90% (من المئين الخامس إلى المئين الخامس والتسعين) مظلَّلين أو على شكل خطوط. وتعبّر الفواصل عن عدم اليقين في المعلمات المذكورة في ملف السيناريو؛ وقد أُجريت محاكاة الخيارات على السحوبات نفسها، فلا تطمس ضوضاءُ المعاينة الفروقَ بينها.
brief-scenario-run = خط الأساس: { $baseline }. عدد السحوبات: { $draws }، البذرة: { $seed }، التشغيل: { $run }.
brief-scenario-baseline-caption = قيم خط الأساس للسيناريو «{ $name }»
brief-scenario-col-value = القيمة
brief-scenario-col-amount = المقدار
brief-scenario-col-unit = الوحدة
brief-scenario-col-source = المصدر
brief-scenario-chart-title = { $title } ({ $side })
brief-scenario-side-origin = بلد المنشأ
brief-scenario-side-destination = بلد المقصد
brief-scenario-side-migrants = المهاجرون
brief-scenario-interval-summary = الوسيط عبر السحوبات مع فاصل 90%.
brief-scenario-interval-label = فاصل 90%
brief-scenario-caption = { $title }: الوسيط والفواصل عبر السحوبات (عددها { $draws }). المصدر: تشغيل السيناريو في Coherence رقم { $run } (البذرة { $seed }).
brief-scenario-caption-series = { $title }: الوسيط والفواصل عبر السحوبات (عددها { $draws }). المحور الأفقي: سنة السياسة (1 = سنتها الأولى). المصدر: تشغيل السيناريو في Coherence رقم { $run } (البذرة { $seed }).
brief-scenario-totals-caption = مجاميع «{ $name }» عبر السحوبات
brief-scenario-col-output = الناتج
brief-scenario-col-option = الخيار
brief-scenario-col-mean = المتوسط
brief-scenario-col-median = الوسيط
brief-scenario-col-p05 = المئين 5
brief-scenario-col-p95 = المئين 95

## Numbers

brief-not-available = غير متاح
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n } ألف
brief-compact-m = { $n } مليون
brief-compact-bn = { $n } مليار
brief-compact-tn = { $n } تريليون

## Units and amounts

brief-persons = { $n ->
    [zero] { $n } شخص
    [one] شخص واحد
    [two] شخصان
    [few] { $n } أشخاص
    [many] { $n } شخصًا
   *[other] { $n } شخص
}
# $n is the number already written.
brief-usd-billion = { $n } مليار دولار أمريكي
brief-usd-million = { $n } مليون دولار أمريكي
brief-usd = { $n } دولار أمريكي
brief-usd-ppp = { $n } دولار أمريكي بتعادل القوة الشرائية
brief-per-thousand = { $n } لكل 1,000 نسمة

## Sources and tables

brief-choice-note = اختير وفق القاعدة { $rule }؛ القيم غير المستخدمة: { $beaten }
brief-provenance-cell = الخلية: { $cell }
brief-provenance-derived = مشتق: { $how }
brief-source-label = المصدر { $n }
brief-table-scrolls = جدول (يمرر أفقياً على الشاشات الضيقة)
brief-note-each = { $column }: لكل قيمة إحالتها الخاصة إلى مصدرها
brief-note-break = { $column }، ابتداءً من { $from }: تأتي الأرقام من { $new } بدلاً من { $old }
brief-note-source = المصدر: { $list }.
brief-note-sources = المصادر: { $list }.
brief-note-breaks = { $label } (يبدأ عند الرقم المعلَّم): { $breaks }.
brief-note-chosen = الأرقام التي تحتها خط اختيرت من بين قيم عدة مجموعات بيانات وفق القاعدة الواردة في { $rule }.
brief-note-cell = تظهر خلية كل رقم في التلميح الخاص به وفي الملامح بصيغة JSON.
brief-figure-table-below = الأرقام واردة في الجدول أدناه.
# $what is the name of a part of the profile (e.g. "migrant stocks"); $gaps links to the Data gaps section.
brief-no-data = لا توجد في هذه الملامح بيانات عن { $what }. انظر { $gaps }.
brief-break = انقطاع في السلسلة
brief-see = انظر { $link }.

## The header, contents and footer

brief-title = { $country }: موجز عن الهجرة والتنمية
brief-fictional-label = بيانات خيالية
brief-kicker = موجز عن الهجرة والتنمية
brief-iso3 = رمز ISO 3166-1 الثلاثي { $code }
brief-m49 = رمز M49 للأمم المتحدة { $code }
brief-fictional-country = بلد خيالي من عالم العرض
brief-pinned = الطبعات المقروءة بدلاً من أحدثها، بحسب الطلب: { $editions }.
# $date is the date, $editions the datasets' editions, $about a link to "About this brief".
brief-generated = أُعدّ في { $date } بواسطة Coherence { $version } من { $editions }؛ انظر { $about }.
brief-footer = أُعدّ باستخدام Coherence { $version } في { $date } استناداً إلى الإحصاءات الرسمية. كل رقم مرتبط بمصدره؛ والبيانات نفسها والتاريخ نفسه والإصدار نفسه تُنتج دائماً الموجز نفسه.
brief-contents = المحتويات
brief-card-unavailable = غير متاح

## Section headings

brief-h-summary = ملخص
brief-h-headline = أبرز الأرقام
brief-h-stocks = رصيد المهاجرين
brief-h-corridors = بلدان المقصد والمنشأ
brief-h-remittances = التحويلات المالية
brief-h-costs = تكلفة التحويلات المالية
brief-h-sdg = مؤشرات أهداف التنمية المستدامة المتعلقة بالهجرة
brief-h-dependence = الاعتماد على التحويلات المالية
brief-h-diaspora = المغتربون
brief-h-skills = المهارات والعاملون الصحيون
brief-h-governance = الاتفاقيات والضمانات
brief-h-labour = هجرة اليد العاملة
brief-h-displacement = التهجير القسري
brief-h-assessments = تقييمات حوكمة الهجرة
brief-h-policies = سجل السياسات
brief-h-corridor-coherence = اتساق السياسات في الممر
brief-h-options = خيارات السياسات
brief-h-gaps = الثغرات في البيانات
brief-h-about = عن هذا الموجز
brief-h-appendix = المرفق: الجداول
brief-h-sources = المصادر

## Column headers of the tables

brief-col-year = السنة
brief-col-total-persons = المجموع (أشخاص)
brief-col-female-persons = الإناث (أشخاص)
brief-col-male-persons = الذكور (أشخاص)
brief-col-share-of-population-pct = النسبة من السكان (%)
brief-col-period = الفترة
brief-col-method = الطريقة
brief-col-inflow-persons = الوافدون (أشخاص)
brief-col-outflow-persons = المغادرون (أشخاص)
brief-col-net-persons = الصافي (أشخاص)
brief-col-rank = الترتيب
brief-col-iso-code = رمز ISO
brief-col-migrants-persons = المهاجرون (أشخاص)
brief-col-sending-country = البلد المرسِل
brief-col-receiving-country = البلد المتلقي
brief-col-cost-pct-of-usd200 = التكلفة (% من 200 دولار أمريكي)
brief-col-compared-with-the-sdg-10-c-target = مقارنةً بالغاية 10.ج من أهداف التنمية المستدامة
brief-col-indicator = المؤشر
brief-col-value = القيمة
brief-col-unit = الوحدة
brief-col-note = ملاحظة
brief-col-destination = بلد المقصد
brief-col-iso3 = ISO3
brief-col-m49 = M49
brief-col-persons = أشخاص
brief-col-domain = المجال
brief-col-answered = البنود المُجاب عنها
brief-col-answers = الإجابات
brief-col-score = الدرجة
brief-col-band = الفئة
brief-col-id = المعرِّف
brief-col-policy = السياسة
brief-col-ministry = الوزارة
brief-col-area = الميدان
brief-col-migration-cycle-stages = مراحل دورة الهجرة
brief-col-partner-countries = البلدان الشريكة
brief-col-status = الحالة
brief-col-register-change = التغيير في السجل

## Headline numbers

brief-term-year = { $term } ({ $year })
# $target is "3%" written in the language; $points a number.
brief-above-target = أعلى من الغاية البالغة { $target } بمقدار { $points } نقطة مئوية
brief-within-target = عند الغاية البالغة { $target } أو دونها
brief-remittances-received = التحويلات المالية الواردة
brief-remittances-paid = التحويلات المالية المدفوعة
brief-remittances-note = التحويلات المالية الشخصية، بالدولار الأمريكي بالأسعار الجارية.
brief-remittances-paid-note = يرسلها من البلد الأشخاص المقيمون فيه.
# $share is a percentage, $source a footnote mark.
brief-share-gdp-official = { $share } من الناتج المحلي الإجمالي في عام { $year } (السلسلة الرسمية للمؤشر 17.3.2 من أهداف التنمية المستدامة){ $source }
brief-share-gdp-recomputed = { $share } من الناتج المحلي الإجمالي في عام { $year } (محسوبة هنا؛ السلسلة الرسمية للمؤشر 17.3.2 من أهداف التنمية المستدامة غير محمَّلة){ $source }
brief-cost-to = تكلفة إرسال 200 دولار أمريكي إلى { $country }
brief-cost-from = تكلفة إرسال 200 دولار أمريكي من { $country }
brief-cost-mean-to = متوسط تكلفة إرسال 200 دولار أمريكي إلى { $country } (المؤشر 10.ج.1)
brief-cost-mean-from = متوسط تكلفة إرسال 200 دولار أمريكي من { $country } (المؤشر 10.ج.1)
brief-the-corridors = الممرات
brief-cost-of-amount = من المبلغ المرسَل، شاملةً جميع الرسوم وهامش سعر الصرف.
brief-cost-mean-note = متوسط غير مرجَّح على { $count ->
    [zero] { $count } ممر
    [one] ممر واحد
    [two] ممرين
    [few] { $count } ممرات
    [many] { $count } ممرًا
   *[other] { $count } ممر
}، بآخر سنة متاحة لكل منها؛ انظر { $link }.
brief-of-population = من السكان
brief-immigrants-in = المهاجرون الوافدون المقيمون في { $country }
brief-emigrants-from = المهاجرون من { $country } المقيمون في الخارج
brief-emigration-rate = معدل الهجرة إلى الخارج
brief-emigration-rate-note = المهاجرون إلى الخارج كنسبة من جميع المولودين في البلد: المهاجرون إلى الخارج ÷ (المقيمون المولودون في البلد + المهاجرون إلى الخارج).
brief-net-migration = صافي الهجرة
brief-net-migration-note = المهاجرون الوافدون مطروحاً منهم المهاجرون إلى الخارج خلال السنة؛ ويكون سالباً حين يفوق عدد المغادرين عدد الوافدين.
brief-skilled-rate = معدل هجرة ذوي المهارات
brief-skilled-rate-note = المهاجرون إلى الخارج الحاصلون على تعليم عالٍ كنسبة من جميع المولودين في البلد الحاصلين على تعليم عالٍ.
brief-health-rate = معدل هجرة العاملين الصحيين
brief-health-rate-note = الأطباء والممرضون المولودون في البلد العاملون في الخارج، كنسبة من مجموع العاملين منهم داخل البلد وخارجه.

## Migrant stocks, flows, destinations and origins

brief-total = المجموع
brief-female = الإناث
brief-male = الذكور
brief-unit-persons = أشخاص
# $who is brief-what-immigrants or brief-what-emigrants.
brief-stock-summary = رسم بياني خطي لأعداد { $who } حسب السنة والجنس.
brief-stock-caption = { $heading } حسب السنة والجنس (أشخاص).
brief-stock-table = { $heading }، الرصيد في منتصف السنة
brief-what-immigrants = المهاجرين الوافدين
brief-what-emigrants = المهاجرين إلى الخارج
brief-flows = تقديرات تدفقات الهجرة: { $country }
brief-what-flows = تدفقات الهجرة المقدَّرة
brief-flows-intro = الأشخاص الذين دخلوا البلد أو غادروه خلال كل فترة، مقدَّرين انطلاقاً من جدولين لرصيد المهاجرين الثنائي ومجموعين على ممرات البلد. وهذه نتائج نماذج لا أعداد فعلية؛ وتُذكر الطريقة في كل صف وفي مصدره.
brief-flows-table = { $heading }، أشخاص خلال كل فترة (تقديرات مخزَّنة)
# $share is brief-share-emigrants or brief-share-immigrants, in lower case.
brief-corridor-summary = رسم بياني شريطي مرتب من الأكبر إلى الأصغر؛ والنسبة المئوية هي { $share }.
brief-corridor-caption = { $heading }، أشخاص؛ وبين قوسين { $share }.
brief-where-emigrants = أماكن إقامة المهاجرين من { $country }
brief-where-immigrants = بلدان منشأ المهاجرين الوافدين إلى { $country }
brief-what-destinations = أماكن إقامة المهاجرين إلى الخارج
brief-what-origins = بلدان منشأ المهاجرين الوافدين
brief-col-destination-country = بلد المقصد
brief-col-origin-country = بلد المنشأ
brief-share-emigrants = الحصة من مجموع المهاجرين إلى الخارج
brief-share-immigrants = الحصة من مجموع المهاجرين الوافدين
brief-col-share-emigrants-pct = الحصة من مجموع المهاجرين إلى الخارج (%)
brief-col-share-immigrants-pct = الحصة من مجموع المهاجرين الوافدين (%)
brief-map-heading = أماكن إقامة المغتربين
brief-map-demo = لا يمكن تمثيل عالم العرض على خريطة: فبلدانه الخيالية لا مكان لها على خريطة العالم الحقيقي.
brief-map-every-destination = جميع بلدان المقصد
brief-map-main-destinations = بلدان المقصد الرئيسية فقط
brief-map-title = أماكن إقامة المهاجرين من { $country }، { $year }
brief-map-description = المهاجرون من { $country } حسب بلد الإقامة، { $year } ({ $scope })؛ كلما كان اللون أغمق كان العدد أكبر.
brief-map-caption = المهاجرون من { $country } حسب بلد الإقامة، { $year }، أشخاص ({ $scope })؛ التظليل المخطَّط: { $country }.

## Remittances

brief-what-remittances = التحويلات المالية
brief-what-remittances-flows = التحويلات المالية الواردة أو المدفوعة
brief-what-remittances-gdp = التحويلات المالية كنسبة من الناتج المحلي الإجمالي
brief-remittances-title = { $country }: التحويلات المالية الشخصية الواردة والمدفوعة
brief-received = الواردة
brief-paid = المدفوعة
brief-remittances-summary = رسم بياني خطي للتحويلات المالية الشخصية حسب السنة، بالدولار الأمريكي بالأسعار الجارية.
brief-unit-current-usd = دولار أمريكي بالأسعار الجارية
brief-remittances-caption = { $title } (بالدولار الأمريكي بالأسعار الجارية).
brief-remittances-table = { $country }: التحويلات المالية الشخصية حسب السنة
brief-col-received-usd-million = الواردة (مليون دولار أمريكي بالأسعار الجارية)
brief-col-paid-usd-million = المدفوعة (مليون دولار أمريكي بالأسعار الجارية)
brief-remittances-gdp-title = التحويلات المالية الواردة إلى { $country } كنسبة من الناتج المحلي الإجمالي (المؤشر 17.3.2 من أهداف التنمية المستدامة وقيمة معاد حسابها)
brief-remittances-gdp-summary = رسم بياني خطي للتحويلات المالية الشخصية الواردة كنسبة مئوية من الناتج المحلي الإجمالي، حسب السنة.
brief-unit-pct-gdp = % من الناتج المحلي الإجمالي
brief-series-recomputed = الواردة، % من الناتج المحلي الإجمالي (معاد حسابها)
brief-series-official = المؤشر 17.3.2، السلسلة الرسمية (مؤشرات التنمية العالمية)
brief-remittances-gdp-caption = { $title } (%).
brief-remittances-gdp-table = التحويلات المالية الواردة إلى { $country } والناتج المحلي الإجمالي، حسب السنة
brief-col-sdg-17-3-2-official-pct = المؤشر 17.3.2، الرسمي (%)
brief-col-received-pct-gdp-recomputed = الواردة (% من الناتج المحلي الإجمالي)، معاد حسابها
brief-col-gdp-usd-million = الناتج المحلي الإجمالي (مليون دولار أمريكي بالأسعار الجارية)

## Appendix and costs

brief-appendix-caption = الجدول ألف-{ $number }. { $caption }
brief-recent-caption = { $caption }، { $years ->
    [one] آخر سنة
    [two] آخر سنتين
    [few] آخر { $years } سنوات
   *[other] آخر { $years } سنة
}
brief-appendix-link = جميع السنوات: جدول المرفق ألف-{ $number }
brief-appendix-more = { $link } ({ $rows ->
    [zero] { $rows } صف
    [one] صف واحد
    [two] صفان
    [few] { $rows } صفوف
    [many] { $rows } صفًا
   *[other] { $rows } صف
}).
brief-appendix-intro = الجداول السنوية التي تعرض الأقسام أعلاه سنواتها الأخيرة، مع جميع السنوات.
brief-what-costs-to = تكلفة إرسال الأموال إلى البلد
brief-what-costs-from = تكلفة إرسال الأموال من البلد
# $target is "3%", $ceiling "5%", written in the language.
brief-cost-summary-from = رسم بياني شريطي لمتوسط تكلفة إرسال 200 دولار أمريكي من كل بلد، كنسبة مئوية من المبلغ المرسَل، مرتب من الأعلى إلى الأدنى، مقارنةً بالغاية 10.ج من أهداف التنمية المستدامة البالغة { $target } وبخط { $ceiling }.
brief-cost-summary-to = رسم بياني شريطي لمتوسط تكلفة إرسال 200 دولار أمريكي إلى كل بلد، كنسبة مئوية من المبلغ المرسَل، مرتب من الأعلى إلى الأدنى، مقارنةً بالغاية 10.ج من أهداف التنمية المستدامة البالغة { $target } وبخط { $ceiling }.
brief-unit-pct-usd200 = % من مبلغ 200 دولار أمريكي المرسَل
brief-sdg-target-line = الغاية 10.ج: { $target }
brief-cost-caption = { $heading }: التكلفة الإجمالية كنسبة مئوية من مبلغ 200 دولار أمريكي المرسَل؛ الخط المتقطع: الغاية 10.ج من أهداف التنمية المستدامة البالغة { $target }؛ الخط المنقَّط: { $ceiling }.
brief-h-costs-full = تكلفة إرسال التحويلات المالية (المؤشر 10.ج.1)
brief-sdg-10-c = الغاية 10.ج من أهداف التنمية المستدامة: خفض تكاليف معاملات تحويلات المهاجرين إلى أقل من 3 في المائة، وإلغاء قنوات التحويلات المالية التي تربو تكاليفها على 5 في المائة، بحلول عام 2030.

## Skills, SDG indicators and dependence

brief-skilled-rate-row = معدل هجرة ذوي المهارات (الحاصلون على تعليم عالٍ، %)
brief-health-rate-row = معدل هجرة العاملين الصحيين (الأطباء والممرضون، %)
brief-physicians-row = الأطباء لكل 1,000 نسمة
brief-skills-table = هجرة ذوي المهارات والعاملين الصحيين، آخر سنة
brief-see-gaps = انظر { $link }
brief-unit-ppp = دولار بتعادل القوة الشرائية (بالدولار الدولي الجاري)
brief-unit-percent = %
brief-unit-per-thousand = لكل 1,000 نسمة
brief-unit-number = عدد
brief-unit-pct-sent = % من المبلغ المرسَل
brief-unit-pct-corridors = % من الممرات
brief-unit-points = نقطة مئوية
brief-cost-average-to = متوسط تكلفة الممرات إلى البلد ({ $count ->
    [zero] { $count } ممر
    [one] ممر واحد
    [two] ممران
    [few] { $count } ممرات
    [many] { $count } ممرًا
   *[other] { $count } ممر
})
brief-cost-average-from = متوسط تكلفة الممرات من البلد ({ $count ->
    [zero] { $count } ممر
    [one] ممر واحد
    [two] ممران
    [few] { $count } ممرات
    [many] { $count } ممرًا
   *[other] { $count } ممر
})
brief-cost-above-5-to = الممرات إلى البلد التي تتجاوز تكلفتها { $ceiling }
brief-cost-above-5-from = الممرات من البلد التي تتجاوز تكلفتها { $ceiling }
brief-cost-gap-to = الفرق بين متوسط التكلفة إلى البلد والغاية البالغة { $target }
brief-cost-gap-from = الفرق بين متوسط التكلفة من البلد والغاية البالغة { $target }
brief-cost-rpw-to = متوسط البلد في قاعدة بيانات أسعار التحويلات في جميع أنحاء العالم، للإرسال إلى البلد
brief-cost-rpw-from = متوسط البلد في قاعدة بيانات أسعار التحويلات في جميع أنحاء العالم، للإرسال من البلد
# The official names of the indicators, from the UN's global indicator framework.
brief-sdg-17-3-2-code = المؤشر 17.3.2
brief-sdg-17-3-2-name = حجم التحويلات المالية (بدولارات الولايات المتحدة) كنسبة من مجموع الناتج المحلي الإجمالي
brief-sdg-10-c-1-code = المؤشر 10.ج.1
brief-sdg-10-c-1-name = تكاليف التحويلات المالية كنسبة من المبلغ المحوَّل
brief-sdg-17-3-2-row = 17.3.2 التحويلات المالية، % من الناتج المحلي الإجمالي — { $country }
brief-sdg-official-note = السلسلة الرسمية (كما تنشرها الوكالة الراعية)
brief-recomputed-row = التحويلات المالية الواردة ÷ الناتج المحلي الإجمالي، معاد حسابها — { $country }
brief-recomputed-note = معاد حسابها من الأرقام الواردة أعلاه؛ وليست المؤشر الرسمي
brief-group-row = التحويلات المالية ÷ الناتج المحلي الإجمالي، مرجَّحة بالناتج المحلي الإجمالي، معاد حسابها — { $group }
brief-group-note = مرجَّحة بالناتج المحلي الإجمالي على { $with } من أصل { $members } من الأعضاء{ $missing ->
    [zero] {""}
   *[other] ؛ { $missing } منهم بلا بيانات (مدرجون في المصدر)
}
brief-what-sdg = مؤشرات أهداف التنمية المستدامة المتعلقة بالهجرة
brief-sdg-table = المؤشر 17.3.2 من أهداف التنمية المستدامة (التحويلات المالية كنسبة مئوية من الناتج المحلي الإجمالي: السلسلة الرسمية، وقيم معاد حسابها من الأرقام المختارة هنا، وهي للمجموعات مرجَّحة بالناتج المحلي الإجمالي: Σ التحويلات المالية ÷ Σ الناتج المحلي الإجمالي على الأعضاء الذين تتوفر لهم القيمتان) والمؤشر 10.ج.1 (تكلفة إرسال 200 دولار أمريكي)
brief-herfindahl = مؤشر هيرفندال على { $partners ->
    [zero] { $partners } شريك
    [one] شريك واحد
    [two] شريكين
    [few] { $partners } شركاء
    [many] { $partners } شريكًا
   *[other] { $partners } شريك
} (1 = شريك واحد)
brief-dep-official = المؤشر 17.3.2، التحويلات المالية الواردة، % من الناتج المحلي الإجمالي (الرسمي)
brief-dep-recomputed = التحويلات المالية الواردة، % من الناتج المحلي الإجمالي (معاد حسابها)
brief-dep-exports = التحويلات المالية الواردة، % من صادرات السلع والخدمات
brief-dep-per-person = التحويلات المالية الواردة لكل شخص مقيم في البلد
brief-concentration-destinations = تركُّز المهاجرين إلى الخارج حسب بلدان المقصد
brief-concentration-senders = تركُّز التحويلات المالية حسب البلدان المرسِلة
brief-dependence-table = الاعتماد على التحويلات المالية وتركُّز الممرات، آخر سنة

## Diaspora and conventions

brief-table-part = { $caption } (الجزء { $part } من { $parts })
brief-what-diaspora = الممرات عبر الزمن أو المغتربين حسب بلد المقصد
brief-trend-destinations = المهاجرون إلى الخارج في بلدان المقصد الرئيسية عبر الزمن (أشخاص)
brief-trend-origins = المهاجرون الوافدون من بلدان المنشأ الرئيسية عبر الزمن (أشخاص)
brief-diaspora-all = جميع بلدان مقصد المغتربين في عام { $year }، وعددها { $count } ({ $persons ->
    [zero] { $persons } شخص
    [one] شخص واحد
    [two] شخصان
    [few] { $persons } أشخاص
    [many] { $persons } شخصًا
   *[other] { $persons } شخص
})
brief-note-source-one = المصدر: { $source }
brief-diaspora-table = المهاجرون إلى الخارج حسب بلد المقصد (أشخاص)
brief-ssl = قائمة منظمة الصحة العالمية لدعم القوى العاملة الصحية وضماناتها
brief-ssl-on = مدرج في القائمة
brief-ssl-on-note = ينبغي لبلدان المقصد ألا تلجأ إلى التوظيف النشط لعامليه الصحيين خارج إطار الاتفاقات المبرمة بين الحكومات
brief-ssl-off = غير مدرج في القائمة
brief-icmw = الاتفاقية الدولية لحماية حقوق جميع العمال المهاجرين وأفراد أسرهم (1990)
brief-icmw-party = دولة طرف
brief-icmw-not-party = دولة غير طرف
brief-not-computed = لم يُحسب
brief-exactly = بالضبط { $n }

## Assessments, members, register, gaps and the colophon

brief-no-assessments = لا توجد إجابات مخزَّنة لهذا البلد على أي إطار تقييم: وستُحسب هنا درجات إجابات الحكومة على استبيان المؤشر 10.7.2 من أهداف التنمية المستدامة متى خُزِّنت.
# $framework, $file and $sha are code; $at a time, $by a user, $reason the reason given.
brief-answers-line = الإجابات: الإصدار { $version } من إجابات { $framework }، من { $file } (SHA-256 { $sha })، خُزِّنت في { $at } بواسطة { $by } — { $reason }.
brief-answered-of = { $answered } من أصل { $items }
brief-assessment-caption = { $framework } في { $country } حسب المجال
brief-checklist = قائمة مرجعية: تُحصى الإجابات، ولا تُمنح درجات ولا تُرتَّب أبداً.
brief-overall = الإجمالي
brief-rule-not-computed = لا يُحسب المجال الذي يتضمن بنداً بلا إجابة، وفق قاعدة عدم الاستجابة في الإطار؛ ولا يُعدّ عدم الاستجابة بمثابة «لا».
brief-rule-exclude = تُستبعد البنود التي لم يُجَب عنها من درجة مجالها.
brief-rule-zero = تُحتسب البنود التي لم يُجَب عنها صفراً، كما تنص قاعدة الإطار (في حالة المؤشر 10.7.2 من أهداف التنمية المستدامة، تُسند بياناته الوصفية القيمة 0 إلى القيم الناقصة على المستوى القطري).
brief-unanswered = بنود بلا إجابة: { $items }.
brief-change-edited = عُدِّلت في { $date } بواسطة { $user }: { $reason }
brief-change-imported = استُوردت من ملف سجل في { $date } بواسطة { $user }: { $reason }
brief-members = أعضاء { $group }
brief-members-note = { $kind } — { $count ->
    [zero] { $count } عضو
    [one] عضو واحد
    [two] عضوان
    [few] { $count } أعضاء
    [many] { $count } عضوًا
   *[other] { $count } عضو
}؛ العضوية وفق { $source }. الأرصدة والسكان والناتج المحلي الإجمالي والتحويلات المالية هي مجاميع على الأعضاء الذين تتوفر لهم قيمة؛ أما التحويلات المالية كنسبة من الناتج المحلي الإجمالي فيُعاد حسابها مرجَّحةً بالناتج المحلي الإجمالي (وليست المؤشر الرسمي 17.3.2).
brief-no-policies = لا توجد سياسات مسجَّلة لهذا البلد بعد.
brief-register-changed = السجل بحالته بعد تغييراته الخاضعة للتدقيق: { $changed ->
    [zero] لم تتغير أي من هذه السياسات
    [one] تغيَّرت سياسة واحدة من هذه السياسات
    [two] تغيَّرت سياستان من هذه السياسات
   *[other] تغيَّرت { $changed } من هذه السياسات
} منذ استيرادها؛ ويُحفظ كل تغيير في سجل التدقيق.
brief-policies-caption = السياسات المتعلقة بالهجرة في { $country } ({ $count })
brief-no-gaps = لا تسجّل هذه الملامح أي ثغرات في البيانات.
brief-gaps-intro = تعذّر حساب المؤشرات التالية من البيانات المتاحة، مع بيان ما يسدّ كل ثغرة:
brief-editions = { $count ->
    [zero] دون أي مجموعة بيانات
    [one] طبعة واحدة لمجموعة بيانات
    [two] طبعتين لمجموعات البيانات
    [few] { $count } طبعات لمجموعات البيانات
    [many] { $count } طبعةً لمجموعات البيانات
   *[other] { $count } طبعة لمجموعات البيانات
}
brief-about-country = البلد
brief-about-generated = تاريخ الإعداد
brief-about-version = إصدار Coherence
brief-about-editions-chosen = الطبعات المختارة
brief-about-editions-used = طبعات مجموعات البيانات المستخدمة
brief-about-no-values = لا شيء: لا تتضمن الملامح أي قيم.
brief-about-reference-data = بيانات مرجعية مرفقة بنظام Coherence
brief-about-import = استيراد مجموعة البيانات رقم { $id }
brief-about-method = المنهجية
brief-about-method-text = تُعرض الأرقام كما خُزِّنت، بوحداتها الأساسية (أشخاص، دولار أمريكي بالأسعار الجارية، %). ومتوسط تكلفة إرسال 200 دولار أمريكي هو المتوسط غير المرجَّح لتكاليف الممرات المعروضة. والبيانات نفسها والتاريخ نفسه والإصدار نفسه تُنتج دائماً الموجز نفسه.
brief-no-sources = لا يُستشهد بأي رقم.
brief-source-rule = وحيثما تضمنت مجموعات بيانات أخرى الرقم نفسه، اختير وفق القاعدة { $rule } (ويذكر تلميح كل رقم القيم غير المستخدمة)

## Summary

brief-key-figures = الأرقام الرئيسية
brief-findings = الاستنتاجات
# $figure is the figure with its unit, $source a footnote mark.
brief-kf-immigrants = المهاجرون الوافدون: { $figure } ({ $year }){ $source }
brief-kf-emigrants = المهاجرون إلى الخارج: { $figure } ({ $year }){ $source }
brief-kf-received = التحويلات المالية الواردة: { $figure } ({ $year }){ $source }
brief-kf-paid = التحويلات المالية المدفوعة: { $figure } ({ $year }){ $source }
brief-kf-share-gdp = التحويلات المالية الواردة، كنسبة من الناتج المحلي الإجمالي: { $figure } ({ $year }){ $source }
brief-kf-net = صافي الهجرة: { $figure } ({ $year }){ $source }
brief-finding-gdp = بلغت التحويلات المالية الواردة { $share } من الناتج المحلي الإجمالي في عام { $year }{ $source }.
brief-finding-gdp-world = بلغت التحويلات المالية الواردة { $share } من الناتج المحلي الإجمالي في عام { $year }{ $source }، مقابل { $world } للعالم ككل (مرجَّحة بالناتج المحلي الإجمالي){ $world_source }.
brief-finding-grew = ارتفع عدد المهاجرين من { $country } من { $from } في عام { $first } إلى { $to } في عام { $last } ({ $change }){ $source }.
brief-finding-fell = انخفض عدد المهاجرين من { $country } من { $from } في عام { $first } إلى { $to } في عام { $last } ({ $change }){ $source }.
brief-finding-top = أكبر بلدان المقصد للمهاجرين إلى الخارج هو { $partner }، بعدد { $stock } ({ $share } من مجموع المهاجرين إلى الخارج، { $year }){ $source }.
brief-finding-cost-to-above = بلغ متوسط تكلفة إرسال 200 دولار أمريكي إلى { $country } { $mean } على { $count ->
    [zero] { $count } ممر
    [one] ممر واحد
    [two] ممرين
    [few] { $count } ممرات
    [many] { $count } ممرًا
   *[other] { $count } ممر
}{ $source }، وهو أعلى من غاية أهداف التنمية المستدامة البالغة { $target }؛ { $above ->
    [zero] ولا تتجاوز تكلفة أي منها { $ceiling }.
   *[other] وتتجاوز تكلفة { $above } منها { $ceiling }.
}
brief-finding-cost-to-within = بلغ متوسط تكلفة إرسال 200 دولار أمريكي إلى { $country } { $mean } على { $count ->
    [zero] { $count } ممر
    [one] ممر واحد
    [two] ممرين
    [few] { $count } ممرات
    [many] { $count } ممرًا
   *[other] { $count } ممر
}{ $source }، وهو عند غاية أهداف التنمية المستدامة البالغة { $target } أو دونها؛ { $above ->
    [zero] ولا تتجاوز تكلفة أي منها { $ceiling }.
   *[other] وتتجاوز تكلفة { $above } منها { $ceiling }.
}
brief-finding-cost-from-above = بلغ متوسط تكلفة إرسال 200 دولار أمريكي من { $country } { $mean } على { $count ->
    [zero] { $count } ممر
    [one] ممر واحد
    [two] ممرين
    [few] { $count } ممرات
    [many] { $count } ممرًا
   *[other] { $count } ممر
}{ $source }، وهو أعلى من غاية أهداف التنمية المستدامة البالغة { $target }؛ { $above ->
    [zero] ولا تتجاوز تكلفة أي منها { $ceiling }.
   *[other] وتتجاوز تكلفة { $above } منها { $ceiling }.
}
brief-finding-cost-from-within = بلغ متوسط تكلفة إرسال 200 دولار أمريكي من { $country } { $mean } على { $count ->
    [zero] { $count } ممر
    [one] ممر واحد
    [two] ممرين
    [few] { $count } ممرات
    [many] { $count } ممرًا
   *[other] { $count } ممر
}{ $source }، وهو عند غاية أهداف التنمية المستدامة البالغة { $target } أو دونها؛ { $above ->
    [zero] ولا تتجاوز تكلفة أي منها { $ceiling }.
   *[other] وتتجاوز تكلفة { $above } منها { $ceiling }.
}

## The country's role

# $basis lists the figures the role rests on (brief-role-stocks, brief-role-paid-…), joined by "; ".
brief-role-origin = { $country } بلد منشأ في المقام الأول: { $basis }.
brief-role-destination = { $country } بلد مقصد في المقام الأول: { $basis }.
brief-role-both = { $country } بلد منشأ وبلد مقصد في آن واحد: { $basis }.
brief-role-unknown = لا تتضمن الملامح، فيما يخص { $country }، أرصدةً للمهاجرين ولا تحويلات مالية مدفوعة وواردة، ولذلك لا يُعرف دور البلد بوصفه بلد منشأ أو بلد مقصد؛ وتعرض الأرقام الرئيسية الجانبين كليهما.{ $basis }
brief-million = { $n } مليون
brief-years-and = { $a } و{ $b }
brief-role-stocks = { $immigrants } من المهاجرين الوافدين مقابل { $emigrants } من المهاجرين إلى الخارج ({ $years })
brief-role-paid-exceed = التحويلات المالية المدفوعة ({ $paid }) تتجاوز الواردة ({ $received }) في عام { $year }
brief-role-paid-short = التحويلات المالية المدفوعة ({ $paid }) أقل من الواردة ({ $received }) في عام { $year }

## Printed pages

# "page 3 of 12" in the footer of a printed brief.
brief-page = صفحة
brief-page-of = من

## SDG codes

# The short code of indicator 10.c.1, before the rows of its table.
brief-sdg-10-c-1-short = 10.ج.1

## The demo world

# The banner of every brief of the fictional demo world.
brief-demo-notice = عالم عرض خيالي: جميع البلدان والأرقام والسياسات مختلَقة لأغراض العرض ولا تصف أي بلد حقيقي.

## What changed since the previous editions

brief-changes = ما الذي تغيّر منذ الطبعات السابقة
# $editions lists the previous editions compared, as "key edition E; …".
brief-changes-intro = مقارنةً بالأرقام نفسها كما وردت في الطبعات السابقة لمجموعات البيانات ({ $editions }):
brief-changes-none = لم يتغيّر أي رقم رئيسي.
brief-change-immigrants = المهاجرون الوافدون
brief-change-emigrants = المهاجرون إلى الخارج
brief-change-received = التحويلات المالية الواردة
brief-change-paid = التحويلات المالية المدفوعة
brief-change-share-gdp = التحويلات المالية الواردة كنسبة من الناتج المحلي الإجمالي (المؤشر 17.3.2)
brief-change-net = صافي الهجرة
# $what is a figure's name, $figure its value with its unit, $source a footnote mark.
brief-change-new = { $what }: { $figure } ({ $year }){ $source }، ولم يرد في الطبعات السابقة.
brief-change-later = { $what }: { $figure } ({ $year }){ $source }؛ وكان آخر رقم في الطبعات السابقة { $before } ({ $before_year }).
brief-change-revised = { $what }: { $figure } ({ $year }){ $source }، بعد تنقيحه؛ وكانت الطبعات السابقة تعطي { $before }.

## Breaks in a chart's series

# A part of a series drawn from one dataset: its name and its source's number.
brief-series-part = { $name } [{ $source }]
brief-chart-breaks = يؤدي تغيّر مجموعة البيانات إلى انقطاع السلسلة: يُرسم كل جزء منها على حدة ويحمل رقم مصدره.

## هجرة اليد العاملة والتهجير القسري (crates/report/src/brief/labour.rs).
## $country هو اسم البلد.

brief-what-labour = مغادرة المواطنين للعمل في الخارج أو المهاجرين المقبولين حسب الفئة
brief-deployments-caption = مواطنو { $country } الذين غادروا للعمل في الخارج، حسب السنة
brief-deployments-by-sex-caption = الرجال والنساء الذين غادروا للعمل ({ $country })، حسب بلد المقصد
brief-col-deployments-persons = المغادرون للعمل في الخارج (أشخاص)
brief-where-workers-went = البلدان التي توجّه إليها مواطنو { $country } للعمل
brief-what-deployment-destinations = البلدان التي توجّه إليها المواطنون للعمل
brief-share-deployments = الحصة من مجموع المغادرين للعمل
brief-col-share-deployments-pct = الحصة من مجموع المغادرين للعمل (%)
brief-channels-caption = المواطنون الذين غادروا للعمل في الخارج حسب القناة أو مستوى المهارة ({ $year })
brief-col-channel = القناة أو مستوى المهارة
brief-reentry-note = شكّلت حالات إعادة الدخول (العمال العائدون إلى صاحب عمل في الخارج بعد زيارة إلى الوطن) { $share } من مغادرات السنة.
brief-channels-rest = لا تبلغ القنوات المعروضة مجموع مغادرات السنة البالغ { $total }: { $rest } لا تندرج في أي قناة منشورة هنا (في جداول نيبال مثلًا، تصاريح العمال الذين سُوّي وضعهم في الخارج).
brief-turnover-heading = المغادرون للعمل مقارنةً برصيد المهاجرين
brief-turnover-intro = عدد المغادرين للعمل في سنة ما كنسبة مئوية من رصيد المهاجرين في الممر: تدل النسبة المرتفعة على هجرة مؤقتة ودائرية يغادر فيها كثير ممن هم في الخارج من جديد كل سنة.
brief-col-stock-year = سنة الرصيد
brief-col-turnover-pct = المغادرون ÷ الرصيد (%)
brief-temporary-caption = المهاجرون المؤقتون المقبولون في { $country }، حسب الفئة (أشخاص)
brief-permanent-caption = المهاجرون من النوع الدائم المقبولون في { $country }، حسب الفئة (أشخاص)
brief-what-displacement = اللاجئين وطالبي اللجوء والنازحين داخلياً
brief-displacement-caption = اللاجئون وطالبو اللجوء المستضافون في { $country } والقادمون من { $country }، والنازحون داخلياً، في نهاية كل سنة (أشخاص)
brief-col-refugees-hosted = اللاجئون المستضافون
brief-col-asylum-seekers-hosted = طالبو اللجوء المستضافون
brief-col-refugees-abroad = اللاجئون في الخارج
brief-col-asylum-seekers-abroad = طالبو اللجوء في الخارج
brief-col-idps = النازحون داخلياً
brief-refugee-origins = بلدان منشأ اللاجئين المستضافين في { $country }
brief-what-refugee-origins = بلدان منشأ اللاجئين المستضافين
brief-share-refugees-hosted = الحصة من مجموع اللاجئين المستضافين
brief-col-share-refugees-hosted-pct = الحصة من مجموع اللاجئين المستضافين (%)
brief-col-refugees-persons = اللاجئون (أشخاص)
brief-refugee-asylum = البلدان التي تستضيف اللاجئين من { $country }
brief-what-refugee-asylum = البلدان التي تستضيف اللاجئين من البلد
brief-col-asylum-country = بلد اللجوء
brief-share-refugees-abroad = الحصة من مجموع اللاجئين من البلد
brief-col-share-refugees-abroad-pct = الحصة من مجموع اللاجئين من البلد (%)

## رسوم بيانية لهجرة اليد العاملة والتهجير القسري؛ $title هو عنوان الرسم.

brief-labour-chart-caption = { $title }.
brief-series-deployments = المغادرون للعمل في الخارج
brief-deployments-summary = رسم بياني خطي لأعداد المواطنين الذين غادروا للعمل في الخارج حسب السنة.
brief-inflows-summary = رسم بياني خطي لأعداد المهاجرين المقبولين حسب السنة، بخط لكل فئة.
brief-displacement-summary = رسم بياني خطي لأعداد اللاجئين وطالبي اللجوء المستضافين وفي الخارج وأعداد النازحين داخلياً حسب السنة، بخط لكل فئة.
brief-scenario-fit-caption = «{ $name }» مقارنةً بالبيانات المرصودة (الخيار «{ $option }»، بعد المعايرة)
brief-scenario-col-observed = القيمة المرصودة
brief-scenario-col-gap = الفرق (الوسيط)
brief-scenario-fit-output-year = { $output } (السنة { $year })
brief-scenario-fit-parameter = { $name } { $median } (فترة 90٪ من { $low } إلى { $high }؛ توزيع مسبق منتظم من { $min } إلى { $max })
brief-scenario-fit-note = عُيّرت المعلمات التي لا ينشرها أي مصدر لهذا الممر بحيث تعيد كل محاكاة مقبولة إنتاج كل رقم مرصود في حدود { $tolerance }٪ (الحساب البايزي التقريبي)؛ وتنطلق الخيارات من هذه المعايرة، فيدخل عدم يقينها في فتراتها. المعلمات المعايَرة: { $parameters }. تبيّن المعايرة أن النموذج قادر على إعادة إنتاج الممر بهذه القيم، لا أنها القيم الحقيقية: المعلمات الأخرى كما ينص عليها ملف السيناريو.
