"""Throughput of extract_article on a generated corpus (ru/kk/en templates), next to natasha NER as a baseline.

    uv run python bench/bench_extraction.py --articles 2000 --repeats 5 --write-docs
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMPANIES = ["Hebei Longda Machinery Co., Ltd", "Marmara Gida A.Ş.", "Rheinland Pumpen GmbH", "ТОО «Сарыарқа Металл»",
             "ООО «Сибирский Агрегат»", "Deccan Polymers Pvt. Ltd.", "Gulf Horizon Energy LLC", "«Жетісу Жылыжай» ЖШС"]
ADJ_RU = ["китайская", "турецкая", "немецкая", "казахстанская", "российская", "индийская", "эмиратская"]
DISTRICTS_RU = ["Шетском районе", "Бурабайском районе", "Сайрамском районе", "Жамбылском районе", "Аксуском районе"]
DISTRICTS_KK = ["Шет ауданында", "Сайрам ауданында", "Жамбыл ауданында"]
DISTRICTS_EN = ["Shet district", "Sairam district", "Burabay district"]
OBJECTS_RU = ["завода по производству цемента", "птицефабрики", "ветровой электростанции мощностью 50 МВт",
              "тепличного комплекса", "завода по выпуску кабеля", "логистического центра"]
TEMPLATES = {
    "ru": [
        "{adj} компания {co} подписала меморандум о строительстве {obj} в {dist}. Стоимость проекта – {n} млрд тенге. "
        "Строительство начнется в 2026 году, будет создано {j} постоянных рабочих мест.\n"
        "По итогам года инвестиции в основной капитал региона составили {n}00 млрд тенге.",
        "В {dist} введен в эксплуатацию объект: {co} завершила строительство {obj}. Объем инвестиций – около {n} млн "
        "долларов США. На предприятии трудоустроено {j} человек.\nОбласть планирует привлечь 2 трлн тенге.",
    ],
    "kk": [
        "{dist} {co} компаниясы зауыт салу туралы келісімге қол қойды. Жобаның құны – {n} млрд теңге. "
        "Кәсіпорында {j} тұрақты жұмыс орны ашылады.",
    ],
    "en": [
        "{co} signed an investment agreement to build a plant in {dist}. The project is worth about ${n} million "
        "and will create {j} permanent jobs. Construction is due to begin in 2026.\n"
        "The region aims to attract KZT 1.2 trillion of investment this year.",
    ],
}


def generate(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        lang = ("ru", "ru", "kk", "en")[i % 4]
        tpl = rnd.choice(TEMPLATES[lang])
        dist = rnd.choice({"ru": DISTRICTS_RU, "kk": DISTRICTS_KK, "en": DISTRICTS_EN}[lang])
        body = tpl.format(adj=rnd.choice(ADJ_RU).capitalize(), co=rnd.choice(COMPANIES), obj=rnd.choice(OBJECTS_RU),
                          dist=dist, n=rnd.randint(2, 90), j=rnd.randint(20, 900))
        filler = " ".join(rnd.sample(["Аким отметил важность проекта.", "Жители поддержали инициативу.",
                                      "Officials praised the project.", "Жоба өңір үшін маңызды."], 2))
        out.append((lang, body + "\n" + filler))
    return out


def bench_extract(corpus) -> tuple[float, int]:
    from extraction import default_gazetteer, extract_article

    default_gazetteer()
    extract_article("прогрев 1 млн тенге")
    t = time.process_time()
    found = sum(len(extract_article(text, lang=lang)) for lang, text in corpus)
    return len(corpus) / (time.process_time() - t), found


def bench_natasha(corpus) -> float:
    import yargy  # noqa: F401  (natasha's pymorphy2 needs yargy's patch on Python 3.11: STACK.md)
    from natasha import Doc, NewsEmbedding, NewsNERTagger, Segmenter

    seg, ner = Segmenter(), NewsNERTagger(NewsEmbedding())
    t = time.process_time()
    for _, text in corpus:
        doc = Doc(text)
        doc.segment(seg)
        doc.tag_ner(ner)
    return len(corpus) / (time.process_time() - t)


def _rate_in_fresh_process(articles: int) -> tuple[float, int]:
    """One measurement in its own interpreter: no cache warmed by an earlier repeat."""
    out = subprocess.run([sys.executable, __file__, "--articles", str(articles), "--one"], check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--repeats", type=int, default=5, help="fresh processes measured; the median is reported")
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument("--skip-natasha", action="store_true")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        rate, found = bench_extract(generate(args.articles))
        print(f"{rate:.3f} {found}")
        return
    runs = [_rate_in_fresh_process(args.articles) for _ in range(args.repeats)]
    rates = sorted(rate for rate, _ in runs)
    rate, found = statistics.median(rates), runs[0][1]
    print(f"extract_article: {rate:.0f} articles/s median of {len(rates)} fresh processes "
          f"(each: {', '.join(f'{r:.0f}' for r in rates)}; {found} records from {args.articles} articles)")
    nat = None if args.skip_natasha else bench_natasha(generate(args.articles))
    if nat:
        print(f"natasha segment+NER baseline: {nat:.0f} articles/s")
    if args.write_docs:
        doc = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
        section = (
            "## Extraction throughput\n\n"
            f"Command: `uv run python bench/bench_extraction.py --articles {args.articles} --repeats {args.repeats} "
            "--write-docs` (one process, one core; generated ru/kk/en articles). Rates are per CPU second of the "
            "process (`time.process_time`), so other work sharing the core distorts them less; each repeat runs in a "
            "fresh process, and the median is reported with the range, because rates of one code vary by up to 40% "
            "between runs minutes apart on this shared machine.\n\n"
            f"| step | articles/s |\n|---|---|\n| extract_article (median; range {rates[0]:.0f}-{rates[-1]:.0f}) "
            f"| {rate:.0f} |\n"
            + (f"| natasha segment + NER (baseline, no extraction) | {nat:.0f} |\n" if nat else "")
            + "\n"
        )
        old = doc.read_text(encoding="utf-8") if doc.exists() else "# Benchmarks\n\n"
        # the table is replaced where it stands (up to its first blank line after the table); notes after it stay
        table = re.compile(r"## Extraction throughput\n.*?\| extract_article \|[^\n]*\n(?:\|[^\n]*\n)*\n?", re.S)
        if table.search(old):
            doc.write_text(table.sub(lambda _: section, old, count=1), encoding="utf-8")
        else:
            doc.write_text(old.rstrip() + "\n\n" + section, encoding="utf-8")


if __name__ == "__main__":
    main()
