# The brief's words (crates/report/src/brief, charts and maps). Keys begin with brief-.

## Charts and maps (crates/report/src/svg.rs, svg/, map.rs): the texts a chart or map
## writes itself. Values ($value, $x, $lower…) arrive already written by the
## language's conventions; $unit, $label and $name are the brief's words.

brief-chart-no-data = لا تتوفر بيانات
brief-chart-no-data-sentence = لا تتوفر بيانات.
brief-chart-list-separator = {"؛ "}
brief-chart-series-values = { $name }، { $unit }: { $values }.
brief-chart-series-values-gaps = { $name } (بعض القيم ناقصة)، { $unit }: { $values }.
brief-chart-series-no-data = { $name }: لا توجد بيانات.
brief-chart-point = { $x }: { $y }
brief-chart-point-tip = { $name }، { $x }: { $y } { $unit }
brief-chart-item = { $label }: { $value }
brief-chart-item-share = { $label }: { $value } ({ $share } من المجموع)
brief-chart-bar-share = { $value } ({ $share })
brief-chart-values-in = الوحدة: { $unit }.
brief-chart-interval-item = { $label }: { $value }، { $interval } من { $lower } إلى { $upper }
brief-chart-interval-axis = { $unit }؛ الأشرطة: { $interval }
brief-chart-reference-line = الخط المرجعي: { $label } عند { $value }.
brief-chart-fan-point = { $x }: { $median } (فاصل 90% من { $lower } إلى { $upper })
brief-chart-fan-series = { $name }، الوسيط، { $unit }: { $values }.
brief-chart-fan-median = { $name } (الوسيط)
brief-chart-fan-bands = فاصلا 50% و90% (مظللان)
brief-chart-fan-tip = { $name }، { $x }: الوسيط { $median } { $unit } (فاصل 90% من { $lower } إلى { $upper })
brief-chart-reference-at = { $label } عند { $value }
brief-chart-reference-lines = الخطوط المرجعية: { $lines }.
brief-chart-above-count = { $above } من أصل { $total } فوق { $threshold }.
brief-chart-above = أعلى من: { $name }
brief-chart-at-or-below = مساوٍ أو أدنى: { $name }
brief-map-boundary-note = الحدود والأسماء المبينة لا تعني إقرارها أو قبولها رسمياً.
brief-map-source-note = إسقاط Equal Earth. الحدود: Natural Earth بمقياس 1:50m (ملك عام).
brief-map-class-all = الكل
brief-map-class-under = أقل من { $bound }
brief-map-class-or-more = { $bound } أو أكثر
brief-map-area-code = المنطقة { $code }
brief-map-desc-world = خريطة العالم، إسقاط Equal Earth.
brief-map-desc-no-data = لا توجد بيانات لأي وجهة على الخريطة؛ وجميع البلدان مرسومة باللون الرمادي.
brief-map-desc-item = { $name }: { $value }
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
        [zero] { $name }: { $value } شخص
        [one] { $name }: شخص واحد
        [two] { $name }: شخصان
        [few] { $name }: { $value } أشخاص
        [many] { $name }: { $value } شخصاً
       *[other] { $name }: { $value } شخص
    }
brief-map-tip-origin = { $name }: بلد المنشأ
brief-map-legend-title = الأشخاص
brief-map-legend-no-data-any = لا توجد بيانات لأي وجهة
brief-map-legend-no-data = لا توجد بيانات
brief-map-legend-origin = بلد المنشأ: { $name }

## Corridor checks (crates/report/src/corridor.rs)

brief-corridor-title = اتساق الممرات
brief-corridor-none = لم يُفحص أي ممر: لا يحتوي المخزن على بيانات ثنائية عن أعداد المهاجرين من هذا البلد، وهي البيانات التي يُختار على أساسها أكبر شركائه.
brief-corridor-intro = يُفحص كل ممر بين البلد وأكبر شركائه وفقاً لقواعد الممرات في Coherence ({ $file }). وتذكر كل نتيجة السياسات وخصائص البلدان والبيانات التي تستند إليها. ولا تُقيَّم القاعدة المتعلقة بسياسات بلد ما إلا عند تحميل سجل السياسات الخاص بذلك البلد: فغياب السجل ليس دليلاً على غياب السياسة.
brief-corridor-no-register-for = لم يُحمَّل سجل { $name } ({ $code })
brief-corridor-missing = البيانات الناقصة: { $items }
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
brief-corridor-stage-before-departure = ما قبل المغادرة
brief-corridor-stage-recruitment-departure = التوظيف والمغادرة
brief-corridor-stage-stay-abroad = الإقامة في الخارج
brief-corridor-stage-return-reintegration = العودة وإعادة الإدماج
brief-corridor-severity-high = عالية
brief-corridor-severity-medium = متوسطة
brief-corridor-severity-low = منخفضة
brief-corridor-level-institutional = المؤسسي
brief-corridor-level-working = العملي
brief-corridor-level-between-countries = بين البلدان
brief-corridor-finding-meta = (درجة الخطورة: { $severity }، المستوى: { $level })
brief-corridor-policy = السياسة { $id } { $title } ({ $status })
brief-corridor-data = { $what } = { $value } { $unit } في عام { $year } ({ $test })
brief-corridor-absent = غير موجود: { $what }
brief-corridor-near-miss = لا تُحتسب: { $id } — { $why }
brief-corridor-source = المصدر: { $source }

## Policy options (crates/report/src/scenario.rs)

brief-scenario-title = خيارات السياسات
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

brief-not-available = n/a
# A number written with its magnitude; $n is the number already written.
brief-compact-k = { $n }k
brief-compact-m = { $n }M
brief-compact-bn = { $n }bn
brief-compact-tn = { $n }tn
