"""References in the text of the laws: «статьей 33 настоящего Закона», «пунктах 2, 3 статьи 33»,
«части 2 настоящей статьи», «в соответствии с Законом Кыргызской Республики «О внешней
миграции»», «ушул Кодекстин 7-статьясы» — found in every normative block and resolved to eIds
within the law and across the laws of the repository.

A reference is kept only where the text says which act it cites (this one: «настоящего Закона»,
«настоящей статьи», «ушул Мыйзамдын»; another: its name): a bare «статья 5» may be any act's.
Citations that name a unit the act does not have are kept with the reason, not dropped.
"""
from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import cache, lazyre, xmlio
from . import structure as st
from .actnames import ACT_WORD, KY_ACT_STEMS, KY_ACT_WORD, act_key, ky_act_key
from .citations import CitationError, rank, reaches, resolve_steps, unit_kind, unit_stems
from .dates import DATE_RU, iso_date
from .law import Law
from .vocabulary import ordinal_at

WHOLE = ""  # the eId of a reference to a whole act


@dataclass(frozen=True)
class Target:
    """What a citation names: a unit of a law of the repository, or an act outside it."""

    law: str          # the cited law's folder name; "" when the act is not in the repository
    eid: str          # the cited unit; WHOLE for the act itself
    act: str = ""     # the act as the text names it, when it is not this law


@dataclass(frozen=True)
class Reference:
    """A citation in a law's text and the units it names."""

    law: str                     # the citing law's folder name
    lang: str
    eid: str                     # the citing unit
    line: int                    # its line in the law file
    text: str                    # the citation as written
    targets: tuple[Target, ...]
    problem: str = ""            # why (part of) the citation resolves to nothing


# --- reading a block ----------------------------------------------------------------------------
_TOKEN = lazyre.compile(r"\d+(?:-\d+)*(?:-[^\W\d_]+)?|[^\W\d_]+(?:-[^\W\d_]+)*|[«»\"“”„]|[^\s\w]")
_QUOTES = "«»\"“”„"
_LETTER = lazyre.compile(r"[а-яөүң]{1,2}")
_NUM = lazyre.compile(r"\d+(?:-\d+)*|[IVXLC]+")
_SEPARATORS = {",", "и", "или", "либо"}
_RANGE = {"–", "—", "-"}
# the unit a «настоящей …» frame names; kinds as citations.resolve_steps takes them
_CHAIN_KINDS = ("part", "chapter", "section", "article", "part_of", "point", "subpoint", "abzats")
_TAG_OF_KIND = {"part": "part", "chapter": "chapter", "section": "section", "article": "article",
                "part_of": "paragraph", "point": "point", "subpoint": "point"}


