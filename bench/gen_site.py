#!/usr/bin/env python3
"""Generates a synthetic qahub site and the same Markdown as a Hugo site.

    gen_site.py OUT_DIR PAGES [--seed N] [--schemas DIR]

writes OUT_DIR/qahub/ (qahub.yaml, content/, data/) and OUT_DIR/hugo/
(config.toml, content/, layouts/). Both trees hold the same Markdown files:
sections of 50 files (an `_index.md` and 49 pages) plus the home page, so
PAGES=1000 gives 20 sections and 1,001 files. Each page has about 500 words,
YAML front matter, h2/h3 headings, a list, a table and 2-5 relative links to
other pages' `.md` sources (some with an anchor to a heading there). qahub
checks every link; Hugo leaves them as written. The output depends only on
PAGES and the seed (Python's `random.Random` is stable across versions).

With --schemas DIR (a site's data/schemas), the qahub tree also gets one
action record per 20 pages (data/actions/*.json, improvement-plan sources, and that plan),
plus the schemas themselves. Hugo has no counterpart to records.
"""
import argparse
import itertools
import json
import os
import random
import shutil

PAGES_PER_SECTION = 50  # including the section's _index.md

COMMON = """the of and to a in is that for it as with be on not this are by at from or
have an they which one you were all we her she there would their will when who him been
has more if no out so up said what its about than into them can only other new some could
time these two may then do first any my now such like our over man me even most made after
also did many before must through back years where much your way well down should because
each just those how too little state good very make world still own see men work long get
here between both life being under never day same another know while last might us great
old year off come since against go came right used take three""".split()

DOMAIN = """child children family families practice practitioner practitioners social worker
workers team teams manager managers supervision audit audits auditing assessment assessments
plan plans planning review reviews reflective reflection safeguarding safety risk risks need
needs care carer carers foster fostering adoption placement placements school schools health
education partner partners partnership agency agencies multi voice views wishes feelings
outcome outcomes quality assurance improvement learning development training forum forums
board meeting meetings action actions finding findings recommendation recommendations evidence
record records recording chronology genogram direct work visit visits visiting home parent
parents mother father fathers relationship relationships trauma informed restorative systemic
contextual exploitation neglect harm abuse protection conference core group strategy
discussion referral referrals threshold early help youth justice disabled disability
transition leaving leaver leavers pathway independent reviewing officer moderation grade
graded outstanding requires inadequate strengths development areas theme thematic sample cases
case file files casefile observation observed feedback survey consultation participation
co-production hypothesis curiosity analysis decision decisions timely timescale drift delay
permanence stability identity culture diversity inclusion equality advocacy complaint
compliments performance data indicator indicators dashboard trend trends quarterly monthly
annual report reports summary summaries governance accountability leadership senior directorate
service services area areas locality front door contact triage mash duty allocation
caseload caseloads capacity recruitment retention workforce newly qualified assessed year
mentor mentoring coaching appraisal appreciative inquiry peer triad practitioner-led""".split()

SYLLABLES = """ba be bi bo bu da de di do du fa fe fi fo ga ge go ka ke ki ko la le li lo lu
ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve
vi vo wa we wi za ze zo bra bre cla cle dra dre fla fle gra gre pla ple pra pre sta ste stra
tra tre tri chan chen shan shen thal ther""".split()
ENDINGS = ["", "", "n", "r", "s", "l", "t", "nce", "tion", "ment", "ness", "ing", "ed", "er", "ly", "ic", "al"]

TAGS = """framework values principles audit supervision planning reflective-practice voice-of-the-child
safeguarding early-help youth-justice fostering adoption placements leaving-care disability
training forums performance data feedback observation restorative systemic signs-of-safety
contextual-safeguarding trauma-informed exploitation neglect domestic-abuse education health
permanence transitions mash front-door workforce leadership governance partnership""".split()

OWNERS = ["Principal Social Worker", "Practice Development Team", "Head of Quality Assurance",
          "Service Manager, Children in Care", "Service Manager, Early Help", "Head of Youth Justice",
          "Workforce Development Lead", "Performance and Intelligence Team", "Head of Safeguarding"]


def make_vocabulary(rng):
    words = list(dict.fromkeys(COMMON + DOMAIN))
    seen = set(words)
    while len(words) < 60000:
        w = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3, 3, 4)))) + rng.choice(ENDINGS)
        if w not in seen:
            seen.add(w)
            words.append(w)
    # Zipf-like: the 550 real words make ~78% of the text, and the vocabulary keeps
    # growing with the site (about 21k distinct words in 1k pages, 53k in 10k).
    weights = [1.0 / (rank + 2) ** 1.3 for rank in range(len(words))]
    return words, list(itertools.accumulate(weights))


