# The workspace's profile page, workshop and policy-cycle words. Keys begin with ws-.

## The profile pages (crates/server/src/web/profiles.rs)

ws-prof-title = الملامح القطرية
ws-prof-intro = ملامح الهجرة لأي بلد أو مجموعة، مستخلصة من البيانات الرسمية في نظام Coherence هذا، وكل رقم مع مصدره.
ws-prof-area = البلد أو المجموعة
ws-prof-area-hint = اسم بالإنكليزية، أو رمز ISO 3166-1 الثلاثي الأحرف، أو رمز M49 للأمم المتحدة، أو مجموعة مثل world أو region:002 أو sdg:SSA أو income:LIC.
ws-prof-show = اعرض الملامح
ws-prof-countries = البلدان والمناطق
ws-prof-groups = المجموعات
ws-prof-fictional = خيالي (عالم العرض)
ws-prof-downloads = التنزيلات
ws-prof-csv = CSV (قيمة واحدة في كل صف، مع وحدتها ومصدرها)
ws-prof-xlsx = مصنف Excel
ws-prof-json = JSON (كل قيمة مع وحدتها ومصدرها)
ws-prof-brief = الموجز بصيغة HTML (ملف واحد مستقل)
ws-prof-pdf = الموجز بصيغة PDF (مقاس A4؛ ولمقاس Letter الأمريكي أضف ?paper=letter)
ws-prof-no-chromium = تُطبع الموجزات بصيغة PDF باستخدام Chromium، وهو غير مثبت على هذا الخادم؛ ويطبع الموجز بصيغة HTML الصفحات نفسها من المتصفح. ويمكن لمسؤول الخادم تثبيته (`apt-get install chromium` على Debian) أو تحديد مساره في COHERENCE_CHROMIUM.
ws-prof-view-brief = افتح الموجز كصفحة

## The cross-impact scale (Nilsson, Griggs and Visbeck 2016), from +3 to −3

ws-scale-indivisible = غير قابل للتجزئة
ws-scale-indivisible-what = التقدم في أحدهما مرتبط ارتباطاً لا ينفصم بالتقدم في الآخر
ws-scale-reinforcing = معزِّز
ws-scale-reinforcing-what = يساعد على تحقيق الآخر
ws-scale-enabling = مُمكِّن
ws-scale-enabling-what = يهيئ ظروفاً تدفع الآخر قُدماً
ws-scale-consistent = متّسق
ws-scale-consistent-what = لا تفاعل إيجابياً أو سلبياً يُذكر
ws-scale-constraining = مُقيِّد
ws-scale-constraining-what = يحدّ من الخيارات المتاحة للآخر
ws-scale-counteracting = مُعاكِس
ws-scale-counteracting-what = يتعارض مع الآخر
ws-scale-cancelling = مُلغٍ
ws-scale-cancelling-what = يجعل تحقيق الآخر مستحيلاً

## The workshop's network metrics

ws-metric-out-influence = التأثير الصادر (مجموع الصف)
ws-metric-out-positive = القوة الصادرة (+)
ws-metric-out-negative = الصادر (−)
ws-metric-in-influence = التأثير الوارد (مجموع العمود)
ws-metric-in-positive = القوة الواردة (+)
ws-metric-in-negative = الوارد (−)
ws-metric-second-order-out = الصادر من الدرجة الثانية
ws-metric-second-order-in = الوارد من الدرجة الثانية
ws-metric-combined-out = الصادر المجمَّع
ws-metric-combined-in = الوارد المجمَّع
ws-metric-pagerank = PageRank (الشبكة الموجبة)
ws-metric-n-out-negative = الروابط السالبة الصادرة

## The stages of the migration cycle (IOM)

ws-stage-before-departure = ما قبل المغادرة
ws-stage-recruitment-departure = التوظيف والمغادرة
ws-stage-stay-abroad = الإقامة في الخارج
ws-stage-return-reintegration = العودة وإعادة الإدماج

## The statuses of a policy

ws-status-planned = مخطط لها
ws-status-active = سارية
ws-status-suspended = معلّقة
ws-status-ended = منتهية

## The upload of an official file (static/app.js writes them, the file name or status after)

ws-upload-uploading = جارٍ رفع
ws-upload-failed = تعذّر الرفع؛ رمز حالة استجابة الخادم:
ws-upload-unreachable = تعذّر الرفع: لا يمكن الوصول إلى الخادم.