@dataclass
class _Tok:
    """A word, number or mark of a text, with its place."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower().replace("ё", "е")


def _tokens(text: str) -> list[_Tok]:
    return [_Tok(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _item(toks, j, kind) -> tuple[object, int] | None:
    """One number of a link («33», «II», «"а"», «второго») at toks[j]: (key, next index)."""
    if j >= len(toks):
        return None
    t = toks[j].text
    if _NUM.fullmatch(t) and (not t.isalpha() or kind in ("part", "chapter", "section")):
        return (int(t) if kind == "abzats" and t.isdigit() else t), j + 1
    if t in _QUOTES and j + 2 < len(toks) and _LETTER.fullmatch(toks[j + 1].low) and toks[j + 2].text in _QUOTES:
        return toks[j + 1].low, j + 3
    if kind in ("subpoint", "point") and _LETTER.fullmatch(toks[j].low) and j + 1 < len(toks) \
            and toks[j + 1].text == ")":
        return toks[j].low, j + 2
    words = [x.low for x in toks[j:j + 4]]
    o = ordinal_at(words, 0)
    if o:
        return (o[0] if kind == "abzats" else str(o[0])), j + o[1]
    return None


def _items(toks, j, kind, repeat: bool = True) -> tuple[list, int]:
    """The numbers of one link: «2, 3», «4 и 5», «336–348» (a range of whole numbers); with
    ``repeat``, also «статьей 126-1 или статьей 126-2» (the unit word said again)."""
    first = _item(toks, j, kind)
    if first is None:
        return [], j
    items, j = [first[0]], first[1]
    while j + 1 < len(toks):
        sep = toks[j].low
        if sep in _RANGE and isinstance(items[-1], (str, int)) and str(items[-1]).isdigit():
            nxt = _item(toks, j + 1, kind)
            if nxt and str(nxt[0]).isdigit() and 0 < int(nxt[0]) - int(items[-1]) <= 200:
                low = int(items[-1])
                items += [(n if kind == "abzats" else str(n)) for n in range(low + 1, int(nxt[0]) + 1)]
                j = nxt[1]
                continue
            break
        if sep not in _SEPARATORS:
            break
        k = j + 1
        if unit_kind(toks[k].text) == kind:  # «статьей 126-1 или статьей 126-2»
            if not repeat:
                break
            k += 1
        nxt = _item(toks, k, kind)
        if nxt is None:
            break
        items.append(nxt[0])
        j = nxt[1]
    return items, j


def _chain_ru(toks, i) -> tuple[list, int]:
    """Links (kind, [keys]) innermost first, as Russian writes them, from toks[i]."""
    links = []
    j = i
    while j < len(toks):
        kind = unit_kind(toks[j].text) if toks[j].text[:1].isalpha() else None
        if kind not in _CHAIN_KINDS:
            break
        # «подпункту "а" пункта 3, пунктам 5-8 статьи 83»: a unit word said again after inner
        # links starts a new citation, which lends this one its outer links
        items, k = _items(toks, j + 1, kind, repeat=not links)
        if not items:
            break
        links.append((kind, items))
        j = k
    return links, j


class _Frame:
    """What a citation is relative to: this law (``base`` None), a unit of it, or another act."""

    def __init__(self, end: int, base_kind: str | None = None, act: str | None = None, name: str = ""):
        self.end, self.base_kind, self.act, self.name = end, base_kind, act, name


def _frame_ru(text: str, toks, j) -> _Frame | None:
    """The words after a chain that say which act it cites, or None."""
    if j >= len(toks):
        return None
    low = toks[j].low
    if low.startswith("настоящ") and j + 1 < len(toks):
        word = toks[j + 1].low
        if word.startswith(("закон", "кодекс", "конституц")):
            return _Frame(j + 2)
        kind = unit_kind(word)
        if kind in _TAG_OF_KIND:
            return _Frame(j + 2, base_kind=kind)
        return None
    m = ACT_WORD.match(text, toks[j].start)
    if m is None or (m.group("adj") and m.group("adj").lower().startswith("настоящ")):
        return None
    end = m.end()
    name = m.group(0)
    rest = text[end:]
    q = re.match(r"\s*[«\"“„]", rest)
    tail = ""
    if q:
        close = _closing_quote(text, end + q.end())
        tail = text[end + q.end():close]
        name += f" «{tail}»"
        end = close + 1
    elif m.group("kind").lower() == "кодекс" and not m.group("adj"):
        o = re.match(r"\s+о\s+[а-яё]+", rest)
        if o:
            tail = o.group(0).strip()
            name += " " + tail
            end += o.end()
    dm = re.match(r"\s+от\s+", text[end:])
    date = number = ""
    if dm:
        d = DATE_RU.match(text, end + dm.end())
        if d:
            date, number = iso_date(d), d.group("number") or ""
            name += " от " + d.group(0).strip()
            end = d.end()
    key = act_key(m.group(0) + (f" «{tail}»" if q else (" " + tail if tail else "")))
    act = f"{key}|{date}|{number}"
    k = j
    while k < len(toks) and toks[k].start < end:
        k += 1
    return _Frame(k, act=act, name=name)


def _closing_quote(text: str, start: int) -> int:
    """The quote that closes a title: the first «»» or «"» that is not opening an inner title
    («"О специальной … территории "Тамчы" с особым …"»: a straight quote followed by a
    letter opens an inner name)."""
    depth = 0
    i = start
    while i < len(text):
        c = text[i]
        if c in "«„“":
            depth += 1
        elif c == "»" or c == "”":
            if depth == 0:
                return i
            depth -= 1
        elif c == '"':
            nxt = text[i + 1:i + 2]
            if nxt.isalnum():
                depth += 1
            elif depth == 0:
                return i
            else:
                depth -= 1
        i += 1
    return len(text) - 1


# --- the index ----------------------------------------------------------------------------------
@dataclass
class _LawEntry:
    """A law of the folder: the keys its act is found by and its files."""

    slug: str
    keys: set
    paths: dict                                # lang -> the law file


class _Folder:
    """What an index reads of one ``laws/`` folder, whatever laws it loads: each law's files and
    the keys its act is found by, what each law file cites (as read, not resolved), and which laws
    name which — the same for every index of the folder while no law file changes."""

    def __init__(self, folder: Path, langs, jobs, progress):
        self.entries: dict[str, _LawEntry] = {}
        self.records: dict[tuple[str, str], dict] = {}        # what was read of each law file
        paths = {d.name: {lang: d / f"{lang}.xml" for lang in langs if (d / f"{lang}.xml").is_file()}
                 for d in sorted(p for p in folder.iterdir() if p.is_dir())}
        paths = {slug: files for slug, files in paths.items() if files}
        files = [f for group in paths.values() for f in group.values()]
        done = [0]

        def step(n: int = 1) -> None:
            done[0] += n
            progress(done[0], len(files))

        records = _records(files, jobs, step if progress else None)
        for slug, files in paths.items():
            heads = {lang: records[f] for lang, f in files.items()}
            self.entries[slug] = _LawEntry(slug, _keys(heads), files)
            for lang, rec in heads.items():
                self.records[(slug, lang)] = rec
        self.acts: dict[str, str] = {}
        for slug, entry in self.entries.items():
            for key in entry.keys:
                self.acts.setdefault(key, slug)
        self.order = {slug: i for i, slug in enumerate(self.entries)}
        self._naming: dict[str | None, dict[str, list[tuple[str, str]]]] = {}   # by language asked

    def find_act(self, act: str) -> str:
        key, date, number = act.split("|")
        found = [s for s in (self.acts.get(key), self.acts.get(f"{date}|{number}") if date else None) if s]
        return min(found, key=self.order.get) if found else ""

    def naming(self, slug: str, lang: str | None = None) -> list[tuple[str, str]]:
        """The law files (slug, lang), in order, that name law ``slug``: itself, and those whose
        text names its act (in ``lang`` only, if given)."""
        table = self._naming.get(lang)
        if table is None:
            table = self._naming[lang] = {}
            for (s, lg), rec in self.records.items():
                if lang is None or lg == lang:
                    for named in {s} | {self.find_act(act) for act in rec["acts"]}:
                        table.setdefault(named, []).append((s, lg))
        return table.get(slug, [])


# the folders read once for every index made meanwhile (see :func:`pinned`): {(folder, langs): _Folder}
_PINNED: dict[tuple[str, tuple], _Folder] = {}


@contextmanager
def pinned(folder: str | Path, langs=("rus", "kir"), jobs: int | None = None):
    """Within it, every :class:`Index` of ``folder`` — made here or in a process forked here —
    shares one reading of the folder instead of listing and stamping each law file again: for a
    caller that holds the repository's lock, so that no law file changes meanwhile (a build, whose
    every bill's check looks for the provisions citing what it changes)."""
    key = (str(Path(folder).resolve()), tuple(langs))
    shared = _Folder(Path(folder), langs, jobs, None)
    shared.naming("")       # who names whom, worked out once here rather than in each worker
    _PINNED[key] = shared
    try:
        yield
    finally:
        _PINNED.pop(key, None)