class Writer:
    def __init__(self, rng, words, cum):
        self.rng, self.words, self.cum = rng, words, cum

    def words_n(self, n):
        return self.rng.choices(self.words, cum_weights=self.cum, k=n)

    def sentence(self, lo=8, hi=18):
        w = self.words_n(self.rng.randint(lo, hi))
        if len(w) > 8 and self.rng.random() < 0.4:
            w[len(w) // 2] += ","
        s = " ".join(w)
        return s[0].upper() + s[1:] + "."

    def paragraph(self, sentences, links=()):
        parts = [self.sentence() for _ in range(sentences)]
        for text, target in links:
            i = self.rng.randrange(len(parts))
            parts[i] = parts[i][:-1] + f", as described in [{text}]({target})."
        return " ".join(parts)

    def title(self, lo=2, hi=5):
        w = self.words_n(self.rng.randint(lo, hi))
        return (" ".join(w)).capitalize()


def rel(src_dir, target):
    """Relative link from a file in src_dir ("sec-01") to target ("sec-02/page-0003.md")."""
    return os.path.relpath(target, src_dir or ".").replace(os.sep, "/")


def plan_site(pages, rng, writer):
    """Every file's path, title and h2 headings, decided before any body is written."""
    n_sections = max(1, pages // PAGES_PER_SECTION)
    files = []
    files.append({"path": "_index.md", "dir": "", "title": "Practice hub", "section": True, "h2": []})
    page_no = 0
    for s in range(1, n_sections + 1):
        d = f"sec-{s:03d}"
        files.append({"path": f"{d}/_index.md", "dir": d, "title": writer.title(2, 4), "section": True, "h2": []})
        for _ in range(PAGES_PER_SECTION - 1):
            page_no += 1
            files.append({"path": f"{d}/page-{page_no:05d}.md", "dir": d, "title": writer.title(), "section": False})
    for f in files:
        if f["section"]:
            continue
        h2, seen, want = [], set(), rng.randint(3, 4)
        while len(h2) < want:
            h = writer.title(1, 4)
            slug = h.lower().replace(",", "").replace(" ", "-")
            if slug not in seen:
                seen.add(slug)
                h2.append((h, slug))
        f["h2"] = h2
    return files


def front_matter(f, rng, weight):
    tags = rng.sample(TAGS, rng.randint(1, 3))
    y = [
        "---",
        f"title: {json.dumps(f['title'])}",
        f"description: {json.dumps(f['description'])}",
        f"weight: {weight}",
        f"tags: [{', '.join(tags)}]",
        f"owner: {json.dumps(rng.choice(OWNERS))}",
        "review_by: 2099-12-31",
        "changes:",
    ]
    year = 2025
    for month in sorted(rng.sample(range(1, 13), rng.randint(1, 2)), reverse=True):
        y.append(f"  - date: {year}-{month:02d}-{rng.randint(1, 28):02d}")
        y.append(f"    summary: {json.dumps(f['change'])}")
    y.append("---")
    return "\n".join(y) + "\n\n"


def body(f, rng, writer, files, pages_only):
    def link():
        t = rng.choice(pages_only)
        while t is f:
            t = rng.choice(pages_only)
        target = rel(f["dir"], t["path"])
        if t["h2"] and rng.random() < 0.4:
            target += "#" + rng.choice(t["h2"])[1]
        return (t["title"].lower(), target)

    n_links = rng.randint(2, 5)
    links = [link() for _ in range(n_links)]
    out = [writer.paragraph(3, links[:1]), ""]
    if f["section"]:
        out += [writer.paragraph(4, links[1:]), ""]
        return "\n".join(out)
    rest = links[1:]
    table_at = rng.randrange(len(f["h2"]))
    for i, (h, _) in enumerate(f["h2"]):
        out += [f"## {h}", "", writer.paragraph(rng.randint(3, 4), rest[i:i + 1]), ""]
        if i == table_at:
            cols = [writer.title(1, 2).lower() for _ in range(3)]
            out.append("| " + " | ".join(cols) + " |")
            out.append("| --- | --- | --- |")
            for _ in range(rng.randint(3, 4)):
                out.append("| " + " | ".join(" ".join(writer.words_n(rng.randint(2, 5))) for _ in cols) + " |")
            out.append("")
        elif rng.random() < 0.7:
            out.append(f"### {writer.title(1, 3)} {i + 1}")
            out += ["", writer.paragraph(2), ""]
        if i % 2 == 0:
            ordered = rng.random() < 0.3
            for k in range(rng.randint(3, 5)):
                item = " ".join(writer.words_n(rng.randint(4, 10)))
                out.append(f"{k + 1}. {item};" if ordered else f"- {item};")
            out.append("")
    for extra in rest[len(f["h2"]):]:
        out += [writer.paragraph(2, [extra]), ""]
    return "\n".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


HUGO_CONFIG = """baseURL = "/"
languageCode = "en-gb"
title = "Practice hub"
disableKinds = ["taxonomy", "term", "RSS"]

[markup.goldmark.renderer]
unsafe = false

[markup.tableOfContents]
startLevel = 2
endLevel = 3
ordered = false
"""

HUGO_BASEOF = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ site.Title }}</title>
<meta name="description" content="{{ .Description }}">
<link rel="stylesheet" href="/style.css">
</head>
<body>
<a class="skip" href="#main">Skip to main content</a>
<header><a href="/">{{ site.Title }}</a>
<nav aria-label="Sections"><ul>
{{- range site.Sections }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
</ul></nav></header>
<nav aria-label="Breadcrumb"><ol>
{{- range .Ancestors.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end -}}
<li aria-current="page">{{ .Title }}</li></ol></nav>
<main id="main">{{ block "main" . }}{{ end }}</main>
<footer><p>{{ site.Title }}</p></footer>
</body>
</html>
"""

HUGO_SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="lead">{{ .Description }}</p>
<p>Owner: {{ .Params.owner }}. Review by {{ .Params.review_by }}.</p>
<nav aria-label="On this page">{{ .TableOfContents }}</nav>
{{ .Content }}
<h2>Changes</h2><ul>{{ range .Params.changes }}<li>{{ .date }}: {{ .summary }}</li>{{ end }}</ul>
<nav aria-label="Pages in this section">
{{- with .PrevInSection }}<a rel="prev" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end -}}
{{- with .NextInSection }}<a rel="next" href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end -}}
</nav>
</article>{{ end }}
"""

HUGO_LIST = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Description }}</li>{{ end }}</ul>
</article>{{ end }}
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("pages", type=int)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--schemas", help="a data/schemas directory: also write action records")
    a = ap.parse_args()

    rng = random.Random(a.seed)
    words, cum = make_vocabulary(rng)
    writer = Writer(rng, words, cum)
    files = plan_site(a.pages, rng, writer)
    pages_only = [f for f in files if not f["section"]]
    for f in files:
        f["description"] = writer.sentence(8, 14)
        f["change"] = writer.sentence(5, 10)

    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    q, h = os.path.join(a.out, "qahub"), os.path.join(a.out, "hugo")
    write(os.path.join(q, "qahub.yaml"),
          "title: Practice hub\ndescription: A synthetic benchmark site.\nbase_url: /\nlanguage: en-GB\n"
          "organisation: Benchmark directorate\n")
    for i, f in enumerate(files):
        text = front_matter(f, rng, (i % PAGES_PER_SECTION) * 10) + body(f, rng, writer, files, pages_only) + "\n"
        write(os.path.join(q, "content", f["path"]), text)
        write(os.path.join(h, "content", f["path"]), text)

    if a.schemas and os.path.isdir(a.schemas):
        shutil.copytree(a.schemas, os.path.join(q, "data", "schemas"))
        # The plan the actions name (issue 33: a plan source is a checked record), outcomes p1 to p40.
        plan = {
            "$schema": "../schemas/plan.schema.json",
            "id": "improvement-plan",
            "title": "Improvement plan",
            "period": {"start": "2025-01-01", "end": "2026-12-31"},
            "status": "draft",
            "priorities": [{"id": str(p), "title": f"Priority {p}", "lead": OWNERS[0],
                            "outcomes": [{"id": f"p{o}", "text": f"Outcome {o}"} for o in range(p * 10 - 9, p * 10 + 1)]}
                           for p in range(1, 5)],
        }
        write(os.path.join(q, "data", "plans", "improvement-plan.json"), json.dumps(plan, indent=2) + "\n")
        statuses = ["open", "in progress", "complete"]
        for k in range(1, a.pages // 20 + 1):
            n = rng.randint(1, 3)
            rec = {
                "$schema": "../schemas/action.schema.json",
                "id": f"a-{k:05d}",
                "title": writer.sentence(5, 10)[:-1],
                "source": {"type": "plan", "id": "improvement-plan", "item": f"p{rng.randint(1, 40)}"},
                "owner": rng.choice(OWNERS),
                "due": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                "status": [{"date": f"2025-{m + 1:02d}-{rng.randint(1, 28):02d}", "status": statuses[m]}
                           for m in range(n)],
            }
            if n == 3:
                rec["status"][-1]["note"] = writer.sentence(6, 12)
                rec["impact"] = [{"date": "2025-12-01", "text": writer.sentence(8, 14)}]
            write(os.path.join(q, "data", "actions", f"a-{k:05d}.json"), json.dumps(rec, indent=2) + "\n")

    write(os.path.join(h, "config.toml"), HUGO_CONFIG)
    write(os.path.join(h, "layouts", "_default", "baseof.html"), HUGO_BASEOF)
    write(os.path.join(h, "layouts", "_default", "single.html"), HUGO_SINGLE)
    write(os.path.join(h, "layouts", "_default", "list.html"), HUGO_LIST)
    print(f"{a.out}: {len(files)} Markdown files in {len(files) // PAGES_PER_SECTION} sections, "
          f"{a.pages // 20 if a.schemas and os.path.isdir(a.schemas) else 0} action records")


if __name__ == "__main__":
    main()
