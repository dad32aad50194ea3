"""Hand-made pages for the render and browser tests: a FALC text and real Arabic."""

from __future__ import annotations

import datetime
import textwrap

from cai_falc.config import ProjectSettings, Settings
from cai_falc.fiche import FalcText, Fiche
from cai_falc.render import Segment, TranslatedBlocks

DAY = datetime.date(2026, 3, 12)

BODY = textwrap.dedent(
    """\
    # Qui peut venir aux cours ?
    Les cours sont pour les personnes qui arrivent en Belgique.
    Vous pouvez venir si vous avez 18 ans ou plus.
    Les cours sont **gratuits**.

    # Quand sont les cours ?
    Les cours ont lieu le lundi et le jeudi.
    Un cours dure 3 heures.
    - Le matin : de 9 h à 12 h.
    - L’après-midi : de 13 h à 16 h.

    # Où sont les cours ?
    Les cours sont au centre, rue de l’Exemple 2, à Namur.
    Vous pouvez venir en bus.

    # Comment s’inscrire ?
    Vous pouvez téléphoner au 081 00 00 00.
    Vous pouvez aussi écrire à accueil@example.be.
    Apportez votre **carte d’identité** ou votre **titre de séjour**.
    """
)

ARABIC = (
    "من يمكنه حضور الدروس؟",
    "الدروس مخصّصة للأشخاص الذين يصلون إلى بلجيكا.",
    "يمكنك الحضور إذا كان عمرك 18 سنة أو أكثر.",
    "الدروس **مجانية**.",
    "متى تكون الدروس؟",
    "تُقام الدروس يوم الاثنين ويوم الخميس.",
    "يستغرق الدرس 3 ساعات.",
    "في الصباح: من الساعة 9 إلى الساعة 12.",
    "بعد الظهر: من الساعة 13 إلى الساعة 16.",
    "أين تكون الدروس؟",
    "الدروس في المركز، شارع de l’Exemple 2، في نامور.",
    "يمكنك المجيء بالحافلة.",
    "كيف تسجّل؟",
    "يمكنك الاتصال بالرقم 081 00 00 00.",
    "يمكنك أيضًا الكتابة إلى accueil@example.be.",
    "أحضر **بطاقة هويتك** أو **تصريح إقامتك**.",
)


def settings() -> Settings:
    """Settings of a test project with an organisation and a contact."""
    return Settings(
        project=ProjectSettings(
            organisation="Centre d’action interculturelle de la province de Namur",
            contact="rue de l’Exemple 2, 5000 Namur – 081 00 00 00 – accueil@example.be",
        )
    )


def fiche(title: str = "2019 – Cours de français pour les personnes étrangères") -> Fiche:
    """A source fiche (the long French text the FALC text comes from)."""
    return Fiche(
        id="2019-cours-de-francais",
        year=2019,
        title=title,
        lead="Le centre organise des cours de français.",
        body="Le centre organise des cours de français langue étrangère.",
    )


def falc(body: str = BODY, title: str = "Apprendre le français à Namur") -> FalcText:
    """A FALC draft written by hand, about French courses."""
    return FalcText(
        id="2019-cours-de-francais",
        title=title,
        body=body,
        status="draft",
        words={
            "titre de séjour": "la carte qui dit que vous pouvez habiter en Belgique.",
            "s’inscrire": "donner son nom pour participer au cours.",
        },
    )


def arabic(status: str = "reviewed", missing: tuple[int, ...] = ()) -> TranslatedBlocks:
    """A translation into Arabic made by hand (real sentences), block for block."""
    return TranslatedBlocks(
        lang="ar",
        title=Segment("تعلّم اللغة الفرنسية في نامور", status),
        blocks=tuple(
            Segment("" if i in missing else text, "missing" if i in missing else status)
            for i, text in enumerate(ARABIC)
        ),
        words={
            "titre de séjour": (
                Segment("تصريح الإقامة", status),
                Segment("البطاقة التي تقول إنه يمكنك السكن في بلجيكا.", status),
            ),
            "s’inscrire": (
                Segment("التسجيل", status),
                Segment("إعطاء اسمك للمشاركة في الدرس.", status),
            ),
        },
        model="translate-fr_ar (test)",
    )