class Index:
    """Every reference in the laws under one folder (``laws/``), by citing and by cited unit.

    What each law file cites is read once per version of the file (:mod:`lawpatch.cache`; files not
    yet read are read in ``jobs`` processes, ``progress(done, total)`` called as they are) and resolved when asked
    for, so that finding what cites a unit loads only the law of that unit. ``laws`` are laws
    already loaded ({slug: {lang: Law}}), used instead of their files."""

    def __init__(self, folder: str | Path, langs=("rus", "kir"), jobs: int | None = None, progress=None,
                 laws: dict | None = None):
        self.folder = Path(folder)
        shared = _PINNED.get((str(self.folder.resolve()), tuple(langs))) if _PINNED else None
        self._folder = shared or _Folder(self.folder, langs, jobs, progress)
        self.entries = self._folder.entries
        self._records = self._folder.records
        self._laws: dict[str, dict[str, Law]] = {slug: dict(by_lang) for slug, by_lang in (laws or {}).items()}
        self._raw: dict[tuple[str, str], list[_Raw]] = {}
        self._resolved: dict[tuple[str, str], list[Reference]] = {}
        self._named: dict[tuple, list[Reference]] = {}   # (law, lang, law cited) → its references to it
        self._targets: dict[tuple, dict] = {}            # the same → {(law, eid) cited: their places}

    def law(self, slug: str, lang: str = "rus") -> Law | None:
        entry = self.entries.get(slug)
        if entry is None:
            return None
        lang = lang if lang in entry.paths else next(iter(entry.paths))
        loaded = self._laws.setdefault(slug, {})
        if lang not in loaded:
            loaded[lang] = Law.load(entry.paths[lang])
        return loaded[lang]

    def _raws(self, key: tuple[str, str]) -> list[_Raw]:
        if key not in self._raw:
            self._raw[key] = [_Raw.of_list(v) for v in self._records[key]["refs"]] if key in self._records else []
        return self._raw[key]

    def references_of(self, slug: str, lang: str) -> list[Reference]:
        """Every reference the ``lang`` text of law ``slug`` makes, resolved."""
        key = (slug, lang)
        if key not in self._resolved:
            self._resolved[key] = [r for raw in self._raws(key) if (r := _resolve(self, slug, lang, raw))]
        return self._resolved[key]

    @property
    def references(self) -> list[Reference]:
        """Every reference of every law (each law resolved, so each cited law loaded)."""
        return [r for slug, lang in self._records for r in self.references_of(slug, lang)]

    def read(self, slug: str, text: str, eid: str | None = None, lang: str = "rus") -> list[Reference]:
        """The references of ``text`` as if it stood in unit ``eid`` of law ``slug`` (its first
        unit by default): a bill's new wording, say."""
        law = self.law(slug, lang)
        unit = law.get(eid) if eid else next(law.units())
        read = _read_block_ru if lang == "rus" else _read_block_ky
        return [r for raw in read(unit, text, 0) if (r := _resolve(self, slug, lang, raw))]

    def find_act(self, act: str) -> str:
        """The folder name of the act an «act key|date|number» names, or "" (the first folder, in
        order, whose name or date and number it gives)."""
        return self._folder.find_act(act)

    def citing(self, slug: str, eids: set[str], lang: str | None = None) -> list[Reference]:
        """The references into any of ``eids`` of law ``slug`` (WHOLE for the act itself). Only the
        citations that name the law (its own «настоящего Закона», or its name elsewhere) are resolved."""
        out = []
        for s, lg in self._folder.naming(slug, lang):
            table = self._targets.get((s, lg, slug))
            if table is None:
                refs = self._naming_refs(s, lg, slug)
                table = self._targets[(s, lg, slug)] = {}
                self._named[(s, lg, slug)] = refs
                for i, r in enumerate(refs):
                    for t in r.targets:
                        table.setdefault((t.law, t.eid), []).append(i)
            else:
                refs = self._named[(s, lg, slug)]
            out += [refs[i] for i in sorted({i for eid in eids for i in table.get((slug, eid), ())})]
        return out

    def _naming_refs(self, s: str, lg: str, slug: str) -> list[Reference]:
        """The references of law file (s, lg) that name law ``slug``, resolved (no other law is
        loaded); kept in the cache by what they depend on: the bytes of the citing and the cited
        law files, and which of the acts s names are ``slug``. A check asks for them on every run
        of an edited bill, and editing the bill changes no law."""
        record = self._records[(s, lg)]
        acts = [act for act in record["acts"] if self.find_act(act) == slug]
        entry = self.entries[slug]
        cited = self._records.get((slug, lg if lg in entry.paths else next(iter(entry.paths))), {})
        key = "|".join([s, lg, slug, record.get("sha256") or "", cited.get("sha256") or "", *acts])
        version = _version()
        kept = cache.load("citing", key, version).get("refs")
        if kept is not None:
            return [Reference(r[0], r[1], r[2], r[3], r[4], tuple(Target(*t) for t in r[5]), r[6]) for r in kept]
        # read from the records as they are: only the raws that name slug become _Raw (a law
        # cites most other acts in passing; 1,000 acts held 47,500 raws to convert)
        named = [_Raw.of_list(v) for v in record["refs"] if (self.find_act(v[4]) if v[4] else s) == slug]
        refs = [r for raw in named if (r := _resolve(self, s, lg, raw))]
        if record.get("sha256") and cited.get("sha256"):
            cache.store("citing", key, version, {"refs": [[r.law, r.lang, r.eid, r.line, r.text,
                                                          [[t.law, t.eid, t.act] for t in r.targets], r.problem]
                                                         for r in refs]})
        return refs


