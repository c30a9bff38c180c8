"""A deterministic corpus of Arabic news articles for benchmarks.

Articles recombine the wordings the checker understands (phone calls between leaders, rounds of
talks in a city with prisoner exchanges) with boilerplate blocks (related headlines, tag lines,
latest-news lists, footers) and filler paragraphs of ordinary news prose.

Events repeat across outlets as in a real feed: a pool of about n_docs / 5 events spread over a
year, each reported by several outlets. A controlled share of the reports (``disagree``) gets one
detail wrong -- a day off, another duration, another clock time, the other caller, another prisoner
count, a former instead of a current title -- so the comparison stage has real work to do.

    python benchmarks/corpus.py --docs 1000 --out /tmp/corpus        # writes 1000 .txt files
    python -c "from benchmarks.corpus import generate; print(generate(3)[0][1])"

Everything is drawn from one ``random.Random(seed)`` (no global state): the same (n_docs, seed)
gives the same files, byte for byte (only ``random()``, ``randrange()`` and ``shuffle()`` are
used, whose sequences Python keeps stable across versions).
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

__all__ = ["generate", "generate_with_truth", "Event", "Report", "main"]

# --------------------------------------------------------------------------- vocabulary

WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]  # Monday = 0
WEEKDAYS_ALT = {0: "الإثنين"}
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
          "نوفمبر", "ديسمبر"]
MONTHS_LEVANT = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
                 "تشرين الأول", "تشرين الثاني", "كانون الأول"]
HOURS = ["", "الواحدة", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة",
         "التاسعة", "العاشرة", "الحادية عشرة", "الثانية عشرة"]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")

# People: canonical id -> (full title forms (current), bare name forms, country id)
PEOPLE: dict[str, dict] = {
    "trump": {"titles": ["الرئيس الأمريكي دونالد ترامب", "الرئيس الأميركي دونالد ترامب", "الرئيس الأمريكي ترامب"],
              "names": ["ترامب", "دونالد ترامب", "ترمب"], "short": "الرئيس ترامب",
              "former": ["الرئيس الأمريكي السابق دونالد ترامب", "الرئيس الأميركي السابق دونالد ترامب"],
              "counterpart": "نظيره الأمريكي دونالد ترامب", "country": "usa", "rank": "president"},
    "putin": {"titles": ["الرئيس الروسي فلاديمير بوتين", "الرئيس الروسي بوتين"],
              "names": ["بوتين", "فلاديمير بوتين"], "short": "الرئيس بوتين",
              "former": ["الرئيس الروسي السابق فلاديمير بوتين"],
              "counterpart": "نظيره الروسي فلاديمير بوتين", "country": "russia", "rank": "president"},
    "zelensky": {"titles": ["الرئيس الأوكراني فولوديمير زيلينسكي", "الرئيس الأوكراني زيلينسكي",
                            "الرئيس الأوكراني فلاديمير زيلينسكي"],
                 "names": ["زيلينسكي", "زيلنسكي", "فولوديمير زيلينسكي"], "short": "الرئيس زيلينسكي",
                 "former": ["الرئيس الأوكراني السابق فولوديمير زيلينسكي"],
                 "counterpart": "نظيره الأوكراني فولوديمير زيلينسكي", "country": "ukraine", "rank": "president"},
    "erdogan": {"titles": ["الرئيس التركي رجب طيب أردوغان", "الرئيس التركي أردوغان"],
                "names": ["أردوغان", "رجب طيب أردوغان"], "short": "الرئيس أردوغان",
                "former": ["الرئيس التركي السابق رجب طيب أردوغان"],
                "counterpart": "نظيره التركي رجب طيب أردوغان", "country": "turkey", "rank": "president"},
    "lavrov": {"titles": ["وزير الخارجية الروسي سيرغي لافروف", "وزير الخارجية الروسي سيرجي لافروف"],
               "names": ["لافروف", "سيرغي لافروف"], "short": "لافروف",
               "former": ["وزير الخارجية الروسي السابق سيرغي لافروف"],
               "counterpart": "نظيره الروسي سيرغي لافروف", "country": "russia", "rank": "minister"},
    "rubio": {"titles": ["وزير الخارجية الأمريكي ماركو روبيو", "وزير الخارجية الأميركي ماركو روبيو"],
              "names": ["روبيو", "ماركو روبيو"], "short": "روبيو",
              "former": ["وزير الخارجية الأمريكي السابق ماركو روبيو"],
              "counterpart": "نظيره الأمريكي ماركو روبيو", "country": "usa", "rank": "minister"},
    "witkoff": {"titles": ["المبعوث الخاص ستيف ويتكوف", "المبعوث الأمريكي الخاص ستيف ويتكوف"],
                "names": ["ويتكوف", "ستيف ويتكوف"], "short": "ويتكوف",
                "former": ["المبعوث الأمريكي السابق ستيف ويتكوف"],
                "counterpart": "ستيف ويتكوف", "country": "usa", "rank": "envoy"},
    "ushakov": {"titles": ["مساعد الرئيس الروسي يوري أوشاكوف", "مساعد الكرملين يوري أوشاكوف"],
                "names": ["أوشاكوف", "يوري أوشاكوف"], "short": "أوشاكوف",
                "former": ["مساعد الرئيس الروسي السابق يوري أوشاكوف"],
                "counterpart": "يوري أوشاكوف", "country": "russia", "rank": "aide"},
}
# Who comments on a call, by country of a participant.
SPOKESPEOPLE = {
    "russia": ["المتحدث باسم الكرملين دميتري بيسكوف", "الناطق باسم الكرملين دميتري بيسكوف",
               "المتحدث باسم الرئاسة الروسية «الكرملين» دميتري بيسكوف", "مساعد الرئيس الروسي يوري أوشاكوف",
               "بيسكوف"],
    "usa": ["البيت الأبيض", "مسؤول في البيت الأبيض", "المبعوث الخاص ستيف ويتكوف"],
    "ukraine": ["مكتب الرئاسة الأوكرانية", "مسؤول أوكراني"],
    "turkey": ["دائرة الاتصال في الرئاسة التركية", "مسؤول تركي"],
}
WRONG_TITLES = {"peskov": "وزير الخارجية الروسي دميتري بيسكوف"}  # seed outlet-f: a wrong office
ZONE_WORD = {"russia": "موسكو", "usa": "واشنطن", "ukraine": "كييف", "turkey": "أنقرة"}
ZONE_IANA = {"موسكو": "Europe/Moscow", "واشنطن": "America/New_York", "كييف": "Europe/Kyiv",
             "أنقرة": "Europe/Istanbul", "غرينتش": "UTC"}
CAPITAL = {"russia": "موسكو", "usa": "واشنطن", "ukraine": "كييف", "turkey": "أنقرة"}  # datelines, "visit X"

COUNTRIES = {
    "russia": {"name": "روسيا", "adj_f": "روسية", "adj_m": "الروسي"},
    "ukraine": {"name": "أوكرانيا", "adj_f": "أوكرانية", "adj_m": "الأوكراني"},
    "usa": {"name": "الولايات المتحدة", "adj_f": "أمريكية", "adj_m": "الأمريكي"},
    "turkey": {"name": "تركيا", "adj_f": "تركية", "adj_m": "التركي"},
}
DELEGATION_HEADS = {"russia": ["رئيس الوفد الروسي فلاديمير ميدينسكي", "مستشار الكرملين فلاديمير ميدينسكي",
                               "فلاديمير ميدينسكي، رئيس الوفد الروسي،"],
                    "ukraine": ["رئيس الوفد الأوكراني رستم عمروف"],
                    "usa": ["المبعوث الخاص ستيف ويتكوف", "وزير الخارجية الأمريكي ماركو روبيو"],
                    "turkey": ["وزير الخارجية التركي", "مسؤول في الخارجية التركية"]}

CALL_PAIRS = [(("trump", "putin"), 4), (("trump", "zelensky"), 3), (("putin", "erdogan"), 2),
              (("zelensky", "erdogan"), 2), (("trump", "erdogan"), 2), (("lavrov", "rubio"), 2),
              (("putin", "zelensky"), 1), (("witkoff", "ushakov"), 1), (("rubio", "zelensky"), 1),
              (("lavrov", "erdogan"), 1)]
TALKS = [(("russia", "ukraine"), "إسطنبول", 4), (("russia", "ukraine"), "اسطنبول", 1),
         (("russia", "usa"), "الرياض", 3), (("ukraine", "usa"), "الرياض", 2), (("russia", "ukraine"), "جنيف", 1),
         (("turkey", "russia"), "أنقرة", 1), (("turkey", "ukraine"), "إسطنبول", 1)]
# Two events of one kind between the same parties are at least this many days apart (more than
# the checker's alignment windows, 1 day for calls and 2 for talks: closer, no reader could tell
# two such events apart).
MIN_GAP_DAYS = {"call": 4, "talks": 6}
# The pool holds about n_docs / 5 events at this many events a year: a 2,500-article corpus
# spans one year, a 5,000-article one two; a larger one spans proportionally more (same density, so that doubling the
# corpus doubles the feed's length, not the crowding of events on the same days).
EVENTS_PER_YEAR = 500

# Durations in families whose ranges overlap inside a family and never across families
# (policy: "about" +-15 %, exact +-10 %): a disagreeing outlet picks another family.
DURATIONS = {
    "short": ["40 دقيقة", "نحو 40 دقيقة", "قرابة 40 دقيقة", "حوالي أربعين دقيقة"],
    "medium": ["نحو ساعة ونصف", "ساعة ونصف", "90 دقيقة", "حوالي ساعة ونصف", "زهاء ساعة ونصف", "لنحو ساعة ونصف"],
    "long": ["أكثر من ساعتين", "ساعتين ونصف", "نحو ساعتين ونصف", "ما يزيد على ساعتين", "أكثر من ساعتين ونصف"],
}
TALK_DURATIONS = {
    "short": ["أقل من ساعتين", "نحو ساعة ونصف", "ساعة و40 دقيقة"],
    "long": ["أكثر من ثلاث ساعات", "نحو أربع ساعات", "قرابة أربع ساعات"],
}
PRISONERS = [1000, 500, 175, 250, 300, 390]
NUMBER_WORDS = {1000: ["ألف", "1000", "1,000"], 500: ["500", "خمسمئة"], 300: ["300", "ثلاثمئة"]}

TOPICS = ["الأزمة الأوكرانية", "سبل التسوية في أوكرانيا", "الأوضاع في الشرق الأوسط", "قضايا الطاقة",
          "العلاقات الثنائية", "وقف إطلاق النار", "التعاون الاقتصادي", "الأمن الإقليمي",
          "ملف الحبوب وأمن الملاحة في البحر الأسود", "ملف تبادل الأسرى", "الترتيبات الأمنية في أوروبا"]

OUTLETS = [("agency-sharq", "وكالة الشرق للأنباء"), ("rafidain", "صحيفة الرافدين"), ("akhbaria", "الإخبارية الدولية"),
           ("masaa", "أخبار المساء"), ("blog-hadath", "مدونة الحدث"), ("daffa", "جريدة الضفة"),
           ("marsad", "موقع المرصد"), ("nahar-gate", "بوابة النهار"), ("ufuq", "شبكة الأفق"),
           ("nile", "وكالة النيل"), ("khaleej", "وكالة الخليج"), ("usbou", "الأسبوع"), ("sada", "صدى الإلكترونية"),
           ("wasat", "الوسط اليوم"), ("mashreq", "المشرق نيوز"), ("arabi", "العربي الجديد اليوم"),
           ("dawli", "الدولي 24"), ("sabah", "صباح الخير"), ("maghreb", "المغرب الإخباري"),
           ("levant", "الشام برس"), ("gulf-times", "أخبار الخليج"), ("cairo-post", "القاهرة بوست"),
           ("baghdad", "بغداد اليوم"), ("beirut", "بيروت أوبزرفر"), ("doha", "الدوحة نيوز"),
           ("amman", "عمان الإخبارية"), ("tunis", "تونس الرقمية"), ("sudan", "السودان الآن"),
           ("yemen", "اليمن الحدث"), ("riyadh-daily", "يوميات الرياض")]
BYLINES = ["وكالات", "رويترز", "الأناضول", "سبوتنيك", "فرانس برس"]

FILLER = [
    "وتأتي هذه الخطوة في ظل جهود دبلوماسية متواصلة لتخفيف التوترات الدولية وإيجاد حلول للتحديات الراهنة.",
    "ويرى مراقبون أن المرحلة المقبلة ستشهد مزيداً من التحركات السياسية على أكثر من صعيد.",
    "وتشهد أسواق الطاقة العالمية تقلبات حادة منذ بداية العام، وسط مخاوف من تراجع الإمدادات.",
    "وأكد محللون أن أي اتفاق محتمل سيحتاج إلى ضمانات واضحة من الأطراف المعنية.",
    "وفي سياق متصل، ارتفعت أسعار النفط في التعاملات الصباحية بعد صدور بيانات اقتصادية جديدة.",
    "ولم تصدر حتى الآن أي تفاصيل إضافية بشأن الخطوات التالية.",
    "وتطالب عواصم أوروبية بدور أكبر في أي ترتيبات أمنية مستقبلية في القارة.",
    "ويشير خبراء إلى أن الملف الاقتصادي بات حاضراً بقوة في النقاشات بين القوى الكبرى.",
    "ودعت الأمم المتحدة في بيان إلى حماية المدنيين وتسهيل وصول المساعدات الإنسانية.",
    "ويعقد مجلس الأمن الدولي جلسة خاصة لمناقشة التطورات الأخيرة خلال الأسبوع المقبل.",
    "وتواصل فرق الإغاثة عملها في المناطق المتضررة رغم الظروف الجوية الصعبة.",
    "وقالت مصادر مطلعة إن الاتصالات بين الجانبين ستتواصل في الأيام القادمة.",
    "وتراجعت العملة المحلية أمام الدولار في ختام تعاملات الأسبوع.",
    "وأشار التقرير إلى أن معدلات التضخم سجلت تباطؤاً طفيفاً خلال الربع الأخير.",
    "ويأمل الجانبان في تحقيق تقدم ملموس قبل نهاية العام الجاري.",
    "وشدد المسؤولون على أهمية الحفاظ على قنوات الحوار مفتوحة بين جميع الأطراف.",
    "وتحدثت تقارير إعلامية عن خلافات لا تزال قائمة حول عدد من النقاط الجوهرية.",
    "ويقول دبلوماسيون إن الطريق نحو تسوية شاملة لا يزال طويلاً ومعقداً.",
    "وتتصدر قضايا الطاقة والأمن الغذائي جدول الأعمال الدولي في الأشهر الأخيرة.",
    "وأعربت عدة دول عن ترحيبها بأي خطوة من شأنها خفض التصعيد.",
    "وكانت العقوبات الغربية قد طالت قطاعات واسعة من الاقتصاد خلال السنوات الماضية.",
    "وذكرت وسائل إعلام محلية أن حركة الملاحة في الموانئ عادت إلى طبيعتها.",
    "وتستعد العاصمة لاستضافة مؤتمر دولي حول الاستثمار في البنية التحتية.",
    "ويتابع المستثمرون عن كثب أي إشارات إلى انفراجة سياسية قد تنعكس على الأسواق.",
    "ومن المنتظر أن تصدر بيانات رسمية تفصيلية في وقت لاحق.",
    "وأضافت المصادر أن فرقاً فنية ستبحث التفاصيل العملية خلال الفترة المقبلة.",
    "كما ناقش الجانبان قضايا الأمن الإقليمي ومكافحة الإرهاب والهجرة غير الشرعية.",
    "وتشهد المنطقة منذ أشهر حراكاً دبلوماسياً مكثفاً تقوده أطراف إقليمية ودولية.",
    "وكان زيلينسكي قد دعا في وقت سابق إلى ممارسة مزيد من الضغط على موسكو.",
    "وفي واشنطن، قال مسؤولون إن الإدارة تدرس خيارات عدة للمرحلة المقبلة.",
    "وأعلن البنك المركزي الإبقاء على أسعار الفائدة دون تغيير للمرة الثالثة على التوالي.",
    "وتعاني المدن الحدودية من انقطاعات متكررة في التيار الكهربائي منذ أسابيع.",
    "ويرى مراقبون أن نجاح هذه المساعي سيتوقف على مدى التزام الأطراف بتعهداتها.",
    "وتتزايد الدعوات إلى عقد قمة موسعة تجمع القادة المعنيين بالأزمة.",
    "ولفت إلى أن التنسيق بين الجانبين سيستمر على مستوى الخبراء.",
    "وتأتي هذه التطورات بعد أسابيع من التصعيد الميداني على عدة جبهات.",
    "وقال دبلوماسي أوروبي إن بلاده تراقب التطورات باهتمام بالغ وتدعم كل جهد يقود إلى السلام.",
    "وتشير التقديرات إلى أن كلفة إعادة الإعمار قد تتجاوز مئات المليارات من الدولارات.",
    "وفي موسكو، أكدت الخارجية الروسية أن بلادها منفتحة على الحلول السياسية.",
    "وتحدث الزعيمان أيضاً عن فرص التعاون في مجالات الذكاء الاصطناعي والتجارة والاستثمار.",
]
FILLER_TEMPLATES = [
    "وارتفعت أسعار {commodity} بنسبة {n} في المئة خلال تعاملات الأسبوع في {city}.",
    "وأعلنت {org} عن خطة جديدة لدعم قطاع {sector} بقيمة {n} مليون دولار.",
    "وسجل قطاع {sector} نمواً بنسبة {n} في المئة مقارنة بالفترة نفسها من العام الماضي.",
    "وفي {city}، خرج آلاف المحتجين للمطالبة بتحسين الأوضاع المعيشية وخفض أسعار {commodity}.",
    "وتوقعت {org} أن يتراجع الطلب العالمي على {commodity} في الأشهر المقبلة.",
    "وقالت {org} في تقرير حديث إن {n} ألف شخص نزحوا من منازلهم منذ بداية العام.",
    "ويعقد وزراء {sector} في دول المنطقة مؤتمراً موسعاً في {city} لبحث سبل التعاون.",
    "وأظهرت بيانات رسمية أن صادرات {commodity} تراجعت إلى أدنى مستوى لها منذ {n} شهراً.",
    "ورأى خبير في {org} أن أزمة {commodity} ستلقي بظلالها على قطاع {sector} في {city}.",
    "وتخطط {org} لافتتاح مكتب إقليمي جديد في {city} خلال العام المقبل.",
]
COMMODITIES = ["النفط", "الذهب", "القمح", "الغاز الطبيعي", "الحديد", "الأسمدة", "السكر", "البن", "النحاس", "الأرز"]
SECTORS = ["السياحة", "الزراعة", "الصناعة", "النقل", "الطاقة المتجددة", "الاتصالات", "العقارات", "التعليم",
           "الصحة", "التجارة الإلكترونية"]
ORGS = ["منظمة التجارة العالمية", "صندوق النقد الدولي", "البنك الدولي", "وكالة الطاقة الدولية",
        "منظمة الأغذية والزراعة", "الحكومة", "وزارة الاقتصاد", "غرفة التجارة", "منظمة أوبك", "الجامعة العربية"]
CITIES = ["القاهرة", "بيروت", "عمان", "الدوحة", "الرباط", "تونس", "بغداد", "دبي", "جدة", "الكويت", "مسقط",
          "الجزائر", "برلين", "باريس", "لندن", "بروكسل"]


def _filler(rng: random.Random) -> str:
    """One sentence of ordinary news prose: a fixed one, or a template with its slots filled."""
    if rng.random() < 0.5:
        return _pick(rng, FILLER)
    return _pick(rng, FILLER_TEMPLATES).format(commodity=_pick(rng, COMMODITIES), sector=_pick(rng, SECTORS),
                                               org=_pick(rng, ORGS), city=_pick(rng, CITIES),
                                               n=2 + rng.randrange(60))


LATEST = ["مغني شهير يحذر من آثار خطيرة لحقن إنقاص الوزن بعد تدهور بصره",
          "رسالة سامحوني تفضح أكبر شبكة احتيال عقاري", "الأهلي يفتح ملف تجديد عقد حارسه السنغالي",
          "ارتفاع أسعار الذهب في السوق المحلية مع بداية التعاملات", "افتتاح معرض الكتاب الدولي بمشاركة واسعة",
          "الأرصاد تتوقع طقساً حاراً في نهاية الأسبوع", "منتخب الشباب يستعد لمواجهة ودية",
          "انطلاق موسم التخفيضات في المراكز التجارية", "وزارة الصحة تطلق حملة تطعيم جديدة",
          "أكشن مع وليد | ماهي التحديات التي تواجهها الكرة السعودية", "إطلاق تطبيق جديد لخدمات النقل العام",
          "جامعة محلية تعلن مواعيد القبول للعام الدراسي", "تحذير من موجة غبار تضرب المناطق الشرقية"]
LATEST_PLACES = ["الرياض", "القاهرة", "لندن", "دبي", "عمان", "أنقرة", "الدوحة"]


# --------------------------------------------------------------------------- the pool

@dataclass
class Event:
    """One real-world event of the pool (the truth the reports repeat, or get wrong)."""

    id: str
    type: str  # call / talks
    day: dt.date
    participants: tuple[str, str]  # people for a call, countries for talks
    duration: str  # family key
    caller: str | None = None
    utc: tuple[int, int] | None = None  # (hour, minute) a call began, UTC
    place: str | None = None
    prisoners: int | None = None  # per side
    topic: str = ""


@dataclass
class Report:
    """One article: which event it reports, and what it gets wrong (if anything)."""

    name: str
    event: str
    outlet: str
    published: dt.date
    disagreement: str | None = None
    recalls: list[str] = field(default_factory=list)  # earlier events of the same parties it recalls
    embedded: str | None = None  # the event of a second story embedded in the page


def _weighted(rng: random.Random, items):
    total = sum(w for *_, w in items)
    x = rng.random() * total
    for item in items:
        x -= item[-1]
        if x < 0:
            return item
    return items[-1]


def _pick(rng: random.Random, seq):
    return seq[rng.randrange(len(seq))]


def _free_day(rng: random.Random, taken: list[dt.date], start: dt.date, span: int, gap: int) -> dt.date | None:
    """A random day at least `gap` days from every day in `taken` (sorted), or None when the
    span has none left (a few random draws, then every day from a random one on)."""
    def free(day: dt.date) -> bool:
        k = bisect.bisect_left(taken, day)
        return all(abs((day - taken[j]).days) >= gap for j in (k - 1, k) if 0 <= j < len(taken))

    for _ in range(30):
        day = start + dt.timedelta(days=rng.randrange(span))
        if free(day):
            return day
    first = rng.randrange(span)
    for k in range(span):
        day = start + dt.timedelta(days=(first + k) % span)
        if free(day):
            return day
    return None


def _pool(rng: random.Random, n_events: int, start: dt.date, span: int) -> list[Event]:
    """The events, each between parties that have no other event of its kind within
    MIN_GAP_DAYS (a hard rule: a pair whose calendar is full gives way to another pair)."""
    events = []
    taken: dict[tuple, list[dt.date]] = {}
    for i in range(n_events):
        for _ in range(100):
            if rng.random() < 0.7:
                etype = "call"
                pair, _ = _weighted(rng, CALL_PAIRS)
                if rng.random() < 0.5:
                    pair = (pair[1], pair[0])
            else:
                etype = "talks"
                pair, place, _ = _weighted(rng, TALKS)
            days = taken.setdefault((etype, frozenset(pair)), [])
            day = _free_day(rng, days, start, span, MIN_GAP_DAYS[etype])
            if day is not None:
                break
        else:
            raise ValueError(f"{n_events} events do not fit in {span} days; give more --span-days")
        if etype == "call":
            caller = _pick(rng, pair) if rng.random() < 0.8 else None
            utc = (12 + rng.randrange(4), _pick(rng, (0, 0, 30)))
            events.append(Event(f"ev{i:05d}", "call", day, pair, _pick(rng, list(DURATIONS)), caller=caller,
                                utc=utc, topic=_pick(rng, TOPICS)))
        else:
            prisoners = _pick(rng, PRISONERS) if rng.random() < 0.7 else None
            events.append(Event(f"ev{i:05d}", "talks", day, pair, _pick(rng, list(TALK_DURATIONS)),
                                place=place, prisoners=prisoners, topic=_pick(rng, TOPICS)))
        bisect.insort(days, day)
    events.sort(key=lambda e: (e.day, e.id))
    return events


# --------------------------------------------------------------------------- wordings

def _b(prefix: str, phrase: str) -> str:
    """Attach a one-letter clitic: ب + الرئيس -> بالرئيس; ل + الرئيس -> للرئيس."""
    if prefix == "ل" and phrase.startswith("ال"):
        return "لل" + phrase[2:]
    return prefix + phrase


def _digits(rng: random.Random, text: str) -> str:
    return text.translate(EASTERN) if rng.random() < 0.05 else text


def _absolute(rng: random.Random, day: dt.date, with_weekday: bool, with_year: bool, stated_weekday=None) -> str:
    month = MONTHS_LEVANT[day.month - 1] if rng.random() < 0.1 else MONTHS[day.month - 1]
    text = f"{day.day} {month}" + (f" {day.year}" if with_year else "")
    if with_weekday:
        wd = day.weekday() if stated_weekday is None else stated_weekday
        text = f"{_pick(rng, ('يوم ', '', 'يوم '))}{WEEKDAYS[wd]} {text}"
    else:
        text = "في " + text
    return _digits(rng, text)


# a recall of an event at most this many days old may leave out its year ("9 فبراير الماضي")
RECALL_WITHOUT_YEAR_DAYS = 300


def _recalled(rng: random.Random, day: dt.date, published: dt.date) -> str:
    """An earlier event's day as a recall states it: "في 9 فبراير الماضي" means the latest
    9 February, so an event older than that names its year."""
    if (published - day).days < RECALL_WITHOUT_YEAR_DAYS:
        return f"{_absolute(rng, day, False, False)} الماضي"
    return _absolute(rng, day, False, True)


def _when(rng: random.Random, day: dt.date, published: dt.date) -> str:
    """How an outlet published on `published` refers to `day` (relative where it is natural)."""
    gap = (published - day).days
    wd = WEEKDAYS_ALT.get(day.weekday(), WEEKDAYS[day.weekday()]) if rng.random() < 0.3 else WEEKDAYS[day.weekday()]
    r = rng.random()
    if gap == 0:
        if r < 0.45:
            return f"اليوم {wd}"
        if r < 0.6:
            return "اليوم"
        if r < 0.75:
            return f"يوم {wd}"
        return _absolute(rng, day, rng.random() < 0.5, rng.random() < 0.5)
    if gap == 1:
        if r < 0.5:
            return f"أمس {wd}"
        if r < 0.65:
            return "أمس"
        return _absolute(rng, day, rng.random() < 0.5, rng.random() < 0.5)
    if 1 < gap < 7 and r < 0.3:
        return f"يوم {wd} الماضي"
    return _absolute(rng, day, rng.random() < 0.4, rng.random() < 0.5)


def _person(rng: random.Random, pid: str, *, full: bool, former: bool = False) -> str:
    p = PEOPLE[pid]
    if former:
        return _pick(rng, p["former"])
    if full:
        return _pick(rng, p["titles"])
    return _pick(rng, p["names"]) if rng.random() < 0.8 else p["short"]


def _clock(rng: random.Random, day: dt.date, utc: tuple[int, int], zone_word: str, shift_hours: int = 0) -> str:
    """A clock time in the zone of `zone_word`, spelled or in digits."""
    start = dt.datetime(day.year, day.month, day.day, utc[0], utc[1], tzinfo=dt.timezone.utc)
    local = (start + dt.timedelta(hours=shift_hours)).astimezone(ZoneInfo(ZONE_IANA[zone_word]))
    zone = f"بتوقيت {zone_word}"
    if rng.random() < 0.35:
        return _digits(rng, f"الساعة {local.hour:02d}:{local.minute:02d} {zone}")
    h12 = local.hour % 12 or 12
    part = "صباحاً" if local.hour < 12 else "ظهراً" if local.hour == 12 else _pick(rng, ("مساءً", "مساء"))
    frac = " والنصف" if local.minute == 30 else ""
    lead = _pick(rng, ("الساعة ", "", "الساعة "))
    return f"{lead}{HOURS[h12]}{frac} {part} {zone}"


def _count(rng: random.Random, per_side: int) -> str:
    """A prisoner count, per side or in total."""
    n = _pick(rng, NUMBER_WORDS.get(per_side, [str(per_side)]))
    r = rng.random()
    if r < 0.4:
        return f"{n} {_pick(rng, ('أسير', 'أسيراً', 'أسير'))} من كل {_pick(rng, ('جانب', 'طرف'))}"
    if r < 0.6:
        return f"{n} أسير مقابل {n} أسير"
    if r < 0.8:
        return f"{per_side * 2} أسير"
    return f"{per_side * 2} أسير حرب، بواقع {per_side} أسيراً من كل طرف"


def _headline_call(rng: random.Random, e: Event) -> str:
    a, b = (_pick(rng, PEOPLE[p]["names"][:1] + PEOPLE[p]["names"][2:]) for p in e.participants)
    return _pick(rng, [
        f"{a} و{b} يبحثان {e.topic} في اتصال هاتفي",
        f"مكالمة هاتفية بين {a} و{b} تتناول {e.topic}",
        f"تفاصيل المكالمة بين {a} و{b}",
        f"{a} يتلقى اتصالاً من {b}",
        f"«رويترز»: بدء مكالمة بين {a} و{b} حول عدد من الملفات",
        f"ماذا دار في اتصال {a} و{b}؟",
    ])


def _headline_talks(rng: random.Random, e: Event) -> str:
    c1, c2 = (COUNTRIES[c]["name"] for c in e.participants)
    return _pick(rng, [
        f"انتهاء جولة محادثات بين {c1} و{_b('', c2)} في {e.place}",
        f"اتفاق على تبادل الأسرى بعد محادثات {e.place}",
        f"ماذا تحقق في {e.place}؟",
        f"محادثات {COUNTRIES[e.participants[0]]['adj_f']} {COUNTRIES[e.participants[1]]['adj_f']} جديدة",
    ])


def _headline(rng: random.Random, e: Event) -> str:
    return _headline_call(rng, e) if e.type == "call" else _headline_talks(rng, e)


# --------------------------------------------------------------------------- articles

def _call_body(rng: random.Random, e: Event, rep: Report, by_id: dict[str, Event]) -> list[str]:
    x, y = e.participants
    caller = e.caller
    wrong = rep.disagreement
    day = e.day + dt.timedelta(days=_pick(rng, (-1, 1))) if wrong == "date" else e.day
    when = _when(rng, day, rep.published)
    if wrong == "date" and rng.random() < 0.5:
        when = _absolute(rng, day, rng.random() < 0.5, rng.random() < 0.5)
    if wrong == "weekday":  # the weekday does not fit the stated date: an internal inconsistency
        when = _absolute(rng, day, True, True, stated_weekday=(day.weekday() + _pick(rng, (1, 6))) % 7)
    duration = _pick(rng, DURATIONS[e.duration])
    if wrong == "duration":
        duration = _pick(rng, DURATIONS[_pick(rng, [k for k in DURATIONS if k != e.duration])])
    if wrong == "initiator" and caller:
        caller = y if caller == x else x
    former = {p: wrong == "title" and PEOPLE[p]["rank"] == "president" and p == "trump" for p in (x, y)}
    if wrong == "title" and not any(former.values()):
        former[x] = True
    A = _person(rng, caller or x, full=rng.random() < 0.8, former=former[caller or x])
    other = (y if (caller or x) == x else x)
    same_rank = PEOPLE[x]["rank"] == PEOPLE[y]["rank"]
    B = _person(rng, other, full=rng.random() < 0.8, former=former[other])
    # "his counterpart" only where it follows the person it refers to
    Bc = PEOPLE[other]["counterpart"] if same_rank and rng.random() < 0.3 and not former[other] else B
    dateline = f"{CAPITAL[PEOPLE[caller or x]['country']]} - " if rng.random() < 0.4 else ""
    sentences: list[str] = []
    d_sentence = True
    if caller:
        r = rng.random()
        if r < 0.3:
            lead = f"{dateline}أجرى {A}، {when}، اتصالاً هاتفياً {_b('ب', Bc)} استمر {duration}، بحثا خلاله {e.topic}."
            d_sentence = False
        elif r < 0.5:
            lead = f"{dateline}تلقى {B}، {when}، اتصالاً هاتفياً من {A}، تناول {e.topic}."
        elif r < 0.65:
            lead = f"{dateline}قالت مصادر مطلعة إن {A} اتصل {when} {_b('ب', Bc)}، وإن الاتصال تناول {e.topic}."
        elif r < 0.8:
            lead = f"{dateline}أجرى {A} مكالمة هاتفية مع {Bc} {when}، استمرت {duration}."
            d_sentence = False
        else:
            lead = f"{dateline}جرى {when} اتصال هاتفي بين {A} و{B} بمبادرة من {_person(rng, caller, full=False)}، تناول {e.topic}."
    else:
        r = rng.random()
        if r < 0.35:
            lead = f"{dateline}بحث {A} {when} مع {Bc}، في مكالمة هاتفية استمرت {duration}، {e.topic}."
            d_sentence = False
        elif r < 0.7:
            lead = f"{dateline}استمرت المكالمة الهاتفية بين {A} و{B} {when} {duration}، وتناولت {e.topic}."
            d_sentence = False
        else:
            lead = f"{dateline}انتهت {when} المكالمة الهاتفية بين {A} و{B}، والتي تناولت {e.topic}."
    sentences.append(lead)
    if d_sentence and rng.random() < 0.85:
        sentences.append(_pick(rng, [f"واستمر الاتصال {duration}.", f"ودامت المحادثة {duration}.",
                                     f"واستمرت المكالمة {duration}، بحسب ما أعلن الجانبان."]))
    if e.utc and rng.random() < 0.6:
        zone_country = PEOPLE[_pick(rng, e.participants)]["country"]
        zone = ZONE_WORD[zone_country] if rng.random() < 0.9 else "غرينتش"
        clock = _clock(rng, e.day, e.utc, zone, shift_hours=_pick(rng, (-2, 2)) if wrong == "time" else 0)
        speaker = _pick(rng, SPOKESPEOPLE[zone_country] if zone != "غرينتش" else SPOKESPEOPLE["russia"])
        if wrong == "wrong_office" and "russia" in (PEOPLE[x]["country"], PEOPLE[y]["country"]):
            speaker = WRONG_TITLES["peskov"]
        sentences.append(_pick(rng, [
            f"وقال {speaker} إن المكالمة بدأت في {clock}.",
            f"وبدأ الاتصال في {clock}، وتناول {e.topic}.",
            f"وأوضح {speaker} أن المحادثة الهاتفية انطلقت عند {clock}.",
        ]))
    if rng.random() < 0.5:
        who_id = _pick(rng, e.participants)
        who = _person(rng, who_id, full=False)
        sentences.append(_pick(rng, [
            f"وأكد {who} أن المكالمة كانت مفيدة وصريحة، وأن فرق التفاوض ستبدأ العمل فوراً.",
            f"وأشار {who} إلى أن الجانبين اتفقا على مواصلة الاتصالات، بما في ذلك تنظيم لقاءات شخصية.",
            f"ووجه {who} دعوة رسمية لزيارة {CAPITAL[PEOPLE[who_id]['country']]}.",
        ]))
    for rid in rep.recalls:
        old = by_id[rid]
        a, b = (_person(rng, p, full=False) for p in old.participants)
        old_enough = (rep.published - old.day).days >= RECALL_WITHOUT_YEAR_DAYS
        sentences.append(_pick(rng, [
            f"وكان {a} و{b} قد أجريا اتصالاً هاتفياً {_recalled(rng, old.day, rep.published)}، تناول {old.topic}.",
            f"كما حدث اتصال هاتفي بين {a} و{b} "
            f"{_absolute(rng, old.day, False, rng.random() < 0.5 or old_enough)}، "
            f"وخلال المحادثة الهاتفية تمت مناقشة {old.topic}.",
        ]))
    return [s for s in sentences if s]


def _talks_body(rng: random.Random, e: Event, rep: Report, by_id: dict[str, Event]) -> list[str]:
    c1, c2 = e.participants
    wrong = rep.disagreement
    day = e.day + dt.timedelta(days=_pick(rng, (-2, 2))) if wrong == "date" else e.day
    when = _when(rng, day, rep.published)
    if wrong == "weekday":
        when = _absolute(rng, day, True, True, stated_weekday=(day.weekday() + _pick(rng, (1, 6))) % 7)
    duration = _pick(rng, TALK_DURATIONS[e.duration])
    if wrong == "duration":
        duration = _pick(rng, TALK_DURATIONS["long" if e.duration == "short" else "short"])
    n1, n2 = COUNTRIES[c1]["name"], COUNTRIES[c2]["name"]
    place = e.place
    count = None
    if e.prisoners:
        per_side = e.prisoners
        if wrong == "count":
            per_side = _pick(rng, [p for p in PRISONERS if p != e.prisoners])
        count = _count(rng, per_side)
    dateline = f"{place} - " if rng.random() < 0.4 else ""
    sentences = []
    r = rng.random()
    if r < 0.4:
        sentences.append(f"{dateline}انتهت في {place}، {when}، جولة محادثات مباشرة بين وفدي {n1} و{n2}، "
                         f"بعد جلسة استمرت {duration}.")
    elif r < 0.7 and count:
        sentences.append(f"شهدت {place} {when} محادثات {COUNTRIES[c1]['adj_f']} {COUNTRIES[c2]['adj_f']} "
                         f"انتهت بالاتفاق على تبادل {count}، وفق ما نقلته وسائل إعلام {COUNTRIES[c1]['adj_f']}.")
        count = None
    else:
        head = _pick(rng, DELEGATION_HEADS[_pick(rng, e.participants)])
        sentences.append(f"قال {head} إن المحادثات التي جرت في {place} {when} "
                         f"استمرت {duration} وتناولت {e.topic}.")
    if count:
        head = _pick(rng, DELEGATION_HEADS[_pick(rng, e.participants)])
        sentences.append(_pick(rng, [
            f"وقال {head} إن الطرفين اتفقا على تبادل {count} خلال الأيام المقبلة.",
            f"وأسفرت المحادثات عن اتفاق على تبادل {count}، في أكبر عملية من نوعها.",
            f"وأضاف {head} أن الجانبين اتفقا على تبادل {count}.",
        ]))
    if rng.random() < 0.5:
        sentences.append(f"وأكد {_pick(rng, DELEGATION_HEADS[c1])} أن {CAPITAL.get(c1, n1)} عبرت عن ارتياحها "
                         f"لنتائج الاجتماع، مشيراً إلى أن {CAPITAL.get(c2, n2)} طلبت عقد لقاء مباشر بين القادة.")
    for rid in rep.recalls:
        old = by_id[rid]
        sentences.append(f"وكانت جولة سابقة من المحادثات قد عقدت في {old.place} {_recalled(rng, old.day, rep.published)}.")
    return sentences


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    out, i = [], 0
    while i < len(sentences):
        k = 1 + rng.randrange(2)
        out.append(" ".join(sentences[i:i + k]))
        i += k
    return out


def _boilerplate(rng: random.Random, rep: Report, events: list[Event], e: Event) -> tuple[list[str], list[str]]:
    """(blocks right after the article, blocks at the end of the page)."""
    after, tail = [], []
    if rng.random() < 0.6:
        k = 2 + rng.randrange(3)
        heads = [_headline(rng, _pick(rng, events)) for _ in range(k)]
        marker = _pick(rng, ["اقرأ أيضاً:", "إقرأ أيضاً:", "اقرأ أيضاً", "أخبار ذات صلة"])
        if rng.random() < 0.2:  # seed 000: the first headline glued to the marker
            after.append("اقرأ أيضاً" + "\n".join(heads))
        else:
            after.append(marker + "\n" + "\n".join(heads))
    if rng.random() < 0.3:
        after.append(f"المصدر: {_pick(rng, ['وكالات', rep.outlet, 'الأسبوع'])}")
    if rng.random() < 0.5:
        names = [_pick(rng, PEOPLE[p]["names"]) for p in e.participants] if e.type == "call" else \
            [COUNTRIES[c]["name"] for c in e.participants]
        tags = names + [_pick(rng, ["الكرملين", "أوكرانيا", "وقف إطلاق النار", "البيت الأبيض", "محادثة هاتفیة"])]
        after.append("كلمات دلالية: " + " ".join(tags))
    if rng.random() < 0.3:
        tail.append(_pick(rng, ["التعليقات ()", "التعليقات (3)", "أضف تعليقاً"]))
        tail.append("مشاركة")
    if rng.random() < 0.5:
        items = []
        for _ in range(2 + rng.randrange(4)):
            if rng.random() < 0.3:
                items.append(f"WhatsApp Image 2025-11-{1 + rng.randrange(28):02d} at {1 + rng.randrange(11)}.{rng.randrange(60):02d}.{rng.randrange(60):02d} PM.jpeg")
            items.append(_pick(rng, LATEST))
            items.append(_pick(rng, LATEST_PLACES))
            items.append(f"منذ {1 + rng.randrange(59)} {_pick(rng, ['دقيقة', 'ساعة'])}")
            items.append(str(rng.randrange(3)))
            items.append(str(1000 + rng.randrange(900)))
        tail.append(_pick(rng, ["أخر الأخبار", "آخر الأخبار", "الأكثر قراءة"]) + "\n" + "\n".join(items))
    if rng.random() < 0.3:
        tail.append(_pick(rng, ["إعلان\nمساحة إعلانية", "إعلان"]))
    if rng.random() < 0.4:
        tail.append(f"جميع الحقوق محفوظة لموقع {rep.outlet} {rep.published.year}.")
    return after, tail


def _article(rng: random.Random, rep: Report, e: Event, events: list[Event], by_id: dict[str, Event],
             embedded: Event | None) -> str:
    body = _call_body(rng, e, rep, by_id) if e.type == "call" else _talks_body(rng, e, rep, by_id)
    target = 150 + rng.randrange(251)  # words of the whole page
    paras = _paragraphs(rng, body)
    title = _headline(rng, e)
    after, tail = _boilerplate(rng, rep, events, e)
    words = lambda blocks: sum(len(b.split()) for b in blocks)  # noqa: E731
    extra: list[str] = []
    second: list[str] = []
    if embedded is not None:
        sub = Report(rep.name, embedded.id, rep.outlet, rep.published)
        emb = _call_body(rng, embedded, sub, by_id) if embedded.type == "call" else _talks_body(rng, embedded, sub, by_id)
        second = [_pick(rng, BYLINES)] + _paragraphs(rng, emb)
    budget = target - words([title] + paras + after + tail + second)
    seen: set[str] = set()
    while budget > 0 and len(seen) < 40:
        sents = []
        for _ in range(1 + rng.randrange(3)):
            sent = _filler(rng)
            if sent not in seen:
                seen.add(sent)
                sents.append(sent)
        if sents:
            extra.append(" ".join(sents))
            budget -= words(extra[-1:])
    # filler goes between the article's own paragraphs; the lead stays first, as in a wire story
    rest, merged = paras[1:], paras[:1]
    for j in range(max(len(rest), len(extra))):
        merged += rest[j:j + 1] + extra[j:j + 1]
    paras = merged
    header = []
    if rng.random() < 0.2:
        header.append(rep.outlet)
    blocks = header + [title] + paras + after + second + tail
    front = [f"source: {rep.outlet}", f"published: {rep.published.isoformat()}", "language: ar"]
    if rng.random() < 0.3:
        front.insert(1, f"url: https://example.org/{rep.name}")
    return "---\n" + "\n".join(front) + "\n---\n" + "\n\n".join(blocks) + "\n"


# --------------------------------------------------------------------------- the corpus

DISAGREEMENTS = {  # kind -> weight among the disagreeing reports
    "call": [("date", 3), ("duration", 3), ("time", 2), ("initiator", 2), ("title", 2), ("weekday", 1),
             ("wrong_office", 1)],
    "talks": [("date", 3), ("duration", 2), ("count", 3), ("weekday", 1)],
}


def generate_with_truth(n_docs: int, seed: int = 0, *, disagree: float = 0.1, per_event: float = 5.0,
                        start: dt.date = dt.date(2025, 2, 1), span_days: int | None = None,
                        ) -> tuple[list[tuple[str, str]], list[Event], list[Report]]:
    """The corpus, plus the event pool and each report's event and disagreement (the truth).

    `per_event`: articles per event on average; `span_days`: the days the events fall on
    (default: a year, or more for pools above EVENTS_PER_YEAR events, at that density).
    """
    if n_docs < 0:
        raise ValueError("n_docs must be >= 0")
    rng = random.Random(seed)
    n_events = max(1, round(n_docs / per_event)) if n_docs else 0
    if span_days is None:
        span_days = max(365, round(365 * n_events / EVENTS_PER_YEAR))
    events = _pool(rng, n_events, start, span_days)
    by_id = {e.id: e for e in events}
    # coverage: every event at least once (then twice), the rest to popular events (Zipf-like)
    assignment = [events[i % n_events] for i in range(min(n_docs, 2 * n_events))] if n_events else []
    weights = [1.0 / (1 + (i % 50)) for i in range(n_events)]
    order = list(range(n_events))
    rng.shuffle(order)
    cum, acc = [], 0.0
    for i in order:
        acc += weights[i]
        cum.append(acc)
    while len(assignment) < n_docs:
        x = rng.random() * acc
        lo, hi = 0, len(cum) - 1
        while lo < hi:
            mid = (lo + hi) // 2
            if cum[mid] < x:
                lo = mid + 1
            else:
                hi = mid
        assignment.append(events[order[lo]])
    by_pair: dict[tuple, list[Event]] = {}
    for e in events:
        by_pair.setdefault((e.type, frozenset(e.participants)), []).append(e)
    days = [x.day for x in events]  # the pool is sorted by day
    files, reports = [], []
    used: dict[str, set[int]] = {}
    for i, e in enumerate(assignment):
        taken = used.setdefault(e.id, set())
        free = [k for k in range(len(OUTLETS)) if k not in taken] or list(range(len(OUTLETS)))
        o = _pick(rng, free)
        taken.add(o)
        slug, outlet = OUTLETS[o]
        r = rng.random()
        published = e.day + dt.timedelta(days=0 if r < 0.4 else 1 if r < 0.8 else 2 + rng.randrange(3))
        rep = Report(f"{i:06d}_{slug}", e.id, outlet, published)
        if rng.random() < disagree:
            kind, _ = _weighted(rng, DISAGREEMENTS[e.type])
            if not (kind == "initiator" and not e.caller):
                rep.disagreement = kind
        earlier = [x for x in by_pair[(e.type, frozenset(e.participants))] if x.day < e.day - dt.timedelta(days=7)]
        if earlier and rng.random() < 0.2:
            rep.recalls.append(_pick(rng, earlier).id)
        embedded = None
        if rng.random() < 0.1:  # a second story of the same days, embedded in the page (seed 000)
            recent = [x for x in events[max(0, bisect.bisect_left(days, published - dt.timedelta(days=7))):
                                        bisect.bisect_right(days, published)] if x.id != e.id]
            embedded = _pick(rng, recent) if recent else None
            rep.embedded = embedded.id if embedded else None
        text = _article(rng, rep, e, events, by_id, embedded)
        files.append((rep.name + ".txt", text))
        reports.append(rep)
    return files, events, reports


def generate(n_docs: int, seed: int = 0) -> list[tuple[str, str]]:
    """(file name, file text) pairs: `n_docs` articles with front matter, deterministic in `seed`."""
    return generate_with_truth(n_docs, seed)[0]


def write(files: list[tuple[str, str]], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in files:
        (out / name).write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, required=True, help="number of articles")
    ap.add_argument("--out", type=Path, required=True, help="folder to write the .txt files into")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--disagree", type=float, default=0.1, help="share of reports that get one detail wrong")
    ap.add_argument("--span-days", type=int, default=None,
                    help="days the events fall on (default: 365, more above %d events)" % EVENTS_PER_YEAR)
    ap.add_argument("--truth", action="store_true", help="also write truth.jsonl (event and disagreement per file)")
    args = ap.parse_args(argv)
    files, events, reports = generate_with_truth(args.docs, args.seed, disagree=args.disagree, span_days=args.span_days)
    write(files, args.out)
    if args.truth:
        import json

        by_id = {e.id: e for e in events}
        with open(args.out / "truth.jsonl.meta", "w", encoding="utf-8") as fh:  # not read by the checker
            for r in reports:
                e = by_id[r.event]
                fh.write(json.dumps({"file": r.name + ".txt", "event": e.id, "type": e.type, "day": e.day.isoformat(),
                                     "participants": list(e.participants), "disagreement": r.disagreement,
                                     "recalls": r.recalls, "embedded": r.embedded},
                                    ensure_ascii=False) + "\n")
    words = sum(len(t.split()) for _, t in files)
    print(f"wrote {len(files)} articles ({words} words, {len(events)} events) to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