def _keys(heads: dict) -> set:
    """The keys an act is found by: its name (RU, and KY), its date and number."""
    head = heads.get("rus") or next(iter(heads.values()))
    keys = {act_key(head["title"])} | {k for h in heads.values() if h["lang"] == "kir"
                                       for k in [ky_act_key(h["title"])] if k}
    if head["date"] and head["number"]:
        keys.add(f"{head['date']}|{head['number']}")
    return keys


@lru_cache(maxsize=None)
def _version() -> str:
    """The version of the code that reads references: a cached reading by other code is not used."""
    from . import actnames, citations, dates, law, structure, vocabulary

    return cache.code_version(sys.modules[__name__], actnames, citations, dates, law, structure, vocabulary)


def _records(files: list[Path], jobs: int | None, progress) -> dict[Path, dict]:
    """For each law file: its name, language, date, number and the citations it makes (raw) —
    from the cache where the file is unchanged, else read (in ``jobs`` processes)."""
    from .workers import run_all

    version = _version()
    by_folder: dict[Path, list[Path]] = {}
    resolved: dict[Path, Path] = {}     # laws/ resolved once, not once per file (a realpath each)
    for f in files:
        folder = f.parent.parent
        if folder not in resolved:
            resolved[folder] = folder.resolve()
        by_folder.setdefault(resolved[folder], []).append(f)
    out: dict[Path, dict] = {}
    for folder, group in by_folder.items():
        cached = _LOADED.get((str(folder), version)) or cache.load("references", str(folder), version)
        stale, touched = [], False
        for f in group:
            rec, now = cached.get(f"{f.parent.name}/{f.name}"), cache.stamp(f)
            if rec is not None and rec.get("stamp") != now and rec.get("sha256") == _digest(f):
                rec, touched = {**rec, "stamp": now}, True   # touched, not changed: a checkout, a copy put back
            if rec is not None and rec.get("stamp") == now:
                out[f] = rec
                if progress:
                    progress(1)
            else:
                stale.append(f)
        if stale or touched:
            for f, rec in zip(stale, run_all(_read_file, [str(f) for f in stale], jobs, progress)):
                out[f] = rec
            cache.store("references", str(folder), version, {f"{f.parent.name}/{f.name}": out[f] for f in group})
        _LOADED[(str(folder), version)] = {f"{f.parent.name}/{f.name}": out[f] for f in group}
    return out


# what this process has read of each laws/ folder: a build's workers, forked after the index is
# made, start with it instead of reading the cache each
_LOADED: dict[tuple[str, str], dict] = {}


def _digest(path: Path) -> str | None:
    """The sha256 of a law file's bytes (None where it cannot be read: it is read anew, and refused there)."""
    try:
        return cache.digest(xmlio.read(path))
    except xmlio.XmlError:
        return None


def _read_file(path: str) -> dict:
    """What :func:`_records` keeps of one law file (a module-level function: it runs in workers)."""
    p = Path(path)
    stamp = cache.stamp(p)
    data = xmlio.read(p)
    law = Law.from_bytes(data, str(p))
    raws = _read_law(law, p.stem)
    return {"stamp": stamp, "sha256": cache.digest(data), "title": law.title, "lang": law.lang,
            "date": law.date, "number": law.number,
            "refs": [raw.as_list() for raw in raws], "acts": sorted({raw.act for raw in raws if raw.act})}


def unit_and_below(law: Law, eid: str) -> set[str]:
    """The eId of a unit and of every unit inside it (article eIds do not chain their chapter's)."""
    el = law.get(eid)
    return {u.get("eId") for u in st.iter_units(el)} | {eid}


def _blocks(law: Law):
    """(unit, block text, line) of every normative block, each with the unit it belongs to."""
    for unit in law.units():
        for p in st.own_paragraphs(unit):
            text = st.block_text(p)
            if text:
                yield unit, text, p.sourceline or unit.sourceline or 0


# A block is read only where a citation can be: a unit word before a number («статьи 33», «пункт
# "а"», «главы II»), a «настоящей …» frame (the only place a chain of ordinal words is kept), or an
# act's name.
_CANDIDATE_RU = lazyre.compile(r"(?i)(?:" + "|".join(unit_stems("rus")) + r")\w*\s+(?:\d|[«\"]|[IVXLC]+\b)"
                               r"|настоящ|(?:[Зз]акон|[Кк]одекс|Конституци)\w*\s+(?:Кыргызской|КР\b)")
_CANDIDATE_KY = lazyre.compile("(?i)ушул|Кыргыз Республикасынын")


def _read_law(law: Law, lang: str) -> list[_Raw]:
    """The citations of every normative block of ``law`` (its ``lang`` text), as read (not resolved)."""
    out: list[_Raw] = []
    read = _read_block_ru if lang == "rus" else _read_block_ky
    candidate = _CANDIDATE_RU if lang == "rus" else _CANDIDATE_KY
    for unit, text, line in _blocks(law):
        if candidate.search(text):
            out += read(unit, text, line)
    return out


def _read_block_ru(unit, text, line) -> list[_Raw]:
    toks = _tokens(text)
    out = []
    pending: list = []  # chains without a frame, each followed only by «,», «и», «или» so far
    i = 0
    while i < len(toks):
        links, j = _chain_ru(toks, i)
        if links and pending and not _joined(toks, pending[-1][2], i):
            pending = []
        if not links:
            frame = _frame_ru(text, toks, i) if toks[i].text[:1].isupper() else None
            if frame is not None and frame.act and _editorial(text, toks[i].start):
                i = max(frame.end, i + 1)  # «(абзац утратил силу в соответствии с Законом КР от …)»
                continue
            if frame is not None and frame.act:
                out.append(_raw(unit, line, text[toks[i].start:_end(toks, frame.end, text)], (), frame))
                i = max(frame.end, i + 1)
            else:
                i += 1
            continue
        frame = _frame_ru(text, toks, j)
        if frame is None:
            pending.append((i, links, j))
            i = j
            continue
        outer = list(reversed(links))
        lending, found = outer, []
        for start, inner, stop in reversed(pending):  # each borrows the outer links of the next
            inner = list(reversed(inner))
            full = [link for link in lending if rank(link[0]) < rank(inner[0][0])] + inner
            cited = text[toks[start].start:toks[stop - 1].end]
            # «статьей 13 и частью 1 настоящей статьи»: an article is not inside «настоящей статьи»
            own = frame if not frame.base_kind or rank(full[0][0]) > rank(frame.base_kind) else _Frame(frame.end)
            found.append(_raw(unit, line, cited, full, own))
            lending = full
        out += reversed(found)
        pending = []
        cited = text[toks[i].start:_end(toks, frame.end, text)]
        out.append(_raw(unit, line, cited, outer, frame))
        i = frame.end
    return out


_NOTE = lazyre.compile(r"(?i)утратил|утратила|утратило|утратили|в редакции|введен|дополнен")


def _editorial(text: str, at: int) -> bool:
    """Whether ``at`` lies in a database note the text kept inline: «(… утратил силу в
    соответствии с Законом КР от …)», «(В редакции Закона КР от …)»."""
    open_at = text.rfind("(", 0, at)
    return open_at >= 0 and text.rfind(")", open_at, at) < 0 and bool(_NOTE.search(text, open_at, at))


def _joined(toks, stop: int, start: int) -> bool:
    """Whether only «,», «и», «или» stand between two chains."""
    return all(t.low in _SEPARATORS for t in toks[stop:start])


def _end(toks, k, text) -> int:
    return toks[k - 1].end if k - 1 < len(toks) else len(text)


@dataclass(frozen=True)
class _Raw:
    """A citation as read from one block, before it is resolved: what the text says, so that it
    depends on this file alone (and can be cached by it)."""

    eid: str            # the citing unit
    line: int
    text: str           # the citation as written
    links: tuple        # ((kind, (key, …)), …) outermost first; () for a whole act
    act: str = ""       # another act: «key|date|number» (actnames); "" for this law
    name: str = ""      # that act's name as written
    base: str = ""      # the unit «настоящей статьи/части» is relative to
    problem: str = ""

    def as_list(self) -> list:
        return [self.eid, self.line, self.text, [[k, list(keys)] for k, keys in self.links], self.act, self.name,
                self.base, self.problem]

    @classmethod
    def of_list(cls, v: list) -> "_Raw":
        return cls(v[0], v[1], v[2], tuple((k, tuple(keys)) for k, keys in v[3]), *v[4:])


def _raw(unit, line, cited, links, frame) -> _Raw:
    eid = unit.get("eId") or ""
    links = tuple((kind, tuple(keys)) for kind, keys in links)
    if frame.act:
        return _Raw(eid, line, cited, links, frame.act, frame.name)
    if frame.base_kind:
        base = _ancestor(unit, frame.base_kind)
        if base is None:
            return _Raw(eid, line, cited, links,
                        problem=f"«{cited}»: the citing unit is not inside a {frame.base_kind}")
        return _Raw(eid, line, cited, links, base=base.get("eId") or "")
    return _Raw(eid, line, cited, links)


def _expand(links) -> list[list]:
    """«пунктах 2, 3 статьи 33» (outermost first) → [[art 33, point 2], [art 33, point 3]]."""
    chains = [[]]
    for kind, keys in links:
        chains = [c + [(kind, k)] for c in chains for k in keys]
    return chains


def _resolve(index, slug: str, lang: str, raw: _Raw) -> Reference | None:
    """Resolve every single citation a chain with lists stands for, in the act its frame names
    (None: an act naming itself)."""
    if raw.problem:
        return Reference(slug, lang, raw.eid, raw.line, raw.text, (), raw.problem)
    if raw.act:
        target_slug = index.find_act(raw.act)
        if not raw.links:
            if target_slug == slug:
                return None
            return Reference(slug, lang, raw.eid, raw.line, raw.text,
                             (Target(target_slug, WHOLE, "" if target_slug else raw.name),))
        target_law = index.law(target_slug, lang) if target_slug else None
        if target_law is None:
            return Reference(slug, lang, raw.eid, raw.line, raw.text, (Target("", WHOLE, raw.name),))
        base = None
    else:
        target_slug, target_law = slug, index.law(slug, lang)
        base = target_law.index.get(raw.base) if raw.base else None
    targets, problems = [], []
    for chain in _expand(raw.links):
        for single in _ranges(target_law, chain, base):
            try:
                eid = resolve_steps(target_law, single, base=base, text=raw.text)
            except CitationError as exc:
                problems.append(str(exc).split("; ")[0])
                continue
            targets.append(Target(target_slug, eid, "" if target_slug == slug else raw.name))
    return Reference(slug, lang, raw.eid, raw.line, raw.text, tuple(dict.fromkeys(targets)), "; ".join(problems))


def _ranges(law, chain, base) -> list[list]:
    """«пунктах 1-3», «статьями 29-31»: a hyphen joins both an inserted unit's number (126-1) and
    a range. The unit that exists wins; otherwise a rising pair is the range it reads as."""
    for i, (kind, key) in enumerate(chain):
        m = re.fullmatch(r"(\d+)-(\d+)", key) if isinstance(key, str) else None
        if m and 0 < int(m.group(2)) - int(m.group(1)) <= 200:
            if not reaches(law, chain[:i + 1], base=base):
                return [chain[:i] + [(kind, str(n))] + chain[i + 1:]
                        for n in range(int(m.group(1)), int(m.group(2)) + 1)]
    return [chain]


def _ancestor(unit, kind: str):
    tag = _TAG_OF_KIND[kind]
    el = unit
    while el is not None and st.is_unit(el):
        if st.local(el.tag) == tag and (kind != "subpoint" or st.local(el.getparent().tag) == "point"):
            return el
        el = el.getparent()
    return None


# --- Kyrgyz -------------------------------------------------------------------------------------
# «ушул Мыйзамдын 5-беренесинде», «ушул Кодекстин 427-статьясында», «ушул берененин экинчи
# бөлүгүндө»: the frame first, then the units outermost first («N-берене», «экинчи бөлүгү»).


def _chain_ky(toks, j) -> tuple[list, int]:
    links = []
    while j < len(toks):
        # «1, 2 жана 6-пункттарында»: numbers listed before the last one carry the unit word
        listed, k = [], j
        while k + 1 < len(toks) and re.fullmatch(r"\d+(?:-\d+)*", toks[k].text):
            sep = k + 2 if toks[k + 1].text == "-" else k + 1   # «16- жана 19-статьяларында»
            if sep >= len(toks) or toks[sep].low not in (",", "жана", "же"):
                break
            listed.append(toks[k].text)
            k = sep + 1
        m = re.fullmatch(r"(\d+(?:-\d+)*)-([^\W\d_]+)", toks[k].low) if k < len(toks) else None
        if m and unit_kind(m.group(2), "kir") in _CHAIN_KINDS:
            kind = unit_kind(m.group(2), "kir")
            keys = listed + [m.group(1)]
            links.append((kind, [int(x) for x in keys] if kind == "abzats" else keys))
            j = k + 1
            continue
        if j + 1 < len(toks) and _NUM.fullmatch(toks[j].text) and unit_kind(toks[j + 1].low, "kir") in _CHAIN_KINDS:
            kind = unit_kind(toks[j + 1].low, "kir")   # «I бөлүмдө», «2 бөлүгүндө»
            links.append((kind, [int(toks[j].text) if kind == "abzats" else toks[j].text]))
            j += 2
            continue
        if toks[j].text in _QUOTES and j + 3 < len(toks) and _LETTER.fullmatch(toks[j + 1].low) \
                and toks[j + 2].text in _QUOTES and unit_kind(toks[j + 3].low, "kir") in ("point", "subpoint"):
            links.append((unit_kind(toks[j + 3].low, "kir"), [toks[j + 1].low]))  # «"а" пунктчасы»
            j += 4
            continue
        words = [x.low for x in toks[j:j + 5]]
        o = ordinal_at(words, 0)
        if o and j + o[1] < len(toks):
            kind = unit_kind(toks[j + o[1]].low, "kir")
            if kind in ("abzats", "part_of", "point"):
                links.append((kind, [o[0] if kind == "abzats" else str(o[0])]))
                j += o[1] + 1
                continue
        break
    return links, j


def _read_block_ky(unit, text, line) -> list[_Raw]:
    toks = _tokens(text)
    out = []
    i = 0
    while i + 1 < len(toks):
        other = KY_ACT_WORD.match(text, toks[i].start) if toks[i].low == "кыргыз" else None
        if other is not None:  # «Кыргыз Республикасынын Конституциясынын 30-статьясына»
            k = i
            while k < len(toks) and toks[k].start < other.end():
                k += 1
            frame = _Frame(k, act=f"{ky_act_key(other.group(0))}||", name=other.group(0))
            links, j = _chain_ky(toks, k)
            if links:
                out.append(_raw(unit, line, text[toks[i].start:toks[j - 1].end], links, frame))
            i = max(j, i + 1)
            continue
        if toks[i].low != "ушул":
            i += 1
            continue
        word = toks[i + 1].low
        if word.startswith(KY_ACT_STEMS):
            frame = _Frame(i + 2)
        elif unit_kind(word, "kir") in _TAG_OF_KIND:
            frame = _Frame(i + 2, base_kind=unit_kind(word, "kir"))
        else:
            i += 1
            continue
        start = i
        links, j = _chain_ky(toks, frame.end)
        while links:
            cited = text[toks[start].start:toks[j - 1].end]
            out.append(_raw(unit, line, cited, links, frame))
            # «… 8-пунктунда жана 83-статьясынын 2-3-пункттарында»: the next chain, the same frame;
            # one that starts below the article borrows the article of the one before
            if j + 1 >= len(toks) or toks[j].low not in (",", "жана", "же"):
                break
            more, k = _chain_ky(toks, j + 1)
            if not more:
                break
            if rank(more[0][0]) > rank("article"):
                more = [link for link in links if rank(link[0]) <= rank("article")] + more
            start, links, j = j + 1, more, k
        i = max(j, i + 2)
    return out


# --- what a bill's change breaks ----------------------------------------------------------------
# ops that take a unit away or change its number (and restate: it may drop the unit's sub-units)
_BREAKING = {"repeal": "repeals", "delete": "deletes", "renumber": "renumbers", "restate": "restates",
             "shifts": "moves to another position (an abzats is cited by its position)"}
_GONE = ("repeal", "delete", "restate")


def cited_by_findings(bill, applied, root=".") -> list:
    """A warning (``CHECK.CITED_BY``) for each provision that cites a unit a bill repeals,
    deletes, renumbers, shifts («абзац третий» becomes the second) or restates (a sub-unit of it),
    naming the citing provision: KR practice brings those into conformity in the same bill.

    ``applied`` are the bill's changed laws (patch.AppliedLaw) with the engine's footprint: the
    units each op acted on, in the base's eIds. Citing provisions inside a unit the bill takes away
    or restates are left out."""
    changes, laws = [], {}
    for a in applied:
        folder = Path(a.path).parent
        if folder in laws:
            continue  # the other language: the same eIds
        laws[folder] = a.old
        fp = a.footprint
        for eid, op in fp.touched.items():
            kind = op.kind.value
            if kind in _BREAKING and kind != "shifts" and eid in a.old:
                changes.append((folder, eid, op, kind, {eid} if kind == "restate" else set()))
        for parent_eid, (position, op) in fp.shifted.items():
            parent = a.old.body if parent_eid == "body" else a.old.index.get(parent_eid)
            for block in st.part_blocks(parent)[position:] if parent is not None else []:
                if block.get("eId") not in fp.touched:
                    changes.append((folder, block.get("eId"), op, "shifts", set()))
    if not changes:
        return []
    loaded: dict = {}
    for a in applied:
        loaded.setdefault(Path(a.path).parent.parent, {}).setdefault(Path(a.path).parent.name, {})[Path(a.path).stem] = a.old
    indexes = {f: Index(f, laws=loaded.get(f)) for f in {folder.parent for folder in laws}}
    gone: dict[str, set] = {}
    for folder, eid, op, kind, _ in changes:
        if kind in _GONE:
            gone.setdefault(folder.name, set()).update(unit_and_below(laws[folder], eid))
    out, seen = [], set()
    for folder, eid, op, kind, spared in changes:
        index, slug = indexes[folder.parent], folder.name
        affected = unit_and_below(laws[folder], eid) - spared
        for ref in index.citing(slug, affected):
            key = (eid, ref.law, ref.eid)
            if key in seen or ref.eid in gone.get(ref.law, ()) or (ref.law == slug and ref.eid in affected):
                continue
            seen.add(key)
            out.append(_cited_by(bill, index, op, eid, _BREAKING[kind], ref, slug))
    return out


def _cited_by(bill, index, op, eid: str, verb: str, ref: Reference, slug: str):
    from .citations import cite
    from .errors import Finding

    citing_law = index.law(ref.law, ref.lang)
    try:
        who = cite(citing_law, ref.eid)
    except CitationError:
        who = ref.eid
    where = "" if ref.law == slug else f" of laws/{ref.law}"
    return Finding("CHECK.CITED_BY", f"{who} ({ref.eid}){where} cites the unit this op {verb}: «{ref.text}»",
                   file=bill.path, line=op.line, unit=eid, severity="warning", op=op.kind.value,
                   hint=f"amend {who}{where} in this bill too ({citing_law.source}:{ref.line})",
                   extra={"law": ref.law, "eid": ref.eid, "citation": who, "text": ref.text})


# --- queries ------------------------------------------------------------------------------------
@dataclass
class Citing:
    """The answer of ``lawpatch refs``: a unit (or a whole law) and the references into it."""

    law: str
    eid: str
    citation: str
    references: list[Reference]

    def as_dict(self) -> dict:
        return {"law": self.law, "eid": self.eid, "citation": self.citation,
                "references": [ref_dict(r) for r in self.references]}


def ref_dict(r: Reference) -> dict:
    return {"law": r.law, "lang": r.lang, "eid": r.eid, "line": r.line, "text": r.text,
            "targets": [{"law": t.law, "eid": t.eid, "act": t.act} for t in r.targets],
            **({"problem": r.problem} if r.problem else {})}


def refs_to(law_dir: str | Path, citation: str | None = None, lang: str = "rus", progress=None) -> Citing:
    """The references into the unit ``citation`` of the law in ``law_dir`` (``laws/<slug>``) from
    the ``lang`` text of every law beside it — or, without a citation, every reference the law's
    ``lang`` text makes."""
    from .citations import cite, resolve
    from .errors import UsageError

    folder = Path(law_dir)
    if not (folder / f"{lang}.xml").is_file():
        raise UsageError(f"{folder}: no {lang}.xml here (refs takes a law's folder, laws/<slug>)")
    if not folder.name or folder.name == "..":
        folder = folder.resolve()
    index = Index(folder.parent, progress=progress)
    slug = folder.name
    law = index.law(slug, lang)
    if not citation:
        return Citing(slug, WHOLE, "", index.references_of(slug, lang))
    eid = resolve(law, citation)
    inside = unit_and_below(law, eid)
    refs = [r for r in index.citing(slug, inside, lang) if not (r.law == slug and r.eid in inside)]
    try:
        name = cite(law, eid)
    except CitationError:  # a number printed twice: the eId tells the unit from its twin
        name = eid
    return Citing(slug, eid, name, refs)
